"""Badge pictures and printable proof for earned credentials: the badge as PNG (from the
credential's image when it is a PNG, else a drawn default) and SVG, a one-page PDF certificate
and a PDF transcript; worker thread (pure data in, bytes out)."""

from __future__ import annotations

import base64
import hashlib
import io
import re
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from mcdesk.core.errors import MediaError

BADGE_SIZE = 512
MAX_IMAGE_BYTES = 5 * 1024 * 1024
_DATA_URI = re.compile(r"^data:([\w.+/-]+)?((?:;[\w=.-]+)*?)(;base64)?,(.*)$", re.S)
_PALETTE = ("#1b5e8c", "#2e7d5b", "#8c4a1b", "#5b3c8c", "#8c1b4a", "#3c6e8c")
_LATIN1_SUBSTITUTES = str.maketrans({"—": "-", "–": "-", "’": "'", "‘": "'", "“": '"',
                                     "”": '"', "…": "...", "•": "-", "✓": "v"})


def data_uri(image: str | None) -> tuple[str, bytes] | None:
    """(media type, bytes) of a data: URI, None for anything else (a URL, nothing)."""
    if not image:
        return None
    match = _DATA_URI.match(image.strip())
    if match is None:
        return None
    media_type = (match.group(1) or "text/plain").lower()
    body = match.group(4)
    try:
        data = base64.b64decode(body, validate=False) if match.group(3) \
            else urllib.parse.unquote_to_bytes(body)
    except ValueError:
        return None
    if len(data) > MAX_IMAGE_BYTES:
        return None
    return media_type, data


def initials(title: str) -> str:
    words = [w for w in re.split(r"[\s\-–—/]+", title) if w and w[0].isalnum()]
    significant = [w for w in words if w.lower() not in {"a", "an", "the", "of", "for", "and",
                                                          "with", "to", "in", "on"}]
    chosen = significant or words or ["?"]
    return "".join(w[0].upper() for w in chosen[:3])


def _colour(title: str) -> str:
    return _PALETTE[hashlib.sha256(title.encode()).digest()[0] % len(_PALETTE)]


def default_badge_svg(title: str) -> str:
    """A plain round badge with the micro-credential's initials (no credential image)."""
    colour = _colour(title)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" '
        'viewBox="0 0 512 512">'
        f"<title>{escape(title)}</title>"
        f'<circle cx="256" cy="256" r="240" fill="{colour}"/>'
        '<circle cx="256" cy="256" r="200" fill="none" stroke="#ffffff" stroke-width="10"/>'
        '<text x="256" y="300" font-family="DejaVu Sans, Arial, sans-serif" font-size="140" '
        f'font-weight="bold" fill="#ffffff" text-anchor="middle">{escape(initials(title))}'
        "</text></svg>")


def badge_svg(image: str | None, title: str) -> str:
    """The badge as SVG text: the credential's own SVG image, its PNG wrapped in an SVG, or
    the default badge."""
    decoded = data_uri(image)
    if decoded is not None:
        media_type, data = decoded
        if media_type == "image/svg+xml":
            text = data.decode("utf-8", errors="replace")
            if "<svg" in text and "<script" not in text.lower() and "<!ENTITY" not in text:
                return text
        if media_type == "image/png" and _is_png(data):
            encoded = base64.b64encode(data).decode("ascii")
            return ('<svg xmlns="http://www.w3.org/2000/svg" '
                    'xmlns:xlink="http://www.w3.org/1999/xlink" width="512" height="512" '
                    f'viewBox="0 0 512 512"><title>{escape(title)}</title>'
                    f'<image width="512" height="512" xlink:href="data:image/png;base64,'
                    f'{encoded}"/></svg>')
    return default_badge_svg(title)


def _is_png(data: bytes) -> bool:
    return data.startswith(b"\x89PNG\r\n\x1a\n")


