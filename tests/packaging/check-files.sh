#!/usr/bin/env bash
# The packaging sources pass Debian's checkers: the desktop file (desktop-file-validate), the
# AppStream metainfo (appstreamcli), the manual pages (man --warnings). No root needed.
# Usage: check-files.sh <source dir>
set -euo pipefail
src=$1
pkg=$src/packaging

missing=()
for tool in desktop-file-validate appstreamcli man; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "missing ${missing[*]} (scripts/install-deps.sh installs them)"
    [ "${CI:-}" = true ] && exit 1
    exit 77
fi

failed=0
echo "== desktop-file-validate plein.desktop"
desktop-file-validate "$pkg/plein.desktop" || failed=1
grep -qx 'MimeType=x-scheme-handler/plein;' "$pkg/plein.desktop" \
    || { echo "plein.desktop does not handle plein: links"; failed=1; }

echo "== appstreamcli validate nl.plein.Plein.metainfo.xml"
appstreamcli validate --no-net --no-color "$pkg/nl.plein.Plein.metainfo.xml" || failed=1

for page in "$pkg"/man/*.[18]; do
    echo "== man --warnings $(basename "$page")"
    # Any warning of groff's is an error here, as lintian's manpage check would report it.
    warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 \
        man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null) || failed=1
    if [ -n "$warnings" ]; then
        echo "$warnings"
        failed=1
    fi
done

[ $failed -eq 0 ] && echo "packaging files: all checks passed"
exit $failed
