#!/usr/bin/env bash
# A screenshot of the real shell for the docs: the demo organisation on a real server,
# the desktop app logged in as anna under Xvfb, the screen grabbed with ImageMagick.
# Usage: bench/client/screenshots.sh [build dir]   (writes docs/screenshots/shell.png)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

if [ "${1:-}" = "--inside-xvfb" ]; then
    app=$2 url=$3 profile=$4 out=$5
    export QT_QPA_PLATFORM=xcb
    printf 'plein-demo\n' | "$app" --server "$url" --user anna --password-stdin \
        --profile "$profile" --lang en >/dev/null 2>&1 &
    pid=$!
    # Log-in and catch-up of the demo organisation take well under a second; leave margin.
    sleep 4
    import -window root "$out"
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    exit 0
fi

build=$(cd "${1:-$root/build}" && pwd)
work=$(mktemp -d /tmp/plein-screenshots.XXXXXX)
pid=""
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

"$build/server/plein-server" demo --data "$work/server" >/dev/null
"$build/server/plein-server" --data "$work/server" --port 0 >"$work/server.out" 2>&1 &
pid=$!
for _ in $(seq 100); do grep -q listening "$work/server.out" && break; sleep 0.1; done
port=$(sed -n 's/.*:\([0-9]*\)$/\1/p' "$work/server.out")
mkdir -p "$root/docs/screenshots"
# The window's default size, on a screen just as big (no window manager under Xvfb).
xvfb-run -a -s "-screen 0 1000x700x24" "$here/screenshots.sh" --inside-xvfb \
    "$build/client/app/plein" "ws://127.0.0.1:$port" "$work/profile" \
    "$root/docs/screenshots/shell.png"
echo "wrote $root/docs/screenshots/shell.png"
