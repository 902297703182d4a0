#!/usr/bin/env bash
# Ingest benchmark: committed posts per second from 100 concurrent writers, on SQLite
# (synchronous FULL and NORMAL) and PostgreSQL 15. Usage: bench/ingest/run.sh [build dir] [rounds]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-$root/build}
rounds=${2:-3}
server="$build/server/plein-server"
load="$build/bench/ingest/plein-ingest-load"
work=$(mktemp -d /tmp/plein-ingest.XXXXXX)
pgdir=$(mktemp -d /tmp/plein-ingest-pg.XXXXXX)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; "$root/scripts/test-postgres.sh" stop "$pgdir"; rm -rf "$work"; }
trap cleanup EXIT

prepare() { # data dir, extra args...
    local data=$1; shift
    "$server" init --data "$data" "$@" >/dev/null
    for i in $(seq 1 20); do
        printf 'bench-password\n' | "$server" user add "bench$i" --data "$data" --password-stdin "$@" >/dev/null
    done
}
run_one() { # label, data dir, extra args...
    local label=$1 data=$2; shift 2
    "$server" --data "$data" --port 0 "$@" >"$work/out" 2>"$work/err" &
    pid=$!
    for _ in $(seq 50); do grep -q listening "$work/out" && break; sleep 0.1; done
    local port; port=$(sed -n 's/.*:\([0-9]*\)$/\1/p' "$work/out")
    local result; result=$("$load" --url "ws://127.0.0.1:$port" --writers 100 --seconds 10)
    echo "$label $result"
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}

# A durable PostgreSQL (fsync on), unlike the throw-away one the tests use.
url=$(PLEIN_PG_FSYNC=on "$root/scripts/test-postgres.sh" start "$pgdir")
for r in $(seq 1 "$rounds"); do
    d="$work/full$r"; prepare "$d"; run_one "sqlite-full" "$d"
    d="$work/normal$r"; prepare "$d"; printf 'sqlite_synchronous=normal\n' >>"$d/plein-server.conf"
    run_one "sqlite-normal" "$d"
    psql "$url" -qc 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' >/dev/null
    d="$work/pg$r"; prepare "$d" --database "$url"; run_one "postgresql" "$d" --database "$url"
done
