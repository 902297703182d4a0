#!/usr/bin/env bash
# Chat benchmarks against plein-server: chat.list and history at 50,000 users with 100
# conversations each, message sent to shown with 10,000 connections held, one message to a
# conversation of 500 (against a post to a group of the same 500), and typing and presence
# load. See README.md beside this file.
#
#   bench/chat/run.sh [BUILD_DIR]        (BUILD_DIR defaults to ./build)
#
# Builds nothing: BUILD_DIR must hold server/plein-server, bench/chat/plein-chat-load and
# bench/chat/plein-chat-seed.
#
# Environment knobs (defaults in brackets):
#   SIZES [10000]            connections held, one user each (at most TOKEN_USERS)
#   ROUNDS [3]               runs per size, each against a fresh server process; the figures
#                            are the medians over the runs
#   USERS [50000]            users seeded (bench1..benchN)
#   CONVERSATIONS [100]      direct conversations per user
#   LONG_MESSAGES [120]      messages of each user's newest conversation
#   TOKEN_USERS [10000]      users given a session token (the load resumes them)
#   SEED_DIR [unset]         a data folder to seed once and reuse across invocations (seeding
#                            50,000 users takes a few minutes); unset: a temporary one
#   SCENARIOS [reads,direct,group,typing]   (and search, groupSearch: see POSTS)
#   POSTS [0] SEARCH_GROUPS [0]  searchable posts and groups to seed (each user in three groups;
#                            40 % of the posts in the company feed, the rest in groups); on
#                            PostgreSQL the posts are loaded with psql's COPY
#   DATABASE [sqlite]        or postgresql: a private PostgreSQL 15 started for the run
#   PG_URL [unset]           with DATABASE=postgresql and SEED_DIR: a PostgreSQL seeded before
#                            (by this script with KEEP_DATA, or by hand) that is used as it is
#   SERVER [BUILD_DIR/server/plein-server]   the server to measure (another build of it)
#   READ_USERS [20] READ_REPEATS [5]
#   PAIRS [1000] RATE [100] DIRECT_SECONDS [20]      direct messages a second over the pairs
#   GROUP_SIZE [500] GROUP_ROUNDS [10]
#   SEARCH_RATE [20]         groupSearch: the group scenario while search.query runs at this
#                            rate from the connections outside the group (SIZES > GROUP_SIZE)
#   TYPISTS [1000] TYPING_INTERVAL [3000] WATCH [50] STEP_SECONDS [20] PRESENCE_RATE [20]
#   CONCURRENCY [200]        connections being set up at once
#   BASE_PORT [19800]        first port; each run takes the next one
#   MAX_SECONDS [900]        hard time limit of one load run
#   RESULTS [BUILD_DIR/chat-results/DATE]    JSON lines and server logs
#   WAIT_QUIET [30]          before each run, wait up to this long for an idle machine
#   KEEP_DATA [unset]        keep the temporary data folder
#
# Only 127.0.0.1 is used. Every server started here is stopped on exit.

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build_arg=${1:-./build}
if [[ ! -d $build_arg ]]; then
    echo "run.sh: build directory '$build_arg' not found (configure and build first)" >&2
    exit 2
fi
build=$(cd "$build_arg" && pwd)
# shellcheck source=../fanout/runlib.sh
source "$here/../fanout/runlib.sh"

sizes=${SIZES:-10000}
rounds=${ROUNDS:-3}
users=${USERS:-50000}
conversations=${CONVERSATIONS:-100}
long_messages=${LONG_MESSAGES:-120}
token_users=${TOKEN_USERS:-10000}
port=${BASE_PORT:-19800}
max_seconds=${MAX_SECONDS:-900}
results=${RESULTS:-$build/chat-results/$(date +%Y%m%d-%H%M%S)}

server=${SERVER:-$build/server/plein-server}
load=$build/bench/chat/plein-chat-load
seeder=$build/bench/chat/plein-chat-seed
for program in "$server" "$load" "$seeder"; do
    if [[ ! -x $program ]]; then
        echo "run.sh: $program not built" >&2
        exit 2
    fi
done

largest=0
for n in $sizes; do
    if (( n > token_users )); then
        echo "run.sh: SIZES holds $n, more than the $token_users users with a token" >&2
        exit 2
    fi
    if (( n > largest )); then
        largest=$n
    fi
done
raise_file_limit "$largest"
mkdir -p "$results"
echo "results: $results"

declare -a started=()
temp_root=""
cleanup()
{
    local pid
    for pid in "${started[@]}"; do
        stop_server "$pid"
    done
    if declare -F stop_pg >/dev/null; then
        stop_pg
    fi
    if [[ -n $temp_root && -z ${KEEP_DATA:-} ]]; then
        rm -rf "$temp_root"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ -n ${SEED_DIR:-} ]]; then
    seed_dir=$SEED_DIR
else
    temp_root=$(mktemp -d "${TMPDIR:-/tmp}/plein-chat-bench.XXXXXX")
    seed_dir=$temp_root/seed
fi
data=$seed_dir/data
tokens=$seed_dir/tokens.txt
db_args=()
if [[ ${DATABASE:-sqlite} == postgresql && -n ${PG_URL:-} ]]; then
    if [[ -z ${SEED_DIR:-} ]]; then
        echo "run.sh: PG_URL needs SEED_DIR (the tokens of the users seeded there)" >&2
        exit 2
    fi
    pg_url=$PG_URL
    db_args=(--database "$pg_url")
