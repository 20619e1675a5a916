"""The command line's exit codes (documented in the README); any thread."""

from __future__ import annotations

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USER_ERROR = 2
EXIT_UNEXPECTED = 3
# 128 + SIGPIPE: what a shell reports for a tool whose reader closed the pipe.
EXIT_BROKEN_PIPE = 141
