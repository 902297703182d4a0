#!/usr/bin/env bash
# Fan-out benchmark: plein-server against two minimal broadcast servers (Node `ws`, Bun).
#
#   bench/fanout/run.sh [BUILD_DIR]        (BUILD_DIR defaults to ./build)
#
# Builds nothing: BUILD_DIR must already hold bench/plein-fanout-load and, for the Plein rows,
# server/plein-server. Installs the baselines' npm packages when they are missing.
#
# Environment knobs (defaults in brackets):
#   SIZES [1000 10000]       receiving connections per run
#   SERVERS [ws bun plein]   which servers to run, in this order; plein-group is Plein with
#                            the post written into a public group that all the users joined
#   ROUNDS [5]               posts per run; figures are the median over rounds
#   USERS [20]               bench users created for Plein (tokens are used round-robin)
#   CONCURRENCY [200]        connections being set up at once
#   BASE_PORT [19700]        first port; each run takes the next one
#   MAX_SECONDS [180]        hard time limit of one load run
#   RESULTS [BUILD_DIR/fanout-results/DATE]   where the JSON lines and logs go
#   WAIT_QUIET [30]          before each run, wait up to this many seconds for the machine to
#                            be idle (other processes disturb the figures; see README.md)
#   KEEP_DATA [unset]        set to keep the Plein data folder (it is removed on exit)
#
# Only 127.0.0.1 is ever used. Every server started here is stopped on exit.

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build_arg=${1:-./build}
if [[ ! -d $build_arg ]]; then
    echo "run.sh: build directory '$build_arg' not found (configure and build first)" >&2
    exit 2
fi
build=$(cd "$build_arg" && pwd)

sizes=${SIZES:-"1000 10000"}
servers=${SERVERS:-"ws bun plein"}
rounds=${ROUNDS:-5}
users=${USERS:-20}
concurrency=${CONCURRENCY:-200}
port=${BASE_PORT:-19700}
max_seconds=${MAX_SECONDS:-180}
results=${RESULTS:-$build/fanout-results/$(date +%Y%m%d-%H%M%S)}
password=password

load=""
for candidate in "$build/bench/plein-fanout-load" "$build/bench/fanout/plein-fanout-load"; do
    if [[ -x $candidate ]]; then
        load=$candidate
        break
    fi
done
if [[ -z $load ]]; then
    echo "run.sh: plein-fanout-load not found under $build/bench (build the plein-fanout-load target)" >&2
    exit 2
fi
plein_server=$build/server/plein-server
baselines=$here/baselines
bun=$baselines/node_modules/@oven/bun-linux-x64/bin/bun

# shellcheck source=runlib.sh
source "$here/runlib.sh"

largest=0
for n in $sizes; do
    if (( n > largest )); then
        largest=$n
    fi
done
raise_file_limit "$largest"

mkdir -p "$results"
echo "results: $results"

declare -a started=()
data_root=""
data_dir=""

cleanup()
{
    local pid
    for pid in "${started[@]}"; do
        stop_server "$pid"
    done
    if [[ -n $data_root && -z ${KEEP_DATA:-} ]]; then
        rm -rf "$data_root"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

have_baselines()
{
    [[ -f $baselines/node_modules/ws/package.json && -x $bun ]]
}

if [[ " $servers " == *" ws "* || " $servers " == *" bun "* ]] && ! have_baselines; then
    echo "installing the baseline packages (npm install --prefix $baselines)"
    npm install --prefix "$baselines" --no-audit --no-fund --loglevel=error \
        || echo "run.sh: warning: npm install failed; baseline rows will be missing" >&2
fi

# One data folder for all Plein runs: an organisation and USERS members bench1..benchN, all
# with the same password. Each run starts a fresh server process on it.
plein_state=new # new, ready or failed

add_bench_user()
{
    local name=$1 display=$2 log=$results/plein-init.log
    printf '%s\n' "$password" | "$plein_server" user add --data "$data_dir" --username "$name" \
        --display-name "$display" --password-stdin >> "$log" 2>&1 && return 0
    # The user name as a positional argument, for a server that takes it that way.
    printf '%s\n' "$password" | "$plein_server" user add "$name" --data "$data_dir" \
        --display-name "$display" --password-stdin >> "$log" 2>&1
}

prepare_plein()
{
    case $plein_state in
        ready) return 0 ;;
        failed) return 1 ;;
    esac
    plein_state=failed
    data_root=$(mktemp -d "${TMPDIR:-/tmp}/plein-fanout.XXXXXX")
    data_dir=$data_root/data
    echo "preparing a Plein data folder with $users users: $data_dir"
    "$plein_server" init --data "$data_dir" --organisation Bench > "$results/plein-init.log" 2>&1 || return 1
    local i
    for i in $(seq "$users"); do
        add_bench_user "bench$i" "Bench $i" || return 1
    done
    plein_state=ready
}

