"""Draws the demo catalog's badge images (one SVG per micro-credential and per stack) and writes
them into resources/demo_catalog.json as data: URIs (the Achievement's `image`, and each
stack's `image`). Run: python3 scripts/make_badge_images.py"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from xml.sax.saxutils import escape

CATALOG = Path(__file__).resolve().parents[1] / "resources" / "demo_catalog.json"

# One look per stack: outline shape, main colour, a lighter inner colour, and a glyph.
STYLES = {
    "https://demo.mcdesk.org/stacks/formative-assessment":
        ("hexagon", "#0f766e", "#14b8a6", "check"),
    "https://demo.mcdesk.org/stacks/computational-thinking":
        ("circle", "#4338ca", "#818cf8", "braces"),
    "https://demo.mcdesk.org/stacks/family-engagement":
        ("shield", "#b45309", "#f59e0b", "house"),
}
STANDALONE = ("square", "#334155", "#94a3b8", "star")
FONT = "DejaVu Sans, Verdana, Arial, sans-serif"


def _outline(shape: str, inset: float) -> str:
    c, r = 100.0, 94.0 - inset
    if shape == "hexagon":
        points = [(c, c - r), (c + r * 0.866, c - r / 2), (c + r * 0.866, c + r / 2),
                  (c, c + r), (c - r * 0.866, c + r / 2), (c - r * 0.866, c - r / 2)]
        return '<polygon points="' + " ".join(f"{x:.1f},{y:.1f}" for x, y in points) + '"'
    if shape == "circle":
        return f'<circle cx="{c}" cy="{c}" r="{r:.1f}"'
    if shape == "shield":
        top, side, bottom = 6 + inset, 12 + inset, 194 - inset
        return (f'<path d="M{c} {top} L{200 - side} {top + 22} L{200 - side} {c + 8} '
                f'Q{200 - side} {bottom - 34} {c} {bottom} Q{side} {bottom - 34} {side} {c + 8} '
                f'L{side} {top + 22} Z"')
    return (f'<rect x="{6 + inset}" y="{6 + inset}" width="{188 - 2 * inset}" '
            f'height="{188 - 2 * inset}" rx="{28 - inset / 2:.1f}"')


def _glyph(kind: str, colour: str) -> str:
    stroke = f'fill="none" stroke="{colour}" stroke-width="5" stroke-linecap="round" ' \
             'stroke-linejoin="round"'
    if kind == "check":
        return f'<path d="M86 44 L96 54 L116 32" {stroke}/>'
    if kind == "braces":
        return (f'<path d="M92 30 Q84 30 84 38 L84 41 Q84 45 79 45 Q84 45 84 49 L84 52 '
                f'Q84 60 92 60 M108 30 Q116 30 116 38 L116 41 Q116 45 121 45 Q116 45 116 49 '
                f'L116 52 Q116 60 108 60" {stroke}/>')
    if kind == "house":
        return f'<path d="M82 46 L100 30 L118 46 M87 42 L87 60 L113 60 L113 42" {stroke}/>'
    return (f'<path d="M100 28 L105 40 L118 40 L108 48 L112 61 L100 53 L88 61 L92 48 L82 40 '
            f'L95 40 Z" fill="{colour}"/>')


def _lines(name: str, width: int = 13) -> list[str]:
    words, lines, line = name.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return lines[:4]


def badge_svg(name: str, style: tuple[str, str, str, str], footer: str, *,
              stack: bool = False) -> str:
    shape, main, light, glyph = style
    lines = _lines(name)
    size = 17 if len(lines) <= 2 else 15 if len(lines) == 3 else 13
    step = size * 1.15
    first = 108 - (len(lines) - 1) * step / 2 + size * 0.35
    text = "".join(
        f'<text x="100" y="{first + i * step:.1f}" font-family="{FONT}" '
        f'font-size="{size}" font-weight="bold" fill="#ffffff" text-anchor="middle">'
        f"{escape(line)}</text>" for i, line in enumerate(lines))
    ring = (_outline(shape, 0) + f' fill="{"#d4a017" if stack else main}"/>'
            + _outline(shape, 7 if stack else 5) + f' fill="{main}"/>'
            + _outline(shape, 13 if stack else 11) + f' fill="none" stroke="{light}" '
            'stroke-width="2"/>')
    label = escape(footer)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="200" '
        f'height="200" role="img"><title>{escape(name)}</title>{ring}'
        f'<circle cx="100" cy="45" r="22" fill="#ffffff"/>{_glyph(glyph, main)}{text}'
        f'<rect x="38" y="150" width="124" height="22" rx="11" fill="#ffffff"/>'
        f'<text x="100" y="165.5" font-family="{FONT}" font-size="11" font-weight="bold" '
        f'fill="{main}" text-anchor="middle">{label}</text></svg>')


def data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def main() -> None:
    catalog = json.loads(CATALOG.read_text("utf-8"))
    members: dict[str, int] = {}
    for achievement in catalog["achievements"]:
        stack = (achievement.get("mcdeskMicroCredential") or {}).get("stack")
        if stack:
            members[stack["id"]] = members.get(stack["id"], 0) + 1
    for achievement in catalog["achievements"]:
        stack = (achievement.get("mcdeskMicroCredential") or {}).get("stack")
        if stack:
            style = STYLES.get(stack["id"], STANDALONE)
            footer = f"{stack['position']} of {members[stack['id']]}"
        else:
            style, footer = STANDALONE, "Micro-credential"
        svg = badge_svg(achievement["name"], style, footer)
        achievement["image"] = {"id": data_uri(svg), "type": "Image",
                                "caption": f"Badge: {achievement['name']}"}
    for stack in catalog.get("stacks", []):
        svg = badge_svg(stack["name"], STYLES.get(stack["id"], STANDALONE),
                        f"Stack of {members.get(stack['id'], 0)}", stack=True)
        stack["image"] = {"id": data_uri(svg), "type": "Image",
                          "caption": f"Stack badge: {stack['name']}"}
    CATALOG.write_text(json.dumps(catalog, indent=2, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
