"""The start path stays light: the window shows without services, storage, SQLAlchemy, Alembic or
jsonschema, and an up-to-date portfolio opens and lists its catalog without SQLAlchemy or Alembic.
Each check runs in a fresh interpreter, since the test process has imported everything."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from alembic.script import ScriptDirectory

from mcdesk.services.workspace import Workspace
from mcdesk.storage import migrate
from tests.conftest import REPO

HEAVY = ("sqlalchemy", "alembic", "mako", "jsonschema")


def loaded_after(code: str) -> set[str]:
    """The top-level names in sys.modules after running `code` in a new interpreter."""
    script = textwrap.dedent(code) + textwrap.dedent("""
        import json, sys
        print("MODULES=" + json.dumps(sorted(sys.modules)))
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True,
                         text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    line = next(ln for ln in run.stdout.splitlines() if ln.startswith("MODULES="))
    return set(json.loads(line.removeprefix("MODULES=")))


def heavy_in(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in names)


def test_the_window_shows_without_services_storage_or_heavy_libraries(tmp_path: Path) -> None:
    modules = loaded_after(f"""
        import mcdesk.launcher
        from PySide6.QtWidgets import QApplication
        from mcdesk.jobs.runner import JobRunner
        from mcdesk.ui.shell.app import make_application
        from mcdesk.ui.shell.main_window import MainWindow

        app = make_application(["mcdesk"])
        runner = JobRunner()
        window = MainWindow(runner, __import__("pathlib").Path({str(tmp_path)!r}))
        window.show()
        app.processEvents()
        window.close()
        runner.shutdown(wait=True)
    """)
    assert heavy_in(modules, HEAVY) == []
    assert sorted(m for m in modules
                  if m.startswith(("mcdesk.storage", "mcdesk.services", "mcdesk.cli"))) == []


def test_the_window_start_reads_its_options_without_the_cli() -> None:
    modules = loaded_after("""
        import sys
        from mcdesk import launcher
        from mcdesk.start_options import window_start

        assert window_start(["--portfolio", "/p"]) is not None
    """)
    assert sorted(m for m in modules if m.startswith("mcdesk.cli")) == []


