"""The window start's own options: what they read, what they leave to the full command-line
parser (commands, help, version, mistakes), and that both parsers agree on them."""

from __future__ import annotations

from pathlib import Path

import pytest

from mcdesk import cli
from mcdesk.start_options import window_start


@pytest.mark.parametrize(("argv", "portfolio", "smoke"), [
    ([], None, False),
    (["--portfolio", "/p"], Path("/p"), False),
    (["--portfolio=/p", "--smoke-test"], Path("/p"), True),
    (["--smoke-test"], None, True),
])
def test_a_window_start_is_read_without_the_cli(argv: list[str], portfolio: Path | None,
                                                smoke: bool) -> None:
    args = window_start(argv)
    assert args is not None
    assert (args.command, args.portfolio, args.smoke_test) == (None, portfolio, smoke)
    full = cli.build_parser().parse_args(argv)
    assert (full.command, full.portfolio, full.smoke_test) == (None, portfolio, smoke)


@pytest.mark.parametrize("argv", [
    ["catalog", "list"], ["--portfolio", "/p", "catalog", "list"], ["-h"], ["--help"],
    ["--version"], ["--portfolio"], ["--frobnicate"], ["--smoke-test", "check"],
])
def test_everything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    assert window_start(argv) is None
