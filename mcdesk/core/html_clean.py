"""Makes a saved web page safe to show: scripts, frames, plug-ins, forms, event handlers and
javascript: addresses removed, only data: pictures kept (nothing is fetched); any thread."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

# Elements dropped with everything inside them.
DROPPED = frozenset({"script", "iframe", "frame", "frameset", "object", "embed", "applet",
                     "noscript", "template", "form", "link", "meta", "base", "svg", "math"})
# Elements that never have an end tag.
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "param", "source", "track", "wbr"})
# Attributes whose value is an address.
ADDRESSES = frozenset({"href", "src", "action", "formaction", "background", "poster",
                       "srcset", "xlink:href"})


@dataclass(frozen=True)
class CleanPage:
    html: str
    scripts_removed: int  # scripts, event handlers and javascript: addresses taken out
    other_removed: int  # frames, plug-ins, forms, outside addresses


class _Cleaner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.scripts = 0
        self.other = 0
        self._dropping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._dropping:
            if tag not in VOID:
                self._dropping.append(tag)
            return
        if tag in DROPPED:
            if tag in ("script", "noscript"):
                self.scripts += 1
            else:
                self.other += 1
            if tag not in VOID:
                self._dropping.append(tag)
            return
        kept = []
        for name, value in attrs:
            if name.startswith("on"):
                self.scripts += 1
                continue
            if name in ADDRESSES and value is not None:
                address = value.strip().lower()
                if address.startswith(("javascript:", "vbscript:")):
                    self.scripts += 1
                    continue
                if tag == "img" and not address.startswith("data:image/"):
                    self.other += 1  # a saved-whole page has its pictures inside
                    return
            if name == "style" and value and "expression(" in value.lower():
                self.scripts += 1
                continue
            kept.append(f' {name}="{escape(value, quote=True)}"' if value is not None
                        else f" {name}")
        self.out.append(f"<{tag}{''.join(kept)}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self._dropping:
            if tag == self._dropping[-1]:
                self._dropping.pop()
            return
        if tag not in DROPPED and tag not in VOID:
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self._dropping:
            self.out.append(escape(data, quote=False))


def clean_page(text: str) -> CleanPage:
    """The page without anything that could run or fetch; counts of what was removed."""
    cleaner = _Cleaner()
    cleaner.feed(text)
    cleaner.close()
    return CleanPage("".join(cleaner.out), cleaner.scripts, cleaner.other)
