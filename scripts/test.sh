#!/usr/bin/env bash
# Sets everything up, then runs every check: lint, types, layer rules, the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check mcdesk issuer tests benchmarks setup.py
.venv/bin/mypy
.venv/bin/lint-imports
.venv/bin/python -m pytest "$@"
