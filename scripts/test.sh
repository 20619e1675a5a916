#!/usr/bin/env bash
# Sets everything up, then runs every check: lint, types, layer rules, the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check mcdesk issuer tests benchmarks setup.py
.venv/bin/mypy
.venv/bin/lint-imports
# One worker per core; a file's tests stay together so a module's fixture (the frozen bundle,
# a PostgreSQL cluster, an issuer) is built once. MCDESK_TEST_WORKERS=0 runs them in one process.
.venv/bin/python -m pytest -n "${MCDESK_TEST_WORKERS:-auto}" --dist loadfile "$@"
