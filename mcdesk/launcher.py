"""Entry point of the `mcdesk` command: runs a CLI command or opens the window; main thread."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from mcdesk import cli
from mcdesk.logs import setup_logging
from mcdesk.paths import default_portfolio_dir, log_dir

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
    args = cli.build_parser().parse_args(argv)
    setup_logging(log_dir())
    if args.command is not None:
        return cli.run(args)
    if not has_display():
        sys.stderr.write(NO_DISPLAY_HELP)
        return cli.EXIT_USER_ERROR
    from mcdesk.ui.shell.app import run_gui

    return run_gui(args.portfolio or default_portfolio_dir(), smoke_test=args.smoke_test)


if __name__ == "__main__":
    # Spawned media workers of a frozen app start through here too (a no-op otherwise).
    import multiprocessing

    multiprocessing.freeze_support()
    sys.exit(main())
