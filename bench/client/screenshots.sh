#!/usr/bin/env bash
# Screenshots of the real app for the docs: the demo organisation on a real server, the desktop
# app logged in as anna under Xvfb (no window manager: the window is given the screen's size),
# the screen grabbed with ImageMagick. One per look: light (the default palette), dark, Dutch,
# narrow (one column), and a thread open beside the feed.
# Usage: bench/client/screenshots.sh [build dir]   (writes docs/screenshots/*.png)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

if [ "${1:-}" = "--inside-xvfb" ]; then
    app=$2 url=$3 profile=$4 out=$5 size=$6
    shift 6
    export QT_QPA_PLATFORM=xcb
    # The window fills the screen (Qt's -geometry on X11: there is no window manager to
    # maximise it).
    printf 'plein-demo\n' | "$app" -geometry "${size}+0+0" --server "$url" --user anna \
        --password-stdin --profile "$profile" "$@" >/dev/null 2>&1 &
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
port=$(sed -n 's/.*listening.*:\([0-9]*\)$/\1/p' "$work/server.out" | head -1)
mkdir -p "$root/docs/screenshots"

# name, screen size, app arguments
shoot() {
    local name=$1 size=$2
    shift 2
    xvfb-run -a -s "-screen 0 ${size}x24" "$here/screenshots.sh" --inside-xvfb \
        "$build/client/app/plein" "ws://127.0.0.1:$port" "$work/profile-$name" \
        "$root/docs/screenshots/$name.png" "$size" "$@"
    echo "wrote docs/screenshots/$name.png"
}
shoot shell 1000x700 --lang en --theme light
shoot shell-dark 1000x700 --lang en --theme dark
shoot shell-nl 1000x700 --lang nl --theme light
shoot shell-narrow 380x700 --lang en --theme light
shoot shell-thread 1200x750 --lang en --theme light plein:/post/1
# The demo's conversations: 1 anna and bram, 2 "Sluis Eefde" (code and a mention of anna).
shoot chat-direct 1100x720 --lang en --theme light plein:/chat/1
shoot chat-direct-dark 1100x720 --lang en --theme dark plein:/chat/1
shoot chat-group 1100x720 --lang en --theme light plein:/chat/2
shoot chat-group-dark 1100x720 --lang nl --theme dark plein:/chat/2
shoot chat-narrow 420x720 --lang en --theme dark plein:/chat/2
# People: the directory, bram's profile, and daan's in Dutch (users: 1 anna, 2 bram, ... 4 daan).
shoot people-directory 1100x720 --lang en --theme light plein:/people
shoot people-profile 1100x720 --lang en --theme light plein:/person/2
shoot people-profile-nl 1100x720 --lang nl --theme light plein:/person/4
# The local search: what the demo says about locks ("sluis"), posts and messages.
shoot search 1100x720 --lang en --theme light 'plein:/search?q=sluis'
shoot search-nl 1100x720 --lang nl --theme dark 'plein:/search?q=sluis'
# A topic's page, which the #dijkbewaking of those posts links to.
shoot topic 1100x720 --lang en --theme light 'plein:/topic?name=dijkbewaking'
shoot topic-nl 1100x720 --lang nl --theme dark 'plein:/topic?name=dijkbewaking'
