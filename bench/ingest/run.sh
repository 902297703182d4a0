#!/usr/bin/env bash
# Ingest benchmark: committed posts per second from 100 concurrent writers, on SQLite
# (synchronous FULL and NORMAL) and PostgreSQL 15, each next to the database's own ceiling
# measured right after it: the same rows, the same durability, transactions of the batch size
# the server's group commit reached (its mean), from one connection as the server has.
#   SQLite:     plein-ingest-sqlite-ceiling (a minimal C program on libsqlite3)
#   PostgreSQL: pgbench -M prepared with the script written below, once with a round trip per
#               statement (as the server, through Qt's driver, does) and once pipelined
# PostgreSQL also runs with batch_budget_ms=100 (the default is 10 ms of work per batch).
# With PLEIN_BASELINE_SERVER set to an older plein-server (built from main, say), each round
# also runs the same load against it, for a before/after in the same run.
# Usage: bench/ingest/run.sh [build dir] [rounds] [seconds]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-$root/build}
rounds=${2:-3}
seconds=${3:-10}
server="$build/server/plein-server"
baseline=${PLEIN_BASELINE_SERVER:-}
load="$build/bench/ingest/plein-ingest-load"
ceiling="$build/bench/ingest/plein-ingest-sqlite-ceiling"
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
    # 100 writers from one address post far faster than a person: lift the per-connection rate.
    printf 'requests_per_second=100000\n' >>"$data/plein-server.conf"
}
batch="" # the mean batch size of the last server run, rounded
result=""
# Lets the disk write back what the previous run left dirty, so that it does not slow the
# flushes of the next one (without it, the baseline right after a ceiling made 291 posts/s,
# alone 1,115).
settle() { sync; sleep 3; }
run_one() { # label, server binary, data dir, extra args...
    local label=$1 binary=$2 data=$3; shift 3
    settle
    "$binary" --data "$data" --port 0 "$@" >"$work/out" 2>"$work/err" &
    pid=$!
    for _ in $(seq 300); do grep -q listening "$work/out" && break; sleep 0.1; done
    local port; port=$(sed -n 's/.*:\([0-9]*\)$/\1/p' "$work/out")
    if [ -z "$port" ]; then
        echo "$label: the server did not start" >&2
        cat "$work/err" >&2
        exit 1
    fi
    result=$("$load" --url "ws://127.0.0.1:$port" --writers 100 --seconds "$seconds") \
        || { echo "$label: the load failed" >&2; tail -5 "$work/err" >&2; exit 1; }
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
    # "group commit: W writes in B batches (mean M, largest L), F failed commits"
    batch=$(sed -n 's/.*group commit: .*(mean \([0-9.]*\),.*/\1/p' "$work/err" | awk '{printf "%d", $1 + 0.5}')
    [ -n "$batch" ] && [ "$batch" -ge 1 ] || batch=1
    echo "$label $result batch=$batch"
    echo "$label $(rate <<<"$result")" >>"$work/rates"
}
rate() { sed -n 's/.*"postsPerSecond":\([0-9.]*\).*/\1/p'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
note() { # label, rate: kept for the medians
    echo "$1 $2" >>"$work/rates"
}

# pgbench script: `batch` posts in one transaction, each leaving the rows post.create leaves
# (its ledger row with the result, the post with its sequence number, its event), the counter
# read with its lock first and written once, as the server's group commit does. With
# `pipelined`, the statements go out without waiting for each other's answers. No colons in
# the literals: pgbench would read `:word` as a variable.
pg_script() { # file, batch, pipelined (yes/no)
    local file=$1 n=$2 pipelined=$3
    local at="'2026-12-02T03.38.52.291Z'"
    local hash="'544e259b7f6546ed45683470ae6372d764151b4efbc2e8cfce730d34a62a316b'"
    local body="'Ingest benchmark post with a little **Markdown** and @nobody.'"
    local data; data="'$(printf '%0380d' 0)'"
    local seq="(SELECT last_seq FROM event_counter WHERE id = 1)"
    {
        if [ "$pipelined" = yes ]; then echo "\\startpipeline"; fi
        echo "BEGIN;"
        echo "SELECT last_seq FROM event_counter WHERE id = 1 FOR UPDATE;"
        for i in $(seq 1 "$n"); do
            echo "\\set uid random(1, 20)"
            echo "\\set k random(1, 9000000000000000)"
            echo "INSERT INTO client_writes (user_id, client_id, request_hash, result, created_at) VALUES (:uid, 'c' || CAST(:k AS text), $hash, $data, $at);"
            echo "INSERT INTO posts (author_id, parent_id, group_id, body, created_at, seq) VALUES (:uid, NULL, NULL, $body, $at, $seq + $i);"
            echo "INSERT INTO events (seq, kind, actor_id, scope, scope_id, data, created_at, subject_id, origin_seq) VALUES ($seq + $i, 'post.created', :uid, 'all', NULL, $data, $at, currval('posts_id_seq'), NULL);"
        done
        echo "UPDATE event_counter SET last_seq = last_seq + $n WHERE id = 1;"
        echo "COMMIT;"
        if [ "$pipelined" = yes ]; then echo "\\endpipeline"; fi
    } >"$file"
}
pg_ceiling() { # label, data dir, batch, pipelined, served rate
    local label=$1 data=$2 n=$3 pipelined=$4 served=$5
    reset_pg
    prepare "$data" --database "$url"
    pg_script "$work/ceiling.sql" "$n" "$pipelined"
    settle
    local tps; tps=$(pgbench -n -M prepared -c 1 -T "$seconds" -f "$work/ceiling.sql" "$url" 2>/dev/null \
        | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
    local top; top=$(awk -v t="$tps" -v b="$n" 'BEGIN { printf "%.1f", t * b }')
    echo "$label {\"batch\":$n,\"postsPerSecond\":$top} ratio=$(ratio "$served" "$top")"
    note "$label" "$top"
    rm -rf "$data"
}

# A durable PostgreSQL (fsync on), unlike the throw-away one the tests use.
url=$(PLEIN_PG_FSYNC=on "$root/scripts/test-postgres.sh" start "$pgdir")
reset_pg() { psql "$url" -qc 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' >/dev/null 2>&1; }
for r in $(seq 1 "$rounds"); do
    for sync in full normal; do
        d="$work/$sync$r"; prepare "$d"
        if [ "$sync" = normal ]; then printf 'sqlite_synchronous=normal\n' >>"$d/plein-server.conf"; fi
        run_one "sqlite-$sync" "$server" "$d"
        served=$(rate <<<"$result")
        c="$work/ceiling-$sync$r"; prepare "$c"; settle
        top=$("$ceiling" "$c/plein.db" "$batch" "$seconds" "$sync")
        echo "sqlite-$sync-ceiling $top ratio=$(ratio "$served" "$(rate <<<"$top")")"
        note "sqlite-$sync-ceiling" "$(rate <<<"$top")"
        rm -rf "$d" "$c"
    done
    if [ -n "$baseline" ]; then
        d="$work/baseline$r"; prepare "$d"; run_one "baseline-sqlite-full" "$baseline" "$d"; rm -rf "$d"
    fi
    reset_pg
    d="$work/pg$r"; prepare "$d" --database "$url"; run_one "postgresql" "$server" "$d" --database "$url"
    served=$(rate <<<"$result")
    pg_batch=$batch
    rm -rf "$d"
    pg_ceiling "postgresql-ceiling" "$work/ceiling-pg$r" "$pg_batch" no "$served"
    pg_ceiling "postgresql-ceiling-pipelined" "$work/ceiling-pg$r" "$pg_batch" yes "$served"
    reset_pg
    d="$work/pg100-$r"; prepare "$d" --database "$url"
    printf 'batch_budget_ms=100\n' >>"$d/plein-server.conf"
    run_one "postgresql-budget100" "$server" "$d" --database "$url"
    served=$(rate <<<"$result")
    pg_batch=$batch
    rm -rf "$d"
    pg_ceiling "postgresql-budget100-ceiling" "$work/ceiling-pg$r" "$pg_batch" no "$served"
    pg_ceiling "postgresql-budget100-ceiling-pipelined" "$work/ceiling-pg$r" "$pg_batch" yes "$served"
    if [ -n "$baseline" ]; then
        reset_pg
        d="$work/baseline-pg$r"; prepare "$d" --database "$url"
        run_one "baseline-postgresql" "$baseline" "$d" --database "$url"; rm -rf "$d"
    fi
done
echo "medians of $rounds rounds (posts/s):"
awk '{ v[$1] = v[$1] " " $2 } END { for (k in v) print k, v[k] }' "$work/rates" | sort | while read -r label values; do
    median=$(tr ' ' '\n' <<<"$values" | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }')
    echo "  $label $median  ($values )"
done
