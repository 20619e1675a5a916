#!/usr/bin/env bash
# Builds dist/mcdesk-VERSION-macos-ARCH.dmg holding mcdesk.app (NOT run in this repository's
# CI; see packaging/README.md). Needs macOS 11 or later with Xcode's command line tools
# (iconutil, codesign, hdiutil) and a venv made by scripts/setup.sh (its apt-get part is
# skipped on macOS; install ffmpeg with Homebrew only if you want the benchmarks).
# SIGNING_IDENTITY="Developer ID Application: ..." signs for distribution; without it the app
# is signed ad hoc, which runs on the building Mac and, after right-click > Open, on others.
set -euo pipefail
cd "$(dirname "$0")/../.."

PYTHON=${PYTHON:-.venv/bin/python}
version=$("$PYTHON" -c 'import mcdesk; print(mcdesk.__version__)')
name="mcdesk-$version-macos-$(uname -m)"

rm -rf build/icons build/macos dist/mcdesk.app "dist/$name.dmg"
mkdir -p dist build/macos

# The .icns comes from the same PNGs the Linux bundle ships.
QT_QPA_PLATFORM=offscreen "$PYTHON" packaging/make_icons.py build/icons
iconset=build/macos/mcdesk.iconset
mkdir -p "$iconset"
for size in 16 32 128 256 512; do
    cp "build/icons/hicolor/${size}x${size}/apps/org.mcdesk.mcdesk.png" "$iconset/icon_${size}x${size}.png"
    double=$((size * 2))
    if [ -f "build/icons/hicolor/${double}x${double}/apps/org.mcdesk.mcdesk.png" ]; then
        cp "build/icons/hicolor/${double}x${double}/apps/org.mcdesk.mcdesk.png" \
           "$iconset/icon_${size}x${size}@2x.png"
    fi
done
iconutil -c icns "$iconset" -o build/icons/mcdesk.icns

"$PYTHON" -m PyInstaller --noconfirm --log-level WARN \
    --distpath dist --workpath build/pyinstaller-macos packaging/mcdesk.spec

codesign --force --deep --options runtime --timestamp=none \
    --sign "${SIGNING_IDENTITY:--}" dist/mcdesk.app
dist/mcdesk.app/Contents/MacOS/mcdesk --version

hdiutil create -volname "mcdesk $version" -srcfolder dist/mcdesk.app -ov -format UDZO \
    "dist/$name.dmg"
echo "build-macos: dist/$name.dmg"
