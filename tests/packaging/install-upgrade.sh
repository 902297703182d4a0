#!/usr/bin/env bash
# Builds the Debian packages from this build with cpack, lints them, installs them on this
# machine, runs both installed programs, and upgrades over an older build with data in place:
# the user and the post made before the upgrade must still be there after it.
#
# Usage: install-upgrade.sh <build dir> <source dir> <plein-package-probe>
# Needs root (it installs packages and creates the system user plein): skips (77) otherwise,
# and fails under CI=true. Environment:
#   PLEIN_OLD_PACKAGES=DIR  the older build's plein_*.deb and plein-server_*.deb (for example a
#                           release's); without it the same build is packaged as Debian
#                           revision 0~older, a version below the new packages'
#   PLEIN_KEEP_PACKAGES=1   leave the new packages installed (default: purged at the end)
set -euo pipefail
build=$1
src=$2
probe=$3

say() { printf '== %s\n' "$*"; }
fail() {
    printf 'FAIL: %s\n' "$*" >&2
    exit 1
}
skip() {
    printf '%s\n' "$*"
    [ "${CI:-}" = true ] && fail "under CI this test must run: $*"
    exit 77
}

[ "$(id -u)" -eq 0 ] || skip "not root: this test installs packages (run scripts/test.sh as root)"
for tool in cpack dpkg dpkg-deb dpkg-shlibdeps dpkg-parsechangelog lintian desktop-file-validate \
    appstreamcli runuser setpriv deluser; do
    command -v "$tool" >/dev/null || skip "missing $tool (scripts/install-deps.sh installs it)"
done

data=/var/lib/plein
conf=/etc/plein/plein-server.conf
# Marks a data folder this test made, which it may delete; any other one it never touches.
marker=$data/.plein-packaging-test
password=packaging-test-password
work=$(mktemp -d /tmp/plein-packaging.XXXXXX)
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# Starts the installed server as `user` on a free port ("$@": more arguments) and sets
# server_url once it listens. setpriv execs the server, so the signals reach it directly.
start_server() {
    local user=$1
    shift
    : >"$work/server.log"
    setpriv --reuid="$user" --regid="$user" --init-groups -- \
        /usr/bin/plein-server --port 0 "$@" >"$work/server.log" 2>&1 &
    server_pid=$!
    server_url=""
    for _ in $(seq 100); do
        server_url=$(sed -n 's/^plein-server: listening on \(ws:\/\/[^ ]*\)$/\1/p' "$work/server.log")
        [ -n "$server_url" ] && return 0
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    cat "$work/server.log" >&2
    fail "the installed plein-server did not start ($*)"
}

stop_server() {
    kill -TERM "$server_pid"
    local rc=0
    wait "$server_pid" || rc=$?
    server_pid=""
    [ $rc -eq 0 ] || { cat "$work/server.log" >&2; fail "plein-server exited with $rc on SIGTERM"; }
}

probe() { printf '%s\n' "$password" | "$probe" "$@"; }

# Purges the packages, this test's data folder and the system user (which a package never
# removes), so that each run installs on a machine without them, as CI's first run does.
purge_all() {
    for p in plein plein-server; do
        if dpkg-query -W "$p" >/dev/null 2>&1; then
            dpkg --purge "$p" >/dev/null || fail "dpkg --purge $p"
        fi
    done
    rm -rf "$data"
    if [ "$(getent passwd plein | cut -d: -f6)" = "$data" ]; then
        deluser --system --quiet plein >/dev/null 2>&1 || fail "deluser plein"
    fi
    if getent group plein >/dev/null; then
        delgroup --system --quiet --only-if-empty plein >/dev/null 2>&1 || true
    fi
}

say "cpack: the new packages"
cpack --config "$build/CPackConfig.cmake" -B "$work/new" >"$work/cpack-new.log" 2>&1 \
    || { cat "$work/cpack-new.log"; fail "cpack failed"; }
