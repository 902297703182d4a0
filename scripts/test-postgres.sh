#!/usr/bin/env bash
# Starts a private, throw-away PostgreSQL 15 for the tests and prints the URL to use as
# PLEIN_TEST_POSTGRES. PostgreSQL refuses to run as root, so as root the cluster belongs to the
# 'postgres' system user. Usage:  url=$(scripts/test-postgres.sh start DIR)  ...  scripts/test-postgres.sh stop DIR
set -euo pipefail
action=${1:?start or stop}
dir=${2:?data directory}
bin=/usr/lib/postgresql/15/bin
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$action" in
start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U plein --auth=trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    # A port below Linux's ephemeral range (32768-60999), so that the many client sockets of
    # a test or benchmark never hold it; another try on a new port if it is taken all the same.
    started=""
    for _ in 1 2 3 4 5; do
        port=$(( 20000 + RANDOM % 12000 ))
        if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=${PLEIN_PG_FSYNC:-off} -c full_page_writes=${PLEIN_PG_FSYNC:-off}" \
            start >/dev/null; then
            started=yes
            break
        fi
    done
    [ -n "$started" ] || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U plein plein_test
    echo "postgresql://plein@127.0.0.1:$port/plein_test"
    ;;
stop)
    [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
esac
