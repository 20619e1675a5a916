"""Rules import-linter cannot express: jobs uses only QtCore; every module says what it is."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "mcdesk"


def _modules(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "migrations/versions" not in p.as_posix())


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", _modules(SRC / "jobs"), ids=lambda p: p.name)
def test_jobs_use_only_qtcore(path: Path) -> None:
    qt = {name for name in _imports(path) if name.startswith("PySide6")}
    assert qt <= {"PySide6", "PySide6.QtCore"}, f"{path.name} imports {qt}"


@pytest.mark.parametrize("path", _modules(SRC), ids=lambda p: str(p.relative_to(SRC)))
def test_every_module_opens_with_a_docstring(path: Path) -> None:
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert docstring, f"{path.relative_to(SRC)} has no opening docstring"


UI_MODULE_LINES = 600


def test_no_ui_module_is_over_600_lines() -> None:
    """Dialogs and pages are split into their parts before they grow past this."""
    long = {path.relative_to(SRC).as_posix(): lines for path in _modules(SRC / "ui")
            if (lines := len(path.read_text(encoding="utf-8").splitlines())) > UI_MODULE_LINES}
    assert long == {}
