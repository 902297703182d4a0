#!/usr/bin/env bash
# Builds Plein and runs every test headless: installs missing Debian packages, builds with
# Ninja (and ccache), starts a private PostgreSQL and a D-Bus session with an unlocked keyring,
# and runs CTest. Usage: scripts/test.sh [extra ctest arguments]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${PLEIN_BUILD_DIR:-$root/build}

"$root/scripts/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$(nproc)"

pgdir=$(mktemp -d /tmp/plein-test-pg.XXXXXX)
trap '"$root/scripts/test-postgres.sh" stop "$pgdir"' EXIT
export PLEIN_TEST_POSTGRES=$("$root/scripts/test-postgres.sh" start "$pgdir")
export PLEIN_REQUIRE_POSTGRES=1
export QT_QPA_PLATFORM=offscreen

# The keychain tests talk to a real Secret Service: gnome-keyring in a private D-Bus session.
dbus-run-session -- bash -c '
    printf "plein-test\n" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 || true
    ctest --test-dir "$0" --output-on-failure -j "$(nproc)" --timeout 600 "${@}"
' "$build" "$@"