def badge_png(image: str | None, title: str, size: int = BADGE_SIZE) -> bytes:
    """The badge as PNG bytes: the credential's PNG image (re-encoded, so nothing hidden in
    it travels on), else a drawn badge in the micro-credential's colour with its initials."""
    from PIL import Image, ImageDraw, ImageFont, UnidentifiedImageError

    decoded = data_uri(image)
    if decoded is not None and decoded[0] == "image/svg+xml":
        rendered = render_svg(decoded[1].decode("utf-8", errors="replace"), size)
        if rendered is not None:
            return rendered
    if decoded is not None and decoded[0] in ("image/png", "image/jpeg"):
        try:
            with Image.open(io.BytesIO(decoded[1])) as picture:
                picture.load()
                converted = picture.convert("RGBA")
            converted.thumbnail((size, size))
            out = io.BytesIO()
            converted.save(out, "PNG")
            return out.getvalue()
        except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
            pass  # a broken picture: the drawn badge stands in
    drawn = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(drawn)
    colour = _colour(title)
    margin = size // 32
    draw.ellipse((margin, margin, size - margin, size - margin), fill=colour)
    ring = size // 8
    draw.ellipse((ring, ring, size - ring, size - ring), outline="#ffffff",
                 width=max(2, size // 50))
    font = ImageFont.load_default(size=size // 4)
    draw.text((size / 2, size / 2), initials(title), fill="#ffffff", font=font, anchor="mm")
    out = io.BytesIO()
    drawn.save(out, "PNG")
    return out.getvalue()


_EXTERNAL_REFERENCE = re.compile(r"""(?:href|src)\s*=\s*["'](?!data:|#)""", re.I)


def render_svg(svg_text: str, size: int) -> bytes | None:
    """An SVG badge as a `size`×`size` PNG (resvg: memory-safe, no network), or None for an
    SVG that is unsafe (scripts, entities, references to files or URLs) or cannot be drawn."""
    lowered = svg_text.lower()
    if ("<script" in lowered or "<!entity" in lowered or "<foreignobject" in lowered
            or _EXTERNAL_REFERENCE.search(svg_text)):
        return None
    import resvg_py

    try:
        return bytes(resvg_py.svg_to_bytes(svg_string=svg_text, width=size, height=size))
    except (ValueError, OSError):
        return None


def latin1(text: str) -> str:
    """fpdf2's core fonts speak Latin-1 only (Spanish included); the rest is substituted."""
    return text.translate(_LATIN1_SUBSTITUTES).encode("latin-1", "replace").decode("latin-1")


@dataclass(frozen=True)
class Certificate:
    title: str
    competency: str
    issuer: str
    earned_on: str
    verification: str
    holder: str | None = None
    heading: str = "Micro-credential earned"
    competency_label: str = "Competency"
    made_by: str = "mcdesk"


def certificate_pdf(certificate: Certificate, badge: bytes) -> bytes:
    """One A4 landscape page: the badge, the micro-credential, its competency, the issuer, the
    date and a verification line."""
    from fpdf import FPDF

    pdf = FPDF(orientation="L", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_title(latin1(certificate.title))
    pdf.set_creator(latin1(certificate.made_by))
    pdf.add_page()
    pdf.set_draw_color(40, 70, 110)
    pdf.set_line_width(1.2)
    pdf.rect(10, 10, 277, 190)
    try:
        pdf.image(io.BytesIO(badge), x=123.5, y=20, w=50, h=50)
    except Exception as exc:  # fpdf2 raises plain exceptions for pictures it cannot read
        raise MediaError(f"the badge picture cannot be placed in the PDF ({exc})") from exc
    pdf.set_xy(20, 76)
    pdf.set_font("Helvetica", "", 14)
    pdf.set_text_color(90, 90, 90)
    pdf.cell(257, 8, latin1(certificate.heading), align="C", new_x="LMARGIN", new_y="NEXT")
    if certificate.holder:
        pdf.set_x(20)
        pdf.set_font("Helvetica", "", 16)
        pdf.set_text_color(20, 20, 20)
        pdf.cell(257, 9, latin1(certificate.holder), align="C", new_x="LMARGIN",
                 new_y="NEXT")
    pdf.set_x(20)
    pdf.set_font("Helvetica", "B", 22)
    pdf.set_text_color(20, 40, 70)
    pdf.multi_cell(257, 10, latin1(certificate.title), align="C", new_x="LMARGIN",
                   new_y="NEXT", max_line_height=10)
    pdf.ln(2)
    pdf.set_x(30)
    pdf.set_font("Helvetica", "B", 10)
    pdf.set_text_color(90, 90, 90)
    pdf.cell(237, 6, latin1(certificate.competency_label), align="C", new_x="LMARGIN",
             new_y="NEXT")
    pdf.set_x(30)
    pdf.set_font("Helvetica", "", 11)
    pdf.set_text_color(30, 30, 30)
    competency = certificate.competency
    if len(competency) > 600:
        competency = competency[:597].rstrip() + "..."
    pdf.multi_cell(237, 5.5, latin1(competency), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_xy(20, 162)
    pdf.set_font("Helvetica", "", 12)
    pdf.cell(257, 7, latin1(f"{certificate.issuer}  -  {certificate.earned_on}"), align="C",
             new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(20)
    pdf.set_font("Helvetica", "I", 9)
    pdf.set_text_color(70, 70, 70)
    pdf.multi_cell(257, 4.5, latin1(certificate.verification), align="C")
    return bytes(pdf.output())


def transcript_pdf(title: str, subtitle: str, header: Sequence[str],
                   rows: Sequence[Sequence[str]], total: str, footer: str) -> bytes:
    """A table of credentials with their hours and a total line, as many pages as needed."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_title(latin1(title))
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, latin1(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, latin1(subtitle), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    widths = (62, 44, 22, 26, 16)
    pdf.set_font("Helvetica", "B", 9)
    with pdf.table(col_widths=widths, text_align=("LEFT", "LEFT", "LEFT", "LEFT", "RIGHT"),
                   line_height=5) as table:
        head = table.row()
        for cell in header:
            head.cell(latin1(cell))
        pdf.set_font("Helvetica", "", 9)
        for values in rows:
            line = table.row()
            for cell in values:
                line.cell(latin1(cell))
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 7, latin1(total), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "I", 8)
    pdf.multi_cell(0, 4, latin1(footer))
    return bytes(pdf.output())
