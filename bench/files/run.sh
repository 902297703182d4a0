#!/usr/bin/env bash
# Files benchmark: upload and download of one large file over Plein's HTTP side, against curl
# to a plain static file server (nginx: GET of a static file, PUT through its WebDAV module)
# as the baseline, each round measuring both one after the other on the same machine.
#
#   bench/files/run.sh [BUILD_DIR]        (BUILD_DIR defaults to ./build)
#
# Needs BUILD_DIR/server/plein-server and BUILD_DIR/bench/plein-bench-token; installs nginx
# (nginx-light) when it is missing. The client is curl for both servers: a Plein upload is
# POST /files and then the chunks as PUTs on one kept-alive connection (`curl --next`).
#
# Environment knobs (defaults in brackets):
#   MIB [100]       file size in MiB (Plein's default max_file_bytes is 100 MiB)
#   ROUNDS [5]      rounds; figures are medians over rounds
#   DATABASE [sqlite]  or postgresql (a private server from scripts/test-postgres.sh)
#   SERVER [BUILD_DIR/server/plein-server]  the server to measure (another build of it)
#
# Prints one JSON line per round and a summary line; only 127.0.0.1 is used, and every
# server started here is stopped on exit.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
server=${SERVER:-$build/server/plein-server}
tokentool="$build/bench/plein-bench-token"
mib=${MIB:-100}
rounds=${ROUNDS:-5}
database=${DATABASE:-sqlite}
for f in "$server" "$tokentool"; do
    [[ -x $f ]] || { echo "run.sh: $f not built" >&2; exit 2; }
done
if ! command -v nginx >/dev/null; then
    echo "run.sh: installing nginx-light for the baseline" >&2
    sudo=""; [[ $(id -u) -eq 0 ]] || sudo=sudo
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends nginx-light >/dev/null
fi

work=$(mktemp -d /tmp/plein-files-bench.XXXXXX)
pgdir="$work/pg"
pid="" nginx_pid=""
cleanup() {
    [[ -n $pid ]] && kill "$pid" 2>/dev/null
    [[ -n $nginx_pid ]] && kill "$nginx_pid" 2>/dev/null
    [[ $database == postgresql ]] && "$root/scripts/test-postgres.sh" stop "$pgdir" >/dev/null 2>&1
    [[ -n ${KEEP:-} ]] || rm -rf "$work"
}
trap cleanup EXIT

# --- Plein: a data folder with one user, the server on free ports -------------------------
db_args=()
if [[ $database == postgresql ]]; then
    db_args=(--database "$("$root/scripts/test-postgres.sh" start "$pgdir")")
fi
"$server" init --data "$work/data" "${db_args[@]}" >/dev/null
printf 'bench-password\n' | "$server" user add bench --data "$work/data" "${db_args[@]}" \
    --password-stdin >/dev/null
printf 'http_requests_per_second=100000\n' >>"$work/data/plein-server.conf"
"$server" --data "$work/data" "${db_args[@]}" --port 0 >"$work/server.out" 2>"$work/server.err" &
pid=$!
for _ in $(seq 300); do grep -q "listening on" "$work/server.out" && break; sleep 0.1; done
ws=$(sed -n 's/^plein-server: listening on \(.*\)$/\1/p' "$work/server.out")
http=$(sed -n 's/^plein-server: http side on \(.*\)$/\1/p' "$work/server.out")
[[ -n $ws && -n $http ]] || { echo "run.sh: the server did not start" >&2; cat "$work/server.err" >&2; exit 1; }
token=$(printf 'bench-password\n' | "$tokentool" "$ws" bench)
auth="Authorization: Bearer $token"

# --- nginx: static files and WebDAV PUT in a folder of its own ----------------------------
mkdir -p "$work/nginx/root" "$work/nginx/tmp"
nginx_port=$((20000 + RANDOM % 20000))
cat >"$work/nginx/nginx.conf" <<EOF
daemon off;
$([[ $(id -u) -eq 0 ]] && echo "user root;")
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path $work/nginx/tmp;
    proxy_temp_path $work/nginx/tmp;
    fastcgi_temp_path $work/nginx/tmp;
    uwsgi_temp_path $work/nginx/tmp;
    scgi_temp_path $work/nginx/tmp;
    sendfile on;
    server {
        listen 127.0.0.1:$nginx_port;
        root $work/nginx/root;
        client_max_body_size 0;
        location / { dav_methods PUT; create_full_put_path on; }
    }
}
EOF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
nginx_pid=$!
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$nginx_port/" && break; sleep 0.1; done

rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
# Runs a command while sampling the server's resident memory every 50 ms; prints the
# milliseconds it took and the highest RSS seen (KiB), separated by a space. The command
# stamps its own end, so the sampling's sleeps do not round the time up.
timed() {
    local peak; peak=$(rss_kib "$pid")
    rm -f "$work/end"
    local start; start=$(date +%s%N)
    { "$@"; date +%s%N >"$work/end"; } &
    local job=$!
    while kill -0 "$job" 2>/dev/null; do
        local now; now=$(rss_kib "$pid"); ((now > peak)) && peak=$now
        sleep 0.05
    done
    wait "$job"
    [[ -s $work/end ]] || { echo "run.sh: $* failed" >&2; exit 1; }
    echo "$(( ($(cat "$work/end") - start) / 1000000 )) $peak"
}

bytes=$((mib * 1024 * 1024))
# The chunks are cut from the file before the clock starts (the server names the chunk size
# when an upload is created; it is the same for every upload).
chunk_bytes=""
cut_chunks() { # file
    rm -f "$work/chunk."*
    split -b "$chunk_bytes" -d -a 4 "$1" "$work/chunk."
}
plein_upload() { # → the file id into $work/fileid
    local created; created=$(curl -sS -f -H "$auth" -H 'Content-Type: application/json' \
        -d "{\"name\":\"bench.bin\",\"size\":$bytes}" "$http/files")
    local upload
    upload=$(sed -n 's/.*"uploadId":"\([^"]*\)".*/\1/p' <<<"$created")
    # No program is started per chunk inside the clock: the offsets are whole chunks.
    local args=() offset=0 first=1
    for piece in "$work"/chunk.*; do
        ((first)) || args+=(--next)
        first=0
        args+=(-sS -f -H "$auth" -H "Expect:" -T "$piece" -o "$work/put.out"
               "$http/files/uploads/$upload?offset=$offset")
        offset=$((offset + chunk_bytes))
    done
    curl "${args[@]}"
    sed -n 's/.*"fileId":"\([^"]*\)".*/\1/p' "$work/put.out" >"$work/fileid"
}

echo "files bench: ${mib} MiB, $rounds rounds, $database, plein $http, nginx :$nginx_port" >&2
created=$(curl -sS -f -H "$auth" -d '{"name":"probe.bin","size":1}' "$http/files")
chunk_bytes=$(sed -n 's/.*"chunkBytes":\([0-9]*\).*/\1/p' <<<"$created")
[[ -n $chunk_bytes ]] || { echo "run.sh: POST /files answered $created" >&2; exit 1; }
idle=$(rss_kib "$pid")
results=()
for round in $(seq 1 "$rounds"); do
    head -c "$bytes" /dev/urandom >"$work/file.bin"
    cut_chunks "$work/file.bin"
    sync
    read -r nginx_up _ < <(timed curl -sS -f -T "$work/file.bin" "http://127.0.0.1:$nginx_port/r$round.bin")
    read -r plein_up up_peak < <(timed plein_upload)
    id=$(cat "$work/fileid")
    [[ -n $id ]] || { echo "run.sh: the Plein upload gave no file id" >&2; tail "$work/server.err" >&2; exit 1; }
    read -r nginx_down _ < <(timed curl -sS -f -o "$work/down.nginx" "http://127.0.0.1:$nginx_port/r$round.bin")
    read -r plein_down down_peak < <(timed curl -sS -f -H "$auth" -o "$work/down.plein" "$http/files/$id")
    cmp -s "$work/file.bin" "$work/down.plein" || { echo "run.sh: the download differs" >&2; exit 1; }
    cmp -s "$work/file.bin" "$work/down.nginx" || { echo "run.sh: nginx's download differs" >&2; exit 1; }
    rm -f "$work/down.nginx" "$work/down.plein" "$work/nginx/root/r$round.bin"
    line=$(printf '{"round":%d,"mib":%d,"uploadMs":{"plein":%d,"nginx":%d},"downloadMs":{"plein":%d,"nginx":%d},"serverRssKiB":{"idle":%d,"upload":%d,"download":%d}}' \
        "$round" "$mib" "$plein_up" "$nginx_up" "$plein_down" "$nginx_down" "$idle" "$up_peak" "$down_peak")
    echo "$line"
    results+=("$line")
done

printf '%s\n' "${results[@]}" | python3 -c '
import json, statistics, sys
rows = [json.loads(l) for l in sys.stdin if l.strip()]
mib = rows[0]["mib"]
def med(key, who): return statistics.median(r[key][who] for r in rows)
out = {}
for key in ("uploadMs", "downloadMs"):
    p, n = med(key, "plein"), med(key, "nginx")
    out[key[:-2]] = {"pleinMiBps": round(mib / (p / 1000), 1), "nginxMiBps": round(mib / (n / 1000), 1),
                     "ratio": round(n / p, 2)}
out["serverRssGrowthKiB"] = max(max(r["serverRssKiB"]["upload"], r["serverRssKiB"]["download"])
                                - r["serverRssKiB"]["idle"] for r in rows)
print(json.dumps({"summary": out, "rounds": len(rows)}))
'
