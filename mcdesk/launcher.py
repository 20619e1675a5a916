"""Entry point of the `mcdesk` command: runs a CLI command or opens the window; main thread."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from mcdesk.logs import setup_logging
from mcdesk.paths import default_portfolio_dir, log_dir
from mcdesk.start_options import window_start

NO_DISPLAY_HELP = """\
mcdesk: no display found, so the window cannot open.
  - On a desktop, start mcdesk from your desktop session.
  - On a server or over SSH, run it on a virtual screen:  xvfb-run -a mcdesk
  - Or draw off screen (nothing visible):  QT_QPA_PLATFORM=offscreen mcdesk
  - The command line works without a display:  mcdesk --help
"""


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    # The window's own options are read without the command-line interface: importing its
    # commands and their choices was a fifth of the time to the first window.
    args = window_start(argv)
    if args is None:
        from mcdesk import cli

        args = cli.build_parser().parse_args(argv)
        setup_logging(log_dir())
        return cli.run(args) if args.command is not None else _window(args)
    setup_logging(log_dir())
    return _window(args)


def _window(args: argparse.Namespace) -> int:
    if not has_display():
        from mcdesk.cli.codes import EXIT_USER_ERROR

        sys.stderr.write(NO_DISPLAY_HELP)
        return EXIT_USER_ERROR
    from mcdesk.ui.shell.app import run_gui

    return run_gui(args.portfolio or default_portfolio_dir(), smoke_test=args.smoke_test)


if __name__ == "__main__":
    # Spawned media workers of a frozen app start through here too (a no-op otherwise).
    import multiprocessing

    multiprocessing.freeze_support()
    sys.exit(main())
