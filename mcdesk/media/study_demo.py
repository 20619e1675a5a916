"""Study material for the demo catalog, drawn at set-up (no binaries in git): a photo-like PNG
of student work, a diagram, and a page "saved whole" as one HTML file with its picture inside;
worker threads."""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Sequence
from pathlib import Path

PAPER = (250, 247, 238)
INK = (40, 48, 88)
PENCIL = (90, 90, 90)
MARK = (200, 40, 40)


def make_student_work(dest: Path, *, title: str, lines: Sequence[str],
                      ticks: Sequence[bool] = (), size: tuple[int, int] = (900, 640)) -> Path:
    """A PNG of a hand-filled worksheet: a title, written lines, a teacher's ticks/crosses."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", size, (214, 196, 160))  # the desk
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.rectangle((40, 30, width - 40, height - 30), fill=PAPER, outline=(190, 180, 160))
    for y in range(120, height - 50, 44):  # ruled lines
        draw.line((70, y, width - 70, y), fill=(180, 200, 225), width=2)
    font = ImageFont.load_default(size=30)
    small = ImageFont.load_default(size=24)
    draw.text((70, 55), title, fill=INK, font=font)
    for number, line in enumerate(lines):
        y = 88 + 44 * (number + 1)
        draw.text((80, y), line, fill=PENCIL, font=small)
        if number < len(ticks):
            x = width - 120
            if ticks[number]:
                draw.line((x, y + 16, x + 12, y + 28), fill=MARK, width=5)
                draw.line((x + 12, y + 28, x + 36, y), fill=MARK, width=5)
            else:
                draw.line((x, y, x + 28, y + 28), fill=MARK, width=5)
                draw.line((x + 28, y, x, y + 28), fill=MARK, width=5)
    image.save(dest, "PNG", optimize=True)
    return dest


def make_tree_diagram(dest: Path, *, root: str, branches: Sequence[tuple[str, Sequence[str]]],
                      size: tuple[int, int] = (960, 600)) -> Path:
    """A PNG of a decomposition tree drawn on paper: a problem, its parts and their parts."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", size, PAPER)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=24)
    width, _height = size

    def box(center_x: int, y: int, text: str) -> tuple[int, int]:
        left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
        half = int(right - left) // 2 + 14
        draw.rounded_rectangle((center_x - half, y, center_x + half, y + bottom - top + 20),
                               radius=10, outline=INK, width=3, fill=(255, 255, 255))
        draw.text((center_x - half + 14, y + 8), text, fill=INK, font=font)
        return center_x, int(y + bottom - top + 20)

    root_x, root_bottom = box(width // 2, 40, root)
    step = width // max(1, len(branches))
    for index, (name, leaves) in enumerate(branches):
        x = step // 2 + index * step
        draw.line((root_x, root_bottom, x, 200), fill=PENCIL, width=3)
        _x, bottom = box(x, 200, name)
        for number, leaf in enumerate(leaves):
            y = 330 + number * 80
            draw.line((x, bottom if number == 0 else y - 30, x, y), fill=PENCIL, width=2)
            box(x, y, leaf)
    image.save(dest, "PNG", optimize=True)
    return dest


def make_saved_page(dest: Path, *, title: str, paragraphs: Sequence[str], picture: Path,
                    with_script: bool = False) -> Path:
    """One self-contained HTML file, as a browser's "save page, complete, as one file" makes:
    its picture inside as a data: URI. `with_script` adds what such pages often carry (a
    tracking script, an onload handler), which mcdesk removes before showing it."""
    from PIL import Image

    with Image.open(picture) as image:
        image.thumbnail((640, 480))
        buffer = io.BytesIO()
        image.save(buffer, "PNG", optimize=True)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    body = "\n".join(f"<p>{html.escape(text)}</p>" for text in paragraphs)
    script = ('<script>document.title = "tracked"; fetch("https://tracker.example/p");'
              "</script>\n") if with_script else ""
    onload = ' onload="alert(1)"' if with_script else ""
    page = (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title>\n{script}</head>\n<body{onload}>\n"
            f"<h1>{html.escape(title)}</h1>\n{body}\n"
            f'<p><img alt="{html.escape(title)}" src="data:image/png;base64,{data}"></p>\n'
            "</body></html>\n")
    dest.write_text(page, encoding="utf-8")
    return dest
