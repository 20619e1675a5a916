#!/usr/bin/env bash
# Sets everything up, then opens mcdesk (on the demo portfolio the first time).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/mcdesk "$@"