new_app=$(echo "$work"/new/plein_*.deb)
new_server=$(echo "$work"/new/plein-server_*.deb)
[ -f "$new_app" ] && [ -f "$new_server" ] || fail "cpack made no plein and plein-server packages"
version=$(dpkg-deb -f "$new_server" Version)
upstream=${version%-*}
changelog=$(dpkg-parsechangelog -l "$src/packaging/debian/changelog" -S Version)
[ "$changelog" = "$version" ] \
    || fail "packaging/debian/changelog's latest entry is $changelog, the packages are $version: add an entry"
grep -q "<release version=\"$upstream\"" "$src/packaging/nl.plein.Plein.metainfo.xml" \
    || fail "packaging/nl.plein.Plein.metainfo.xml has no <release> for $upstream: add one"

if [ -n "${PLEIN_OLD_PACKAGES:-}" ]; then
    old_app=$(echo "$PLEIN_OLD_PACKAGES"/plein_*.deb)
    old_server=$(echo "$PLEIN_OLD_PACKAGES"/plein-server_*.deb)
else
    say "cpack: the older build (Debian revision 0~older)"
    cpack --config "$build/CPackConfig.cmake" -B "$work/old" -D CPACK_DEBIAN_PACKAGE_RELEASE=0~older \
        >"$work/cpack-old.log" 2>&1 || { cat "$work/cpack-old.log"; fail "cpack failed"; }
    old_app=$(echo "$work"/old/plein_*.deb)
    old_server=$(echo "$work"/old/plein-server_*.deb)
fi
[ -f "$old_app" ] && [ -f "$old_server" ] || fail "no older plein and plein-server packages"
old_version=$(dpkg-deb -f "$old_server" Version)
dpkg --compare-versions "$old_version" lt "$version" \
    || fail "the older build's version $old_version is not below $version"

say "lintian $version"
lintian --fail-on error --tag-display-limit 0 "$new_app" "$new_server" || fail "lintian found errors"

say "contents"
dpkg-deb -x "$new_app" "$work/app"
dpkg-deb -x "$new_server" "$work/server"
for f in usr/bin/plein usr/share/applications/nl.plein.Plein.desktop \
    usr/share/metainfo/nl.plein.Plein.metainfo.xml usr/share/icons/hicolor/scalable/apps/nl.plein.Plein.svg \
    usr/share/man/man1/plein.1.gz usr/share/doc/plein/copyright usr/share/doc/plein/changelog.Debian.gz; do
    [ -f "$work/app/$f" ] || fail "the package plein has no /$f"
done
for size in 16 22 24 32 48 64 128 256 512; do
    png=$work/app/usr/share/icons/hicolor/${size}x$size/apps/nl.plein.Plein.png
    [ -f "$png" ] || fail "the package plein has no ${size}x$size icon"
    # The PNG header's width and height (bytes 17-24, big-endian).
    dims=$(od -An -tu1 -j16 -N8 "$png" | awk '{ printf "%d %d", $1*2^24+$2*2^16+$3*2^8+$4, $5*2^24+$6*2^16+$7*2^8+$8 }')
    [ "$dims" = "$size $size" ] || fail "the ${size}x$size icon is $dims"
done
for f in usr/bin/plein-server lib/systemd/system/plein-server.service etc/plein/plein-server.conf \
    usr/share/man/man1/plein-server.1.gz usr/share/doc/plein-server/copyright \
    usr/share/doc/plein-server/changelog.Debian.gz; do
    [ -f "$work/server/$f" ] || fail "the package plein-server has no /$f"
done
desktop-file-validate "$work/app/usr/share/applications/nl.plein.Plein.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net --no-color "$work/app/usr/share/metainfo/nl.plein.Plein.metainfo.xml" \
    || fail "appstreamcli validate"

say "a clean machine"
if [ -e "$data" ] && [ ! -e "$marker" ]; then
    fail "$data exists and was not made by this test: refusing to touch it"
fi
purge_all
! getent passwd plein >/dev/null || fail "a user plein that this test did not make exists"