elif [[ ${DATABASE:-sqlite} == postgresql ]]; then
    [[ -n $temp_root ]] || temp_root=$(mktemp -d "${TMPDIR:-/tmp}/plein-chat-bench.XXXXXX")
    # As root the cluster belongs to the postgres user, who must reach its folder.
    chmod 755 "$temp_root"
    pg_dir=$temp_root/pg
    pg_url=$("$here/../../scripts/test-postgres.sh" start "$pg_dir")
    stop_pg() { "$here/../../scripts/test-postgres.sh" stop "$pg_dir" || true; }
    db_args=(--database "$pg_url")
    rm -rf "$data" # a new cluster: seed again
fi
if [[ -s $tokens && ( -f $data/plein.db || ( -n ${PG_URL:-} && -d $data ) ) ]]; then
    echo "reusing the seeded data folder $data"
else
    echo "seeding $users users with $conversations conversations each into $data"
    rm -rf "$data"
    "$server" init --data "$data" --organisation "Chat bench" "${db_args[@]}" > "$results/seed.log" 2>&1
    copy_args=()
    if [[ -n ${pg_url:-} && ${POSTS:-0} -gt 0 ]]; then
        copy_args=(--posts-copy "$seed_dir/posts.copy")
    fi
    "$seeder" --data "$data" "${db_args[@]}" --users "$users" --conversations "$conversations" \
        --long-messages "$long_messages" --token-users "$token_users" --tokens-out "$tokens" \
        --posts "${POSTS:-0}" --groups "${SEARCH_GROUPS:-0}" "${copy_args[@]}" 2>&1 | tee -a "$results/seed.log"
    if (( ${#copy_args[@]} )); then
        # The posts through COPY, in two streams (the stored search vector is computed per
        # row, on both cores), with the text-search index built once afterwards instead of
        # grown row by row; then the ids' sequence past them and fresh statistics (what
        # autovacuum would gather soon after such a load).
        echo "loading $POSTS posts with COPY"
        started_at=$(date +%s)
        psql -q -v ON_ERROR_STOP=1 "$pg_url" -c 'DROP INDEX posts_search'
        split -n l/2 -d "$seed_dir/posts.copy" "$seed_dir/posts.copy."
        rm -f "$seed_dir/posts.copy"
        copies=()
        for part in "$seed_dir"/posts.copy.*; do
            psql -q -v ON_ERROR_STOP=1 "$pg_url" \
                -c "\\copy posts (id, author_id, group_id, body, created_at, seq) FROM '$part'" &
            copies+=("$!")
        done
        for copy in "${copies[@]}"; do
            wait "$copy" || { echo "run.sh: a COPY of the posts failed" >&2; exit 1; }
        done
        rm -f "$seed_dir"/posts.copy.*
        echo "posts copied after $(( $(date +%s) - started_at )) s"
        psql -q -v ON_ERROR_STOP=1 "$pg_url" <<'SQL'
SET maintenance_work_mem = '1GB';
CREATE INDEX posts_search ON posts USING gin (search);
SELECT setval(pg_get_serial_sequence('posts', 'id'), (SELECT MAX(id) FROM posts));
ANALYZE;
SQL
        echo "posts indexed after $(( $(date +%s) - started_at )) s"
    fi | tee -a "$results/seed.log"
fi
[[ -f $data/plein.db ]] && du -sh "$data/plein.db" | sed 's/^/database size: /'

load_args=(
    --scenarios "${SCENARIOS:-reads,direct,group,typing}"
    --read-users "${READ_USERS:-20}" --read-repeats "${READ_REPEATS:-5}"
    --pairs "${PAIRS:-1000}" --rate "${RATE:-100}" --direct-seconds "${DIRECT_SECONDS:-20}"
    --group-size "${GROUP_SIZE:-500}" --group-rounds "${GROUP_ROUNDS:-10}"
    --search-rate "${SEARCH_RATE:-20}"
    --typists "${TYPISTS:-1000}" --typing-interval "${TYPING_INTERVAL:-3000}"
    --watch "${WATCH:-50}" --step-seconds "${STEP_SECONDS:-20}"
    --presence-rate "${PRESENCE_RATE:-20}" --concurrency "${CONCURRENCY:-200}"
    --max-seconds "$max_seconds"
)

for n in $sizes; do
    for round in $(seq "$rounds"); do
        p=$port
        port=$((port + 1))
        out=$results/chat-$n-$round.jsonl
        log=$results/server-$n-$round.log
        echo "== $n connections, run $round of $rounds, port $p"
        wait_for_quiet
        "$server" --data "$data" "${db_args[@]}" --listen 127.0.0.1 --port "$p" > "$log" 2>&1 &
        pid=$!
        started+=("$pid")
        if ! wait_for_port "$pid" "$p"; then
            echo "   plein-server did not start listening (see $log)"
            stop_server "$pid"
            continue
        fi
        status=0
        timeout --kill-after=10 $((max_seconds + 30)) "$load" --url "ws://127.0.0.1:$p" \
            --tokens "$tokens" --connections "$n" --server-pid "$pid" --label "run$round" \
            "${load_args[@]}" > "$out" 2> >(sed 's/^/   /' >&2) || status=$?
        stop_server "$pid"
        if (( status != 0 )); then
            echo "   load exited with status $status (failures or refusals; see above)"
        fi
    done
done

echo
python3 "$here/summarise.py" "$results"