# run_one SERVER N: starts the server, runs the load against it, stops the server.
run_one()
{
    local kind=$1 n=$2
    local p=$port
    port=$((port + 1))
    local out=$results/$kind-$n.jsonl log=$results/$kind-$n.log
    local -a cmd extra
    case $kind in
        ws)
            have_baselines || { echo "skip ws: baseline packages missing"; return 0; }
            cmd=(node "$baselines/ws-server.js" "$p" 127.0.0.1)
            extra=(--protocol raw)
            ;;
        bun)
            have_baselines || { echo "skip bun: baseline packages missing"; return 0; }
            cmd=("$bun" "$baselines/bun-server.js" "$p" 127.0.0.1)
            extra=(--protocol raw)
            ;;
        plein|plein-group)
            [[ -x $plein_server ]] || { echo "skip plein: $plein_server not built"; return 0; }
            prepare_plein || { echo "skip plein: preparing the data folder failed (see $results/plein-init.log)"; return 0; }
            cmd=("$plein_server" --data "$data_dir" --listen 127.0.0.1 --port "$p")
            extra=(--protocol plein --login-users "bench1..bench$users" --password "$password")
            if [[ $kind == plein-group ]]; then
                extra+=(--group)
            fi
            ;;
        *)
            echo "run.sh: unknown server '$kind'" >&2
            return 0
            ;;
    esac

    echo "== $kind, $n connections, port $p"
    wait_for_quiet
    "${cmd[@]}" > "$log" 2>&1 &
    local pid=$!
    started+=("$pid")
    if ! wait_for_port "$pid" "$p"; then
        echo "   $kind did not start listening (see $log)"
        stop_server "$pid"
        return 0
    fi
    local status=0
    timeout --kill-after=10 $((max_seconds + 30)) "$load" --url "ws://127.0.0.1:$p" --connections "$n" \
        --concurrency "$concurrency" --rounds "$rounds" --server-pid "$pid" --max-seconds "$max_seconds" \
        --connect-timeout $((max_seconds * 2 / 3)) \
        --label "$kind" "${extra[@]}" > "$out" 2> >(sed 's/^/   /' >&2) || status=$?
    stop_server "$pid"
    if (( status != 0 )); then
        echo "   load exited with status $status (incomplete rounds or failures; see above)"
    fi
    grep '"kind":"round"' "$out" | sed 's/^/   /' || true
}

for n in $sizes; do
    for kind in $servers; do
        run_one "$kind" "$n"
    done
done

echo
node - "$results" <<'EOF'
const fs = require('fs');
const path = require('path');
const dir = process.argv[2];
const rows = [];
for (const file of fs.readdirSync(dir).filter(f => f.endsWith('.jsonl')).sort()) {
    for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
        if (!line.includes('"kind":"summary"'))
            continue;
        try {
            rows.push(JSON.parse(line));
        } catch (e) {
        }
    }
}
const order = { ws: 0, bun: 1, plein: 2, 'plein-group': 3 };
rows.sort((a, b) => a.connections - b.connections || (order[a.label] ?? 9) - (order[b.label] ?? 9));
const fmt = (v, digits = 1) => (v === null || v === undefined || Number.isNaN(v)) ? 'n/a'
    : Number(v).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const cpuPerDelivery = r => (r.serverCpuMs === null || r.serverCpuMs === undefined || !r.live) ? null
    : r.serverCpuMs * 1000 / r.live;
console.log('| server | connections | live | deliveries/s | p50 ms | p99 ms | max ms | post ack ms '
    + '| server CPU µs/delivery | RSS KiB/conn | PSS KiB/conn | received | other CPU % |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
    console.log(`| ${r.label} | ${r.connections} | ${r.live} | ${fmt(r.deliveriesPerSec, 0)} | ${fmt(r.p50Ms)} `
        + `| ${fmt(r.p99Ms)} | ${fmt(r.maxMs)} | ${fmt(r.ackMs)} | ${fmt(cpuPerDelivery(r), 2)} `
        + `| ${fmt(r.rssPerConnKiB, 2)} | ${fmt(r.pssPerConnKiB, 2)} | ${r.received}/${r.expected} `
        + `| ${fmt(r.otherCpuPct)} |`);
}
const ratios = [];
for (const n of [...new Set(rows.map(r => r.connections))]) {
    const at = label => rows.find(r => r.connections === n && r.label === label);
    const plein = at('plein');
    if (!plein)
        continue;
    const group = at('plein-group');
    if (group) {
        const q = (x, y) => (x && y) ? x / y : null;
        ratios.push(`| ${n} | plein-group / plein | ${fmt(q(group.deliveriesPerSec, plein.deliveriesPerSec), 2)} `
            + `| ${fmt(q(group.p50Ms, plein.p50Ms), 2)} | ${fmt(q(group.p99Ms, plein.p99Ms), 2)} `
            + `| ${fmt(q(cpuPerDelivery(group), cpuPerDelivery(plein)), 2)} `
            + `| ${fmt(q(group.pssPerConnKiB, plein.pssPerConnKiB), 2)} |`);
    }
    for (const base of ['bun', 'ws']) {
        const b = at(base);
        if (!b)
            continue;
        const q = (x, y) => (x && y) ? x / y : null;
        ratios.push(`| ${n} | plein / ${base} | ${fmt(q(plein.deliveriesPerSec, b.deliveriesPerSec), 2)} `
            + `| ${fmt(q(plein.p50Ms, b.p50Ms), 2)} | ${fmt(q(plein.p99Ms, b.p99Ms), 2)} `
            + `| ${fmt(q(cpuPerDelivery(plein), cpuPerDelivery(b)), 2)} `
            + `| ${fmt(q(plein.pssPerConnKiB, b.pssPerConnKiB), 2)} |`);
    }
}
if (ratios.length) {
    console.log();
    console.log('| connections | ratio | deliveries/s | p50 | p99 | server CPU/delivery | PSS/conn |');
    console.log('|---:|---|---:|---:|---:|---:|---:|');
    for (const line of ratios)
        console.log(line);
}
console.log();
console.log('Deliveries/s: higher is better; latency, CPU and memory ratios: lower is better for Plein.');
console.log('"other CPU %" is the share of the machine used by other processes during the rounds;');
console.log('above a few percent the run was disturbed and its figures are not comparable.');
EOF
