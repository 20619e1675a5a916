#!/bin/sh
# Installs mcdesk for the current user, no administrator rights needed: the app in
# ~/.local/share/mcdesk/app, the `mcdesk` command in ~/.local/bin, and the menu entry, the
# AppStream metainfo and the icons in the user's XDG folders. Running it again updates mcdesk;
# your portfolio (~/.local/share/mcdesk/portfolio) is never touched.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data_home=${XDG_DATA_HOME:-"$HOME/.local/share"}
bin_dir=${MCDESK_BIN_DIR:-"$HOME/.local/bin"}
app_id=org.mcdesk.mcdesk
home_dir="$data_home/mcdesk"
app_dir="$home_dir/app"
manifest="$home_dir/installed-files"

if [ ! -x "$here/app/mcdesk" ]; then
    echo "install.sh: $here/app/mcdesk is missing; unpack the whole mcdesk archive first." >&2
    exit 1
fi

mkdir -p "$home_dir" "$bin_dir" "$data_home/applications" "$data_home/metainfo"

# The new app goes beside the old one first, so a failed copy leaves the old one working.
rm -rf "$app_dir.new"
cp -R "$here/app" "$app_dir.new"
rm -rf "$app_dir"
mv "$app_dir.new" "$app_dir"
cp "$here/uninstall.sh" "$home_dir/uninstall.sh"
chmod +x "$home_dir/uninstall.sh"

: > "$manifest.new"
record() { printf '%s\n' "$1" >> "$manifest.new"; }

ln -sfn "$app_dir/mcdesk" "$bin_dir/mcdesk"
record "$bin_dir/mcdesk"

# Desktop files split Exec on spaces: a home folder with a space needs the path quoted.
case "$bin_dir" in
    *" "*) exec_line="\"$bin_dir/mcdesk\"" ;;
    *) exec_line="$bin_dir/mcdesk" ;;
esac
desktop="$data_home/applications/$app_id.desktop"
sed -e "s|^Exec=@EXEC@|Exec=$exec_line|" -e "s|^TryExec=@EXEC@|TryExec=$bin_dir/mcdesk|" \
    "$here/share/applications/$app_id.desktop.in" > "$desktop"
record "$desktop"

cp "$here/share/metainfo/$app_id.metainfo.xml" "$data_home/metainfo/$app_id.metainfo.xml"
record "$data_home/metainfo/$app_id.metainfo.xml"

for icon in "$here"/share/icons/hicolor/*/apps/*; do
    size_dir=$(basename "$(dirname "$(dirname "$icon")")")
    target="$data_home/icons/hicolor/$size_dir/apps"
    mkdir -p "$target"
    cp "$icon" "$target/"
    record "$target/$(basename "$icon")"
done

mv "$manifest.new" "$manifest"

# Menus and icon caches pick the new files up at once where these tools exist.
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$data_home/applications" 2>/dev/null || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data_home/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t "$data_home/icons/hicolor" 2>/dev/null || true
fi

echo "mcdesk is installed: find it in your applications menu, or run $bin_dir/mcdesk"
case ":${PATH:-}:" in
    *":$bin_dir:"*) ;;
    *) echo "($bin_dir is not on your PATH; the menu entry works anyway.)" ;;
esac
echo "To remove it: $home_dir/uninstall.sh"
