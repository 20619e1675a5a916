#!/usr/bin/env bash
# Brings the translations up to date with the sources: lupdate adds every new or changed
# user-facing string to resources/i18n/mcdesk_<lang>.ts (keeping the translations already
# there), then lrelease builds the .qm files the app loads. Translate what lupdate marked
# unfinished (pyside6-linguist, or any editor), then run this again. docs/translating.md.
# --release-only skips lupdate (what scripts/setup.sh runs).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${PYSIDE_BIN:-.venv/bin}"
LANGUAGES=(es)
# English needs only its plural forms ("1 comment", "2 comments" for "%n comment(s)").
ALL=(en "${LANGUAGES[@]}")

if [ "${1:-}" != "--release-only" ]; then
  for lang in "${LANGUAGES[@]}"; do
    # No line numbers in the .ts: a moved string does not change the file (calmer merges).
    # The module-level alias `translate = QCoreApplication.translate` is found as is.
    "$BIN/pyside6-lupdate" -extensions py -locations none -no-obsolete -source-language en \
      -target-language "$lang" mcdesk -ts "resources/i18n/mcdesk_$lang.ts"
  done
  "$BIN/pyside6-lupdate" -extensions py -locations none -no-obsolete -pluralonly \
    -source-language en -target-language en mcdesk -ts resources/i18n/mcdesk_en.ts
fi
for lang in "${ALL[@]}"; do
  "$BIN/pyside6-lrelease" -silent "resources/i18n/mcdesk_$lang.ts" \
    -qm "resources/i18n/mcdesk_$lang.qm"
done
