#!/usr/bin/env bash
# Builds Plein and runs it on a demo organisation: the server on an embedded SQLite database
# (data in ${PLEIN_DEMO_DIR:-~/.local/share/plein-demo}) and, when a display is available, the
# desktop app logged in as the demo user anna. Ctrl+C stops everything.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${PLEIN_BUILD_DIR:-$root/build}
data=${PLEIN_DEMO_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/plein-demo}
port=${PLEIN_DEMO_PORT:-7447}

"$root/scripts/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$(nproc)"

"$build/server/plein-server" demo --data "$data"
"$build/server/plein-server" --data "$data" --port "$port" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' EXIT
sleep 1
kill -0 $server 2>/dev/null || { echo "plein: the server did not start" >&2; exit 1; }

app="$build/client/app/plein"
if [ -x "$app" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
    echo "plein: opening the desktop app as anna (password plein-demo)"
    printf 'plein-demo\n' | "$app" --server "ws://127.0.0.1:$port" --user anna --password-stdin \
        --profile "$data/client-anna" || true
else
    echo "plein: server running on ws://127.0.0.1:$port with the demo organisation."
    echo "       Users anna (admin), bram, chantal, daan, eva; password plein-demo."
    echo "       No display found (or no desktop app built): press Ctrl+C to stop."
    wait $server
fi
