#!/bin/sh
# Removes what install.sh put in place: the app, the `mcdesk` command, the menu entry, the
# metainfo and the icons. Your portfolio and settings stay where they are.
set -eu

data_home=${XDG_DATA_HOME:-"$HOME/.local/share"}
home_dir="$data_home/mcdesk"
manifest="$home_dir/installed-files"

if [ ! -f "$manifest" ]; then
    echo "uninstall.sh: mcdesk is not installed for this user (no $manifest)." >&2
    exit 1
fi

while IFS= read -r path; do
    [ -n "$path" ] || continue
    case "$path" in
        */bin/mcdesk)
            # Only our own command: a link into the installed app.
            if [ -L "$path" ] && [ "$(readlink "$path")" = "$home_dir/app/mcdesk" ]; then
                rm -f "$path"
            fi ;;
        *) rm -f "$path" ;;
    esac
done < "$manifest"

rm -rf "$home_dir/app" "$home_dir/app.new"
rm -f "$manifest" "$home_dir/uninstall.sh"

if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$data_home/applications" 2>/dev/null || true
fi

echo "mcdesk is removed. Your portfolio and settings were kept:"
echo "  $home_dir (portfolio), ${XDG_CONFIG_HOME:-$HOME/.config}/mcdesk (settings)"