say "install $old_version"
dpkg -i --force-confdef --force-confold "$old_app" "$old_server" || fail "dpkg -i of the older build"
installed plein && installed plein-server || fail "the older build is not installed"
touch "$marker"
getent passwd plein >/dev/null || fail "no system user plein"
[ "$(stat -c '%U:%G %a' "$data")" = "plein:plein 700" ] || fail "$data is $(stat -c '%U:%G %a' "$data")"
[ "$(readlink "$data/plein-server.conf")" = "$conf" ] || fail "$data/plein-server.conf is not a link to $conf"
[ "$(stat -c '%U:%G %a' "$conf")" = "root:plein 640" ] || fail "$conf is $(stat -c '%U:%G %a' "$conf")"
[ "$(stat -c '%U' "$data/plein.db")" = plein ] || fail "postinst made no database owned by plein"

say "data in $data"
printf '%s\n' "$password" | runuser -u plein -- /usr/bin/plein-server user add tester --admin \
    --display-name "Package Tester" --password-stdin --data "$data" >/dev/null || fail "user add"
# A change of the admin's to the conffile, which the upgrade must keep.
sed -i 's/^organisation=.*/organisation=Packaging test/' "$conf"
start_server plein --data "$data"
probe post "$server_url" tester "Written before the upgrade to $version" \
    || fail "cannot post through the older build's server"
stop_server

say "upgrade to $version"
# As an unattended upgrade would: keep the admin's config, never ask.
dpkg -i --force-confdef --force-confold "$new_app" "$new_server" || fail "dpkg -i of the new packages"
for p in plein plein-server; do
    installed "$p" || fail "$p is not installed"
    [ "$(dpkg-query -W -f='${Version}' "$p")" = "$version" ] || fail "$p is not at $version"
done
grep -qx 'organisation=Packaging test' "$conf" || fail "the upgrade lost the change to $conf"
[ "$(readlink "$data/plein-server.conf")" = "$conf" ] || fail "the upgrade lost the config link"
[ "$(stat -c '%U:%G %a' "$data")" = "plein:plein 700" ] || fail "$data is $(stat -c '%U:%G %a' "$data")"

say "nothing lost"
start_server plein --data "$data"
probe find "$server_url" tester "Written before the upgrade to $version" \
    || fail "the user or the post of before the upgrade is gone"
stop_server

say "the installed programs"
[ "$(/usr/bin/plein-server --version)" = "plein-server $upstream" ] \
    || fail "plein-server --version: $(/usr/bin/plein-server --version)"
mkdir "$work/data"
/usr/bin/plein-server init --data "$work/data" --organisation "Packaging" >/dev/null || fail "plein-server init"
start_server root --data "$work/data"
stop_server
[ "$(QT_QPA_PLATFORM=offscreen /usr/bin/plein --version)" = "plein $upstream" ] \
    || fail "plein --version: $(QT_QPA_PLATFORM=offscreen /usr/bin/plein --version)"
help=$(QT_QPA_PLATFORM=offscreen /usr/bin/plein --help) || fail "plein --help failed"
grep -q -- '--server' <<<"$help" || fail "plein --help: $help"
man -w plein >/dev/null && man -w plein-server >/dev/null || fail "the manual pages are not found"
if command -v update-desktop-database >/dev/null; then
    grep -q '^x-scheme-handler/plein=nl.plein.Plein.desktop' /usr/share/applications/mimeinfo.cache \
        || fail "plein: links are not registered (mimeinfo.cache)"
fi
if command -v systemd-analyze >/dev/null; then
    systemd-analyze verify /lib/systemd/system/plein-server.service || fail "systemd-analyze verify"
fi

if [ "${PLEIN_KEEP_PACKAGES:-}" = 1 ]; then
    say "plein and plein-server $version stay installed (PLEIN_KEEP_PACKAGES=1)"
else
    say "purge"
    purge_all
fi
echo "packaging: built, installed, ran and upgraded $old_version -> $version"
