#!/usr/bin/env bash
# Builds the Linux bundle a teacher installs: dist/mcdesk-VERSION-linux-ARCH.tar.gz holding a
# PyInstaller one-folder app (the desktop app only, no issuer), install.sh, uninstall.sh, the
# desktop file, the AppStream metainfo and the icons (PNG 16-512 px drawn from the SVG, and the
# SVG). Run from anywhere after scripts/setup.sh; PYTHON picks another interpreter.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-.venv/bin/python}
app_id=org.mcdesk.mcdesk
version=$("$PYTHON" -c 'import mcdesk; print(mcdesk.__version__)')
name="mcdesk-$version-linux-$(uname -m)"
stage="build/linux/$name"
started=$(date +%s)

rm -rf "build/linux" "build/icons" "build/pyinstaller/dist"
mkdir -p dist "$stage/share/applications" "$stage/share/metainfo" "$stage/share/icons"

echo "build-linux: drawing the icons"
QT_QPA_PLATFORM=offscreen "$PYTHON" packaging/make_icons.py build/icons

echo "build-linux: compiling the translations (resources/i18n/*.qm, carried by the spec)"
PYSIDE_BIN="$(dirname "$PYTHON")" bash scripts/update-translations.sh --release-only
echo "build-linux: making the user guide's screenshots from the app"
QT_QPA_PLATFORM=offscreen "$PYTHON" scripts/make-guide-screenshots.py
MCDESK_LANG=es QT_QPA_PLATFORM=offscreen "$PYTHON" scripts/make-guide-screenshots.py

echo "build-linux: freezing the app with PyInstaller (a few minutes)"
# The work folder's analysis is kept between builds (a rebuild re-analyses only what changed),
# but not the archive and program made from it: PyInstaller remakes those only for sources
# newer than its last build, so a source saved while an earlier build ran would be left out.
rm -f build/pyinstaller/work/mcdesk/{PYZ,PKG,EXE,COLLECT}-*.toc \
    build/pyinstaller/work/mcdesk/PYZ-*.pyz build/pyinstaller/work/mcdesk/mcdesk.pkg \
    build/pyinstaller/work/mcdesk/mcdesk
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN \
    --distpath build/pyinstaller/dist --workpath build/pyinstaller/work packaging/mcdesk.spec
mv build/pyinstaller/dist/mcdesk "$stage/app"

cp -R build/icons/hicolor "$stage/share/icons/"
cp "resources/linux/$app_id.desktop.in" "$stage/share/applications/"
sed -e "s|@VERSION@|$version|" -e "s|@DATE@|$(date -u +%Y-%m-%d)|" \
    "resources/linux/$app_id.metainfo.xml.in" > "$stage/share/metainfo/$app_id.metainfo.xml"
cp packaging/linux/install.sh packaging/linux/uninstall.sh "$stage/"
cp packaging/linux/README-linux.txt "$stage/README.txt"
chmod +x "$stage/install.sh" "$stage/uninstall.sh"

# Refuse to ship a menu entry or metainfo that a software centre would reject.
check_dir=$(mktemp -d)
trap 'rm -rf "$check_dir"' EXIT
sed "s|@EXEC@|/usr/bin/mcdesk|" "$stage/share/applications/$app_id.desktop.in" \
    > "$check_dir/$app_id.desktop"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$check_dir/$app_id.desktop"
else
    echo "build-linux: desktop-file-validate not found (Debian: desktop-file-utils); not checked"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net --pedantic "$stage/share/metainfo/$app_id.metainfo.xml"
else
    echo "build-linux: appstreamcli not found (Debian: appstream); metainfo not checked"
fi

echo "build-linux: the frozen app answers:"
"$stage/app/mcdesk" --version

tar -C build/linux -czf "dist/$name.tar.gz" "$name"
size=$(du -sm "$stage/app" | cut -f1)
echo "build-linux: dist/$name.tar.gz ($(du -m "dist/$name.tar.gz" | cut -f1) MB packed," \
     "$size MB installed) in $(( $(date +%s) - started )) s"
