"""Every user-facing string can be extracted and is translated: tr()/translate() take literal
text (lupdate reads only literals), and the Spanish .ts has a finished translation for every
message a fresh lupdate of the sources finds."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
I18N = REPO / "resources" / "i18n"
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"%\d|%n|\{\w+\}")


def _name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def _is_text(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def bad_calls(source: str, filename: str) -> list[str]:
    """tr()/translate() calls lupdate cannot read: a text (or a translate context) that is not
    a string literal, or a translate() with a count (lupdate gives plural forms only to
    tr() calls inside a class)."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node)
        where = f"{filename}:{node.lineno}: {ast.unparse(node)[:90]}"
        if name == "tr":
            if not node.args or not _is_text(node.args[0]):
                found.append(where)
            elif (isinstance(node.func, ast.Attribute)
                  and ast.unparse(node.func.value) not in ("self", "super()")):
                # lupdate files it under the variable's name, Qt looks it up under the
                # object's class: it is never found.
                found.append(where + " (tr on another object: use translate with a context)")
        elif name == "translate":
            if isinstance(node.func, ast.Attribute) and ast.unparse(node.func.value) not in (
                    "QCoreApplication", "QApplication"):
                continue  # another object's translate (a QPainter's, a str's)
            if len(node.args) < 2 or not (_is_text(node.args[0]) and _is_text(node.args[1])):
                found.append(where)
            elif len(node.args) > 3 or any(k.arg == "n" for k in node.keywords):
                found.append(where + " (a count: use self.tr in a class)")
    return found


def modules_using_translation() -> list[Path]:
    return sorted(path for path in (REPO / "mcdesk").rglob("*.py")
                  if re.search(r"\btr\(|\btranslate\(", path.read_text(encoding="utf-8")))


def test_every_tr_and_translate_call_has_literal_text() -> None:
    modules = modules_using_translation()
    assert len(modules) > 50  # the ui layer at least
    found = [line for path in modules
             for line in bad_calls(path.read_text(encoding="utf-8"),
                                   str(path.relative_to(REPO)))]
    assert not found, "not extractable by lupdate:\n" + "\n".join(found)


def test_no_developer_comment_reaches_the_translators() -> None:
    """lupdate hands a `#:` comment to the translators as a note on the next message it finds,
    however far below: notes for developers go in plain `#` comments."""
    found = [f"{path.relative_to(REPO)}:{number}"
             for path in sorted((REPO / "mcdesk").rglob("*.py"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if line.lstrip().startswith("#:")]
    assert not found, "translator notes:\n" + "\n".join(found)


@pytest.mark.parametrize("source", [
    "self.tr(label)",
    "self.tr(f'{n} files')",
    "QCoreApplication.translate('ctx', text)",
    "QCoreApplication.translate(CONTEXT, 'Save')",
    "translate('ctx', '%n file(s)', '', n)",
    "owner.tr('Zoom in')",
])
def test_the_check_catches_what_lupdate_cannot_read(source: str) -> None:
    assert bad_calls(source, "example.py")


def test_the_check_lets_literals_through() -> None:
    assert not bad_calls("self.tr('Save')\nself.tr('%n file(s)', '', n)\n"
                         "translate('ctx', 'Open')\npainter.translate(x, y)\n"
                         "'abc'.translate(table)", "example.py")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(context.findtext("name") or "", message.findtext("source") or ""): message
            for context in root.iter("context") for message in context.iter("message")}


def forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def lupdate_problems(committed: Path, sources: Path, lang: str, work: Path) -> list[str]:
    """What a fresh lupdate of `sources` over a copy of `committed` finds missing: messages
    new or gone, and messages without a finished translation."""
    fresh = work / committed.name
    shutil.copy(committed, fresh)
    extra = ["-pluralonly"] if lang == "en" else []
    done = subprocess.run(
        [str(BIN / "pyside6-lupdate"), "-extensions", "py", "-locations", "none",
         "-no-obsolete", *extra, "-source-language", "en", "-target-language", lang,
         str(sources), "-ts", str(fresh)],
        capture_output=True, text=True, check=False, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    before, after = messages(committed), messages(fresh)
    problems = [f"new: {key}" for key in sorted(set(after) - set(before))]
    problems += [f"gone: {key}" for key in sorted(set(before) - set(after))]
    for key, message in after.items():
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished") \
                or not all(forms(message)):
            problems.append(f"untranslated: {key}")
    return problems


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_translation_has_every_message_of_the_sources(lang: str, tmp_path: Path) -> None:
    """An English string added without its Spanish fails here: run
    scripts/update-translations.sh, translate what it marks unfinished (docs/translating.md)."""
    problems = lupdate_problems(I18N / f"mcdesk_{lang}.ts", REPO / "mcdesk", lang, tmp_path)
    assert not problems, "\n".join(problems[:30])


def test_a_new_string_without_its_translation_is_found(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "page.py").write_text(
        "from PySide6.QtCore import QObject\n\n\nclass Page(QObject):\n"
        "    def title(self) -> str:\n        return self.tr('A brand new string')\n")
    ts = tmp_path / "mcdesk_es.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                  '<TS version="2.1" language="es" sourcelanguage="en"></TS>\n')
    work = tmp_path / "work"
    work.mkdir()
    problems = lupdate_problems(ts, sources, "es", work)
    assert "new: ('Page', 'A brand new string')" in problems
    assert "untranslated: ('Page', 'A brand new string')" in problems


def test_translations_keep_every_placeholder_and_mnemonic() -> None:
    for key, message in messages(I18N / "mcdesk_es.ts").items():
        source = key[1]
        wanted = sorted(set(PLACEHOLDER.findall(source)))
        for form in forms(message):
            got = sorted(set(PLACEHOLDER.findall(form)))
            assert got == wanted or (got == [p for p in wanted if p != "%n"]
                                     and message.get("numerus") == "yes"), (key, form)
            mnemonic = re.compile(r"&(?!nbsp;|amp;)\w")
            assert len(mnemonic.findall(form)) == len(mnemonic.findall(source)), (key, form)
