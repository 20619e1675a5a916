"""The one reader for user-named text files (catalogs, answers): each refusal names the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from mcdesk.core.errors import CatalogImportError, McdeskError
from mcdesk.services.text_files import read_utf8


def test_reads_utf8_with_or_without_a_bom(tmp_path: Path) -> None:
    plain, bom = tmp_path / "a.txt", tmp_path / "b.txt"
    plain.write_text("Évaluation", encoding="utf-8")
    bom.write_bytes("\ufeffcafé".encode())
    assert read_utf8(plain, limit=100, what="answers") == "Évaluation"
    assert read_utf8(bom, limit=100, what="answers") == "café"


@pytest.mark.parametrize(("setup", "message"), [
    (lambda p: p.write_bytes(b""), "the file is empty"),
    (lambda p: p.write_bytes(b"x" * 2048), "MB are refused"),
    (lambda p: p.mkdir(), "this is a folder"),
    (lambda p: None, "no such file"),
    (lambda p: p.write_bytes(b"caf\xe9"), "not UTF-8 text (byte 3)"),
])
def test_refusals_name_the_file(tmp_path: Path, setup: object, message: str) -> None:
    path = tmp_path / "catalog.json"
    setup(path)  # type: ignore[operator]
    with pytest.raises(CatalogImportError) as caught:
        read_utf8(path, limit=1048, what="catalog files", error=CatalogImportError)
    assert message in str(caught.value)
    assert str(path) in str(caught.value)


def test_an_empty_answer_may_be_allowed(tmp_path: Path) -> None:
    path = tmp_path / "answer.txt"
    path.write_bytes(b"")
    assert read_utf8(path, limit=10, what="answers", allow_empty=True) == ""
    with pytest.raises(McdeskError):
        read_utf8(path, limit=10, what="answers")
