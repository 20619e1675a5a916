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
