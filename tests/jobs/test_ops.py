"""Operations: an Op's kind fixes its lane, a write says what it changes, the shell passes a
write's notice to every place but the one that made it, storage refuses a write on the
reading pool; and the ui's background work is started only by its `ops` modules."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from unittest.mock import MagicMock

import pytest
from pytestqt.qtbot import QtBot

import mcdesk.ui
from mcdesk.core.changes import Change, ChangeNotice
from mcdesk.core.errors import McdeskError
from mcdesk.core.lanes import WriteOnReadingLaneError
from mcdesk.jobs.ops import Op, OpKind
from mcdesk.jobs.runner import JobRunner, Lane, ServerLane
from mcdesk.services.workspace import Workspace
from mcdesk.ui.shell.main_window import MainWindow
from mcdesk.ui.shell.places import PlaceKey
from tests.conftest import REPO

WAIT = 10000
UI = REPO / "mcdesk" / "ui"


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[JobRunner]:
    r = JobRunner()
    yield r
    r.shutdown(wait=True, timeout=5.0)


# -- kinds and lanes ------------------------------------------------------------------------


def test_each_kind_has_its_lane() -> None:
    def nothing(_c: object) -> None:
        return None

    assert Op.read("r", nothing).lane is Lane.POOL
    assert Op.media("m", nothing).lane is Lane.POOL
    assert Op.write("w", nothing, [Change.DRAFTS]).lane is Lane.WRITE
    assert Op.exclusive("x", nothing).lane is Lane.WRITE
    assert Op.open("o", nothing).lane is Lane.WRITE
    assert Op.network("n", "sync", nothing).lane == ServerLane("sync")


def test_a_write_must_say_what_it_changes_and_only_a_write_may() -> None:
    def nothing(_c: object) -> None:
        return None

    with pytest.raises(ValueError, match="must say what it changes"):
        Op.write("Saving", nothing, [])
    for kind in (OpKind.READ, OpKind.MEDIA, OpKind.EXCLUSIVE, OpKind.OPEN):
        with pytest.raises(ValueError, match="make it a write"):
            Op(kind, "Reading", nothing, changes=[Change.EVIDENCE])
    with pytest.raises(ValueError, match="names its server"):
        Op(OpKind.NETWORK, "Syncing", nothing)


def test_a_write_announces_its_changes_once_it_succeeded(qtbot: QtBot,
                                                         runner: JobRunner) -> None:
    origin = object()
    heard: list[ChangeNotice] = []
    runner.changed.connect(heard.append)
    results: list[int] = []
    with qtbot.waitSignal(runner.changed, timeout=WAIT):
        Op.write("Saving", lambda _c: 7, [Change.DRAFTS, Change.ATTACHMENTS],
                 ids=["e1"]).success(results.append).run(runner, origin=origin)
    assert results == [7]
    assert heard == [ChangeNotice.of([Change.DRAFTS, Change.ATTACHMENTS], origin, ["e1"])]

    def refuse(_c: object) -> None:
        raise McdeskError("no")

    failed: list[BaseException] = []
    Op.write("Failing", refuse, [Change.DRAFTS]).failure(failed.append).run(runner)
    qtbot.waitUntil(lambda: bool(failed), timeout=WAIT)
    qtbot.wait(50)
    assert len(heard) == 1  # a failed write changed nothing

    # Opening a portfolio hands it to every place: no notice to read it a second time.
    opened: list[int] = []
    Op.open("Opening", lambda _c: 3).success(opened.append).run(runner, origin=origin)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT)
    qtbot.wait(50)
    assert opened == [3]
    assert len(heard) == 1


# -- the shell's fan-out ----------------------------------------------------------------------


def test_notices_reach_other_places_but_not_the_one_that_made_the_edit(
        qtbot: QtBot, runner: JobRunner, tmp_path: Path) -> None:
    window = MainWindow(runner, tmp_path / "portfolio")
    qtbot.addWidget(window)
    # built now (Sync is otherwise built after the first screen of an opened portfolio)
    assert window.drafts_page is not None and window.evidence_page is not None
    assert window.sync_page is not None
    heard: dict[PlaceKey, list[ChangeNotice]] = {}
    for key, page in window.places.items():
        heard[key] = []
        page.changes_happened = heard[key].append  # type: ignore[method-assign]
    drafts = window.places[PlaceKey.DRAFTS]
    assert PlaceKey.EVIDENCE in window.places and PlaceKey.CATALOG in window.places

    # A widget inside the Drafts place (its editor) made the edit: Drafts hears nothing.
    with qtbot.waitSignal(runner.changed, timeout=WAIT):
        Op.write("Attaching", lambda _c: None, [Change.ATTACHMENTS], ids=["piece"]).run(
            runner, origin=drafts.editor)  # type: ignore[attr-defined]
    assert heard[PlaceKey.DRAFTS] == []
    for key in (PlaceKey.EVIDENCE, PlaceKey.CATALOG, PlaceKey.SYNC):
        assert [n.ids for n in heard[key]] == [frozenset({"piece"})], key

    # Not made by a widget (sample content, a sync pass's own report): everyone hears it.
    runner.announce(ChangeNotice.of([Change.CATALOG]))
    qtbot.waitUntil(lambda: len(heard[PlaceKey.DRAFTS]) == 1, timeout=WAIT)
    assert all(len(heard[key]) == 2 for key in (PlaceKey.EVIDENCE, PlaceKey.CATALOG))


# -- the guard ----------------------------------------------------------------------------------


def test_storage_refuses_a_write_on_the_reading_pool(qtbot: QtBot, runner: JobRunner,
                                                     tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "portfolio", create=True)
    try:
        failed: list[BaseException] = []
        # Declared a read by mistake: it runs on the pool, and the database refuses.
        Op.read("Saving your name", lambda _c: workspace.roles.set_owner_name("Ana")).failure(
            failed.append).run(runner)
        qtbot.waitUntil(lambda: bool(failed), timeout=WAIT)
        assert isinstance(failed[0], WriteOnReadingLaneError)
        assert workspace.roles.owner_name() is None  # nothing was written
        # Declared a write, the same call is fine.
        done: list[object] = []
        Op.write("Saving your name", lambda _c: workspace.roles.set_owner_name("Ana"),
                 [Change.PROFILE]).success(done.append).run(runner)
        qtbot.waitUntil(lambda: bool(done), timeout=WAIT)
        assert workspace.roles.owner_name() == "Ana"
        # Reading on the pool stays allowed.
        names: list[str | None] = []
        Op.read("Reading your name", lambda _c: workspace.roles.owner_name()).success(
            names.append).run(runner)
        qtbot.waitUntil(lambda: bool(names), timeout=WAIT)
        assert names == ["Ana"]
    finally:
        runner.shutdown(wait=True, timeout=5.0)
        workspace.close()


# -- only ops modules start background work ------------------------------------------------


def _ops_modules() -> list[ModuleType]:
    found = [importlib.import_module(info.name) for info in pkgutil.walk_packages(
        mcdesk.ui.__path__, prefix="mcdesk.ui.") if info.name.rsplit(".", 1)[-1] == "ops"]
    assert len(found) >= 7, [m.__name__ for m in found]
    return found


def test_only_ops_modules_submit_background_work() -> None:
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        if path.name == "ops.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and (
                    (isinstance(node.func, ast.Attribute) and node.func.attr == "submit")
                    or (isinstance(node.func, ast.Name) and node.func.id == "submit")):
                offenders.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert offenders == [], "background work started outside an ops module: " + ", ".join(
        offenders)


def test_every_place_has_an_ops_module() -> None:
    names = {m.__name__ for m in _ops_modules()}
    for key in PlaceKey:
        assert f"mcdesk.ui.{key.value}.ops" in names, key


def _fake(annotation: object) -> object:
    """A stand-in argument for an operation builder's parameter."""
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", "")
    text = str(text)
    if text.startswith("Path"):
        return Path("somewhere.zip")
    if text.startswith("str"):
        return "some-id"
    if text.startswith("int"):
        return 3
    if text.startswith("float"):
        return 1.5
    if text.startswith("bool"):
        return False
    if text.startswith(("Sequence", "list", "Iterable")):
        return ["one", "two"]
    fake = MagicMock(name=text)
    fake.title = "Sorted tickets"  # titles are put into the job's title
    return fake


