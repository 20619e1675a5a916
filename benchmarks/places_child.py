"""Places child: in one Qt process, the first paint of each place (Evidence, Drafts, Reviews,
Badges) on the full portfolio and on an empty one, interleaved round by round (timed to the end
of the event loop's own paint, as the window paints: work a place starts after that paint is
not counted, work it lets run before it is); search while typing in each; the longest
GUI-thread stall while scrolling the evidence grid, idle and while the drafts are checked on
the pool. Prints one JSON line. Run by benchmarks.places as
``python -m benchmarks.places_child FULL EMPTY ROUNDS [PAINT_ROUNDS]`` (the first paints in
PAINT_ROUNDS rounds, at least ROUNDS; the rest in ROUNDS); GUI thread only."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# The signal(s) saying a place's list shows its first screenful, whichever comes first: on a
# first visit Drafts, Reviews and Badges list their first rows (Drafts: the names before their
# checks) and read the rest, with what is worked out from all of them, after that paint.
PLACE_SIGNALS = {"evidence": ("items_shown",), "drafts": ("lines_shown", "drafts_shown"),
                 "reviews": ("first_shown", "reviews_shown"),
                 "badges": ("first_shown", "badges_shown")}
# The signal saying the place has everything (the whole list, its checks, the first detail
# asked for): searches are timed once it came and the runner stayed idle a moment.
DONE_SIGNALS = {"evidence": "items_shown", "drafts": "drafts_shown",
                "reviews": "reviews_shown", "badges": "badges_shown"}
QUIET_S = 0.05
SEARCH_WORDS = ("s", "st", "stu", "stud", "stude", "studen", "student", "students")
# The places whose search hides rows of a list in memory: the same search is also timed on a
# bare QListWidget holding copies of their rows (Evidence reads its list again instead).
BARE_PLACES = ("drafts", "reviews", "badges")
SCROLL_STEPS = 60
TIMEOUT_S = 120.0
WINDOW_SIZE = (1180, 760)
BUSY_S = 3.0
BUSY_ROUNDS = 2  # without the frozen heap, a 3 s round met several full collections
BUSY_TICK_MS = 5


def main(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    from mcdesk.jobs.runner import JobRunner
    from mcdesk.services.workspace import Workspace

    full, empty, rounds = Path(argv[1]), Path(argv[2]), int(argv[3])
    paint_rounds = max(rounds, int(argv[4]) if len(argv) > 4 else rounds)
    app = QApplication(argv[:1])
    runner = JobRunner()
    workspaces = {"full": Workspace.open(full, create=False, seed_demo=False),
                  "empty": Workspace.open(empty, create=False, seed_demo=False)}
    result: dict[str, Any] = {"first_paint": {}, "search": {}, "scroll": {},
                              "bare_search": {}}
    try:
        # One unmeasured visit of each place: its modules imported, the disk cache warm.
        for place in PLACE_SIGNALS:
            for which in ("full", "empty"):
                _first_paint(app, runner, workspaces[which], place)
        for number in range(paint_rounds):
            order = ("full", "empty") if number % 2 == 0 else ("empty", "full")
            for place in PLACE_SIGNALS:
                for which in order:
                    seconds, page = _first_paint(app, runner, workspaces[which], place,
                                                 keep=number < rounds)
                    result["first_paint"].setdefault(place, {}).setdefault(
                        which, []).append(seconds)
                    if page is None:  # a round of first paints only
                        continue
                    result["search"].setdefault(place, {}).setdefault(which, []).append(
                        _typing(app, runner, page, place))
                    if which == "full" and place in BARE_PLACES:
                        result["bare_search"].setdefault(place, []).append(
                            _bare_typing(app, page))
                    if place == "evidence" and which == "full":
                        result["scroll"].setdefault("evidence", []).append(
                            _scroll(app, runner, page))
                    _close(app, page)
        # As the window does once its start chores are done (every place above was built
        # the way a first visit builds it, before that).
        from mcdesk.ui.shell.heap import freeze_settled_heap

        freeze_settled_heap()
        result["busy"] = {"drafts": [_stall_while_checking(app, runner, workspaces["full"])
                                     for _round in range(min(rounds, BUSY_ROUNDS))]}
    finally:
        runner.shutdown(wait=True)
        for workspace in workspaces.values():
            workspace.close()
    print("BENCH-PLACES " + json.dumps(result), flush=True)
    return 0


def _settle(app: Any, runner: Any, done: Callable[[], bool]) -> None:
    """Run the event loop until `done()` and no job of the runner is left."""
    deadline = time.perf_counter() + TIMEOUT_S
    while not (done() and not runner.active()):
        app.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError("the place did not finish loading in time")
        if runner.active():
            time.sleep(0.0005)


def _first_paint(app: Any, runner: Any, workspace: Any, place: str, *,
                 keep: bool = False) -> tuple[float, Any]:
    """Seconds from building the place to the end of the event loop's first paint of it
    with its list filled (or its empty state shown), as the window paints it: what the
    place starts after that paint is not counted, what it starts before is."""
    from mcdesk.ui.shell.places import PLACES, PlaceKey

    done: list[int] = []
    started = time.perf_counter()
    page = PLACES[PlaceKey(place)].build(runner)
    clock = paint_clock(page)
    for signal in PLACE_SIGNALS[place]:
        getattr(page, signal).connect(clock.arm)
    getattr(page, DONE_SIGNALS[place]).connect(done.append)
    page.resize(*WINDOW_SIZE)
    page.set_workspace(workspace)
    page.show()
    clock.watch_window()
    _wait_for(app, lambda: clock.painted_at is not None)
    assert clock.painted_at is not None
    seconds = clock.painted_at - started
    _check_rows_painted(page.list, f"first paint of {place}")
    # The rest of the list, thumbnails and the first detail: not counted.
    _wait_for(app, lambda: bool(done))
    _quiet(app, runner)
    if keep:
        return seconds, page
    _close(app, page)
    return seconds, None


def paint_clock(page: Any) -> Any:
    """When the event loop has painted the page once a signal armed the clock: Qt paints a
    window while it handles the window's update request (or, when it is first shown, its
    expose), so the clock handles that event itself and notes when the paint is done."""
    from PySide6.QtCore import QEvent, QObject

    class _PaintClock(QObject):
        def __init__(self) -> None:
            super().__init__(page)
            self.armed = False
            self.painted_at: float | None = None
            self._window: Any = None
            page.installEventFilter(self)

        def arm(self, _count: int = 0) -> None:
            if self.painted_at is None:
                self.armed = True

        def watch_window(self) -> None:
            self._window = page.windowHandle()
            self._window.installEventFilter(self)

        def eventFilter(self, watched: Any, event: Any) -> bool:
            if not self.armed or not (
                    (watched is page and event.type() == QEvent.Type.UpdateRequest)
                    or (watched is self._window and event.type() == QEvent.Type.Expose)):
                return False
            self.armed = False
            watched.event(event)  # the paint, here, so that its end can be timed
            window = page.windowHandle()
            if window is not None and window.isExposed():
                self.painted_at = time.perf_counter()
            else:  # asked before the window was on screen: Qt painted nothing
                self.armed = True
            return True

    return _PaintClock()


def _quiet(app: Any, runner: Any) -> None:
    """Settle, then go on running events until the runner stayed idle for QUIET_S (work
    a place starts on a later turn of the event loop is waited for too)."""
    idle_since = None
    deadline = time.perf_counter() + TIMEOUT_S
    while time.perf_counter() < deadline:
        _settle(app, runner, lambda: True)
        now = time.perf_counter()
        idle_since = idle_since or now
        if now - idle_since >= QUIET_S:
            return
        app.processEvents()
        time.sleep(0.005)
        if runner.active():
            idle_since = None
    raise TimeoutError("the place kept working")


def _wait_for(app: Any, done: Callable[[], bool]) -> None:
    deadline = time.perf_counter() + TIMEOUT_S
    while not done():
        app.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError("the place did not show its list in time")
        time.sleep(0.0002)


def _check_rows_painted(view: Any, what: str) -> None:
    """When the clock stops, a list with rows to show must show them: a list still laid out
    in batches paints nothing until the last batch (what made earlier figures too good)."""
    model = view.model()
    shown = next((row for row in range(model.rowCount()) if not view.isRowHidden(row)), None)
    if shown is None:
        return  # nothing to show: the empty portfolio, or a search that found nothing
    rect = view.visualRect(model.index(shown, 0))
    if not (rect.isValid() and view.viewport().rect().intersects(rect)):
        raise RuntimeError(f"{what}: the list showed no rows when the clock stopped")


def _close(app: Any, page: Any) -> None:
    page.set_workspace(None)
    _dispose(app, page)


def _dispose(app: Any, widget: Any) -> None:
    """Close the widget and delete it now. processEvents() runs no deferred deletion: left
    to it, every page built stayed alive hidden, 150 top-level windows by the last round,
    and Qt's walks over the top-level windows (showing one, a tooltip, a palette) grew."""
    from PySide6.QtCore import QEvent

    widget.close()
    widget.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    app.processEvents()


