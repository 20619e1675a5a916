#!/usr/bin/env bash
# Sets up everything mcdesk needs on a fresh Debian-like machine: Qt's system libraries,
# a virtual screen for tests, a Python venv with mcdesk and its dev tools. Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."

DEB_PACKAGES=(
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3
  libglib2.0-0 libpulse0 libxrandr2 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4
  libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0
  libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0 libxcb-sync1 libxcb-shm0 libxcb-render0
  libnss3 libasound2 libpipewire-0.3-0 fonts-dejavu-core xvfb xauth python3-venv ffmpeg
  desktop-file-utils appstream  # the validators tests/packaging runs on the Linux bundle
  postgresql nginx  # the issuer's tests on PostgreSQL, and its load test behind nginx
)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${DEB_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$pkg")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "mcdesk setup: please install these Debian packages: ${missing[*]}" >&2; exit 1; fi
  echo "mcdesk setup: installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=".venv/.mcdesk-setup-$(cat pyproject.toml setup.py issuer/pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install -q --disable-pip-version-check -e '.[dev]' \
    -e ./issuer  # the reference issuer: the tests and the demo talk to it
  rm -f .venv/.mcdesk-setup-*
  touch "$stamp"
fi

# The third-party tus server (@tus/server) the sync tests upload to; skipped without node.
if command -v npm >/dev/null 2>&1 && [ ! -d tests/peers/tus-node/node_modules ]; then
  (cd tests/peers/tus-node && npm ci --no-audit --no-fund --loglevel=error)
fi

# The compiled translations (resources/i18n/*.qm, not in git) the app loads.
bash scripts/update-translations.sh --release-only
# The user guide's screenshots (Help → User guide) are made from the app itself, not kept in
# git, and made again when the app's code changed; the guide shows a placeholder for any
# still missing.
QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make-guide-screenshots.py --if-stale \
  >/dev/null || echo "mcdesk setup: the user guide's screenshots could not be made" >&2
# The Spanish guide's, from the window in Spanish (resources/guide/screens/es).
MCDESK_LANG=es QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make-guide-screenshots.py \
  --if-stale >/dev/null || echo "mcdesk setup: the Spanish guide's screenshots could not be made" >&2