def _builders(module: ModuleType) -> list[tuple[str, Callable[..., object]]]:
    found = []
    for name, function in inspect.getmembers(module, inspect.isfunction):
        if function.__module__ != module.__name__ or name.startswith("_"):
            continue
        returns = str(inspect.signature(function).return_annotation)
        if returns.startswith("Op["):
            found.append((name, function))
    return found


def test_every_operation_that_changes_something_is_a_write_on_the_writer_lane() -> None:
    counted = 0
    for module in _ops_modules():
        builders = _builders(module)
        assert builders, f"{module.__name__} builds no operation"
        for name, builder in builders:
            signature = inspect.signature(builder)
            arguments = {}
            for parameter in signature.parameters.values():
                if parameter.default is not inspect.Parameter.empty:
                    continue
                arguments[parameter.name] = _fake(parameter.annotation)
            op = builder(**arguments)
            where = f"{module.__name__}.{name}"
            assert isinstance(op, Op), where
            assert op.title.strip(), where
            if op.changes and op.kind is not OpKind.NETWORK:
                assert op.kind is OpKind.WRITE, f"{where} changes {set(op.changes)}"
            if op.kind is OpKind.WRITE:
                assert op.changes, where
                assert op.lane is Lane.WRITE, where
            counted += 1
    assert counted >= 60