def _typing(app: Any, runner: Any, page: Any, place: str) -> float:
    """The slowest search while typing a word letter by letter: from the moment the search
    box asks for results (after its typing pause) to the list painted with them."""
    # Evidence reads its list again for each search; the other places hide the rows their
    # search did not find (`searchable.filtered`).
    answered = page.items_shown if place == "evidence" else page.searchable.filtered
    slowest = 0.0
    for text in (*SEARCH_WORDS, ""):
        asked: list[float] = []
        shown: list[int] = []
        ask = page.search.search_changed.connect(
            lambda _t, asked=asked: asked.append(time.perf_counter()))
        show = answered.connect(shown.append)
        page.search.setText(text)
        _wait_for(app, lambda asked=asked, shown=shown: bool(asked and shown))
        page.list.repaint()
        slowest = max(slowest, time.perf_counter() - asked[0])
        _check_rows_painted(page.list, f"search {text!r} in {place}")
        page.search.search_changed.disconnect(ask)
        answered.disconnect(show)
        _settle(app, runner, lambda: True)
    return slowest


def _bare_typing(app: Any, page: Any) -> float:
    """The same search done by plain Qt, the slowest word as `_typing` times it: a bare
    QListWidget of the list's size holding copies of the place's rows (words, picture, size,
    search words), hiding the rows whose words lack the typed words and painting."""
    from PySide6.QtWidgets import QListWidget, QListWidgetItem

    from mcdesk.core.text import fold
    from mcdesk.ui.widgets.scroll_bars import keep_grooves
    from mcdesk.ui.widgets.searchable_list import WORDS_ROLE, matches

    source = page.list
    bare = QListWidget()
    bare.setWordWrap(source.wordWrap())
    bare.setSpacing(source.spacing())
    bare.setIconSize(source.iconSize())
    bare.setLayoutMode(source.layoutMode())
    keep_grooves(bare)  # as the place's list: the search is compared, not the scroll bar
    words: list[str] = []
    for row in range(source.count()):
        item = source.item(row)
        copy = QListWidgetItem(item.icon(), item.text())
        copy.setSizeHint(item.sizeHint())
        bare.addItem(copy)
        words.append(str(item.data(WORDS_ROLE) or ""))
    bare.resize(source.size())
    bare.show()
    _wait_for(app, lambda: bare.windowHandle() is not None and bare.windowHandle().isExposed())
    app.processEvents()
    slowest = 0.0
    for text in (*SEARCH_WORDS, ""):
        started = time.perf_counter()
        terms = fold(text).split()
        for row, row_words in enumerate(words):
            hide = not matches(row_words, terms)
            if hide != bare.isRowHidden(row):
                bare.setRowHidden(row, hide)
        app.processEvents()  # the layout, as the event loop does it for the place
        bare.repaint()
        slowest = max(slowest, time.perf_counter() - started)
        _check_rows_painted(bare, f"bare search {text!r}")
    _dispose(app, bare)
    return slowest