def test_the_first_screen_fills_before_the_start_chores(tmp_path: Path) -> None:
    """The catalog list fills without SQLAlchemy and before the Sync place is built; the
    chores (Sync built without a visit, the plan's reminders, the backup) come after, by
    themselves, and with nothing in the plan near its date, still without SQLAlchemy (it
    was most of the window's memory at rest); once they are done the start's heap is
    frozen."""
    root = tmp_path / "portfolio"
    Workspace.open(root, create=True, seed_demo=True).close()
    modules = loaded_after(f"""
        import gc
        import sys
        from pathlib import Path
        import mcdesk.launcher  # the command's own imports (the log, the default folders)
        from PySide6 import QtWidgets
        from PySide6.QtCore import QTimer
        from mcdesk.jobs.runner import JobRunner
        from mcdesk.ui.shell.app import make_application, open_portfolio_in_background
        from mcdesk.ui.shell.main_window import MainWindow
        from mcdesk.ui.shell.places import PlaceKey

        # What the list does not show (the definitions, evidence, reviews, credentials) and
        # what the log and the default folders can do without.
        # QCalendarWidget and QColorDialog stand for the seventy widget classes PySide builds
        # when Python is first handed a widget Qt made (a list's viewport, say).
        UNBUILT = ("QStyle", "QMessageBox", "QInputDialog", "QFileDialog", "QDialog",
                   "QCalendarWidget", "QColorDialog")
        NOT_NEEDED = ("mcdesk.core.catalog", "mcdesk.core.study", "mcdesk.core.evidence",
                      "mcdesk.core.reviews", "mcdesk.core.credentials",
                      "mcdesk.storage.evidence_listing", "logging.handlers", "platformdirs",
                      "importlib.resources")
        app = make_application(["mcdesk"])
        runner = JobRunner()
        window = MainWindow(runner, Path({str(root)!r}))
        seen = {{}}

        def first_screen(count):
            if "entries" not in seen:
                seen["entries"] = count
                seen["sqlalchemy"] = "sqlalchemy" in sys.modules
                seen["sync built"] = PlaceKey.SYNC in window.places
                seen["not needed yet"] = sorted(m for m in NOT_NEEDED if m in sys.modules)
                # PySide builds a class's enumerations when Python first touches it: QStyle's
                # took a tenth of a bare window's start. The catalog rows are painted without,
                # and dialogs are built when asked for.
                QTimer.singleShot(0, painted)

        def painted():
            window.repaint()
            seen["Qt classes built"] = sorted(n for n in UNBUILT if n in QtWidgets.__dict__)

        def check():
            if window.start_chores is not None and window.start_chores.done and (
                    window.sync_status.text() and not runner.active()
                    and gc.get_freeze_count()):
                app.quit()

        window.catalog_page.entries_shown.connect(first_screen)
        timer = QTimer(interval=50, timeout=check)
        timer.start()
        QTimer.singleShot(30_000, app.quit)
        window.show()
        open_portfolio_in_background(window, seed_demo=False)
        app.exec()
        assert seen == {{"entries": 11, "sqlalchemy": False, "sync built": False,
                         "not needed yet": [], "Qt classes built": []}}, seen
        assert PlaceKey.SYNC in window.places, "the Sync place was never built"
        # Once the chores are done the start's heap is out of the collector's way (its
        # full collections had stalled the GUI thread 45-70 ms while a job ran).
        assert gc.get_freeze_count() > 10_000, gc.get_freeze_count()
        assert window.sync_status.text(), "the status bar never showed Sync's state"
        # Once the first screen is up, the catalog list's scroll bar keeps its groove.
        bar_style = window.catalog_page.list.verticalScrollBar().style()
        assert type(bar_style).__name__ == "KeptGrooveStyle", bar_style
        window.close()
        runner.shutdown(wait=True)
    """)
    assert heavy_in(modules, ("sqlalchemy", "pyld")) == []


def test_an_up_to_date_portfolio_opens_and_lists_without_sqlalchemy(tmp_path: Path) -> None:
    root = tmp_path / "portfolio"
    Workspace.open(root, create=True, seed_demo=True).close()
    modules = loaded_after(f"""
        from pathlib import Path
        from mcdesk.services.workspace import Workspace

        workspace = Workspace.open(Path({str(root)!r}), create=False)
        catalog = workspace.catalog
        assert catalog.count() == 11
        assert len(catalog.entries()) == 11
        assert catalog.stacks() and catalog.issuers()
        assert catalog.entries(query="exit tickets")
        stack = next(s for s in catalog.stacks())
        assert catalog.entries(stack_id=stack.id)
        assert catalog.resolve("exit-tickets")
        workspace.backup_if_due()
        workspace.close()
    """)
    assert heavy_in(modules, ("sqlalchemy", "alembic", "mako")) == []


def test_head_revision_constant_matches_the_migrations() -> None:
    """storage.migrate decides "nothing to do" from HEAD_REVISION without asking Alembic."""
    config = migrate.alembic_config()
    config.set_main_option("script_location", str(migrate.PACKAGED_MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(config).get_current_head() == migrate.HEAD_REVISION
    assert migrate.MIGRATIONS_DIR == migrate.PACKAGED_MIGRATIONS_DIR
    assert migrate.head_revision() == migrate.HEAD_REVISION


def test_showing_a_stored_definition_does_not_load_jsonschema(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from mcdesk.services.workspace import Workspace\n"
        f"root = Path({str(tmp_path / 'p')!r})\n"
        "w = Workspace.open(root, seed_demo=True); w.close()\n"
        "for name in [m for m in sys.modules if m.startswith('jsonschema')]:\n"
        "    del sys.modules[name]\n"
        "w = Workspace.open(root)\n"
        "detail = w.catalog.detail('exit-tickets')\n"
        "assert detail.micro_credential.submission_parts\n"
        "print('jsonschema' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"
