"""The options of a window start (`mcdesk [--portfolio DIR] [--smoke-test]`), read without the
command-line interface, whose commands and their choices opening the window does not need;
main thread."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path


def add_window_options(parser: argparse.ArgumentParser) -> None:
    """The options of the window, on the full command-line parser and on the window start's."""
    parser.add_argument("--portfolio", type=Path, metavar="DIR",
                        help="the portfolio folder (default: your user-data folder)")
    parser.add_argument("--smoke-test", action="store_true",
                        help="open the window, wait until the portfolio is open (and a new "
                             "one's sample evidence is made), then quit: exit 0 when all "
                             "went well (for installers and CI)")


def window_start(argv: Sequence[str]) -> argparse.Namespace | None:
    """The options when `argv` only opens the window; None when it names a command, asks for
    help or the version, or is wrong: the full parser answers (and explains) those."""
    parser = argparse.ArgumentParser(prog="mcdesk", add_help=False, exit_on_error=False)
    add_window_options(parser)
    try:
        args, rest = parser.parse_known_args(list(argv))
    except argparse.ArgumentError:
        return None
    if rest:
        return None
    args.command = None
    return args