def _scroll(app: Any, runner: Any, page: Any) -> float:
    """The longest time the GUI thread spends on one step while scrolling the whole evidence
    grid, top to bottom, in screen-sized steps (each step repainted and its events run)."""
    bar = page.list.verticalScrollBar()
    longest = 0.0
    span = max(1, bar.maximum() - bar.minimum())
    for step in range(SCROLL_STEPS + 1):
        started = time.perf_counter()
        bar.setValue(bar.minimum() + span * step // SCROLL_STEPS)
        page.list.viewport().repaint()
        app.processEvents()
        longest = max(longest, time.perf_counter() - started)
    _settle(app, runner, lambda: True)
    return longest


def _stall_while_checking(app: Any, runner: Any, workspace: Any) -> float:
    """The longest gap of a BUSY_TICK_MS timer on the GUI thread (each tick scrolls the
    evidence grid a step) while the Drafts place's check of every draft runs again and
    again on the pool for BUSY_S: the interpreter is shared, so a worker's Python, and the
    garbage collections its objects set off, can hold the GUI thread."""
    from PySide6.QtCore import QTimer

    from mcdesk.ui.drafts.ops import drafts_with_readiness

    _seconds, page = _first_paint(app, runner, workspace, "evidence", keep=True)
    bar = page.list.verticalScrollBar()
    gaps: list[float] = []
    last = [time.perf_counter()]
    until = time.perf_counter() + BUSY_S
    checks = [0]
    failed: list[BaseException] = []

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now
        bar.setValue((bar.value() + bar.singleStep() * 3) % max(1, bar.maximum()))

    def check_again(_found: object = None) -> None:
        if time.perf_counter() < until:
            checks[0] += 1
            drafts_with_readiness(workspace).success(check_again).failure(
                failed.append).run(runner)

    timer = QTimer(interval=BUSY_TICK_MS, timeout=tick)
    timer.start()
    check_again()
    while time.perf_counter() < until or runner.active():
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    _close(app, page)
    if failed:
        raise RuntimeError(f"checking the drafts failed: {failed[0]!r}")
    if checks[0] < 2:
        raise RuntimeError("the drafts were checked fewer than twice: nothing was busy")
    return max(gaps[1:]) if len(gaps) > 1 else 0.0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
