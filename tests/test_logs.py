"""mcdesk's log file turns over at its size limit: the current file is moved to .1, older ones
move up, the oldest is dropped, and no record is split or lost among the files kept."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from mcdesk.logs import RotatingLog, setup_logging


def _logger(handler: logging.Handler) -> logging.Logger:
    logger = logging.getLogger(f"mcdesk-test-{id(handler)}")
    logger.propagate = False
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    return logger


def test_the_log_turns_over_at_its_size_and_keeps_its_last_files(tmp_path: Path) -> None:
    path = tmp_path / "mcdesk.log"
    handler = RotatingLog(path, max_bytes=1000, backups=3)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = _logger(handler)
    lines = [f"record {n:04d} " + "x" * 80 for n in range(100)]  # 95 bytes each with \n
    for line in lines:
        logger.info(line)
    handler.close()

    files = [path, *(tmp_path / f"mcdesk.log.{n}" for n in (1, 2, 3))]
    assert all(f.is_file() for f in files)
    assert not (tmp_path / "mcdesk.log.4").exists()  # the oldest was dropped
    for f in files:
        assert 0 < f.stat().st_size <= 1000, f
    kept = [ln for f in reversed(files) for ln in f.read_text("utf-8").splitlines()]
    # Whole records, in order, ending with the last one written.
    assert kept == lines[-len(kept):]
    assert len(kept) >= 30


def test_a_log_written_by_another_process_still_turns_over(tmp_path: Path) -> None:
    path = tmp_path / "mcdesk.log"
    handler = RotatingLog(path, max_bytes=500, backups=1)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = _logger(handler)
    logger.info("first")
    with path.open("a", encoding="utf-8") as other:  # the command line, beside the window
        other.write("y" * 600 + "\n")
    logger.info("second")
    handler.close()
    assert path.read_text("utf-8") == "second\n"
    assert (tmp_path / "mcdesk.log.1").read_text("utf-8").startswith("first\n")


def test_a_roll_over_that_fails_loses_only_its_own_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows: another mcdesk holds the file open and the move fails once. The records after
    it are written (the file is opened again), and it turns over at the next chance."""
    import mcdesk.logs

    path = tmp_path / "mcdesk.log"
    handler = RotatingLog(path, max_bytes=200, backups=1)
    handler.setFormatter(logging.Formatter("%(message)s"))
    monkeypatch.setattr(handler, "handleError", lambda _record: None)  # no traceback print
    logger = _logger(handler)
    logger.info("a" * 150)
    real_replace = mcdesk.logs.os.replace
    failures = iter([OSError("the file is in use by another process")])

    def replace_failing_once(source: str, target: str) -> None:
        error = next(failures, None)
        if error is not None:
            raise error
        real_replace(source, target)

    monkeypatch.setattr(mcdesk.logs.os, "replace", replace_failing_once)
    logger.info("b" * 150)  # its roll-over fails: this record is the one lost
    logger.info("c" * 150)  # turns over now
    logger.info("d" * 10)
    handler.close()
    assert path.read_text("utf-8") == "c" * 150 + "\n" + "d" * 10 + "\n"
    assert (tmp_path / "mcdesk.log.1").read_text("utf-8") == "a" * 150 + "\n"


def test_a_rotating_log_keeps_an_old_file(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least one"):
        RotatingLog(tmp_path / "mcdesk.log", backups=0)


def test_setup_logging_writes_to_the_folder_or_says_it_cannot(tmp_path: Path) -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        path = setup_logging(tmp_path / "logs")
        assert path == tmp_path / "logs" / "mcdesk.log"
        logging.getLogger("mcdesk.test").warning("hello from the test")
        for handler in root.handlers:
            handler.flush()
        assert "hello from the test" in path.read_text("utf-8")
        blocked = tmp_path / "file"
        blocked.write_text("not a folder")
        assert setup_logging(blocked / "logs") is None
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()
