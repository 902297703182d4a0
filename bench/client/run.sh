#!/usr/bin/env bash
# Desktop client benchmarks: cold start to the first painted feed (100,000 and 1,000,000 cached
# posts, offscreen and under Xvfb), memory after the feed is shown and scrolled once, catch-up
# of 100,000 events from a real server, and frame times while scrolling 10,000 posts (Xvfb);
# chat: opening a conversation of 100,000 cached messages to its first paint, scrolling it and
# the memory with 1,000 cached conversations (offscreen and Xvfb); blogs: opening an article of
# 100,000 characters to its first paint and typing in the editor with that text (offscreen and
# Xvfb), each against a bare Qt widget in the same run.
# Every figure is the median of ROUNDS runs. Usage: bench/client/run.sh [build dir] [rounds]
# BENCHES="feed catchup chat blogs" (the default) chooses the parts.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

median() { sort -g | awk '{v[NR]=$1} END {if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
field() { sed -n "s/.*\<$1=\([^ ]*\).*/\1/p"; }
# label, file of result lines: the median of every listed key
report() {
    local label=$1 file=$2; shift 2
    local line="$label:"
    for key in "$@"; do
        line="$line $key=$(field "$key" <"$file" | median) ($(field "$key" <"$file" | tr '\n' ' ' | sed 's/ $//'))"
    done
    echo "$line"
}

# One start of the app on a filled profile, timed from just before exec.
start_once() { # profile
    PLEIN_BENCH_T0_US=${EPOCHREALTIME/./} "$bin/plein-bench-client-start" --profile "$1" --scroll-once 2>/dev/null | tr '\n' ' '
    echo
}
start_series() { # label, profile
    local out="$work/start-$1"
    : >"$out"
    # The first run reads the cache from disk; the counted runs find it in the file cache.
    echo "$1 first run (file cache as found): $(start_once "$2")"
    for _ in $(seq "$rounds"); do start_once "$2" >>"$out"; done
    report "start $1" "$out" first_paint_ms open_ms paint_ms pss_kb rss_kb
}

benches=" ${BENCHES:-feed catchup chat blogs} "
want() { [[ $benches == *" $1 "* ]]; }

# The chat benchmark on the profile with 1,000 conversations: open, reopen, scroll up, memory.
chat_series() { # label, scroll steps
    local out="$work/chat-$1"
    : >"$out"
    for _ in $(seq "$rounds"); do
        "$bin/plein-bench-client-chat" --profile "$work/profile-chat" --max-steps "$2" 2>/dev/null | tr '\n' ' ' >>"$out"
        echo >>"$out"
    done
    report "chat $1 open" "$out" open_first_paint_ms open_build_ms open_paint_ms reopen_first_paint_ms \
        small_first_paint_ms model_ms pss_list_kb pss_open_kb rss_open_kb
    if [ "$2" -gt 0 ]; then
        report "chat $1 scroll" "$out" frame_p50_ms frame_p99_ms frame_max_ms frame_over16 paint_p99_ms \
            steps rows fetch_frame_max_ms rows_shown_p50 pss_scrolled_kb rss_scrolled_kb
    fi
}

# The blogs benchmark: a fresh profile each round (it stores its own articles).
blogs_series() { # label
    local out="$work/blogs-$1"
    : >"$out"
    for round in $(seq "$rounds"); do
        mkdir -p "$work/profile-blogs-$1-$round"
        "$bin/plein-bench-client-blogs" --profile "$work/profile-blogs-$1-$round" 2>/dev/null | tr '\n' ' ' >>"$out"
        echo >>"$out"
    done
    report "blogs $1 open" "$out" first_paint_first_ms first_paint_median_ms baseline_median_ms ratio
    report "blogs $1 typing" "$out" typing_p50_ms typing_p99_ms typing_max_ms typing_over_16ms \
        baseline_typing_p99_ms typing_p99_ratio
}

if [ "${1:-}" = "--inside-xvfb" ]; then
    # Second half, under the X server that the first half started: xcb platform.
    bin=$2 rounds=$3 work=$4
    export QT_QPA_PLATFORM=xcb
    if want chat; then
        chat_series "xvfb" "${CHAT_SCROLL_STEPS:-10000}"
    fi
    if want blogs; then
        blogs_series "xvfb"
    fi
    want feed || exit 0
    start_series "xvfb-100k" "$work/profile-100k"
    start_series "xvfb-1m" "$work/profile-1m"
    for mode in preload paging; do
        out="$work/scroll-$mode"
        : >"$out"
        for _ in $(seq "$rounds"); do
            args=(--profile "$work/profile-10k" --step 60)
            [ "$mode" = preload ] && args+=(--preload)
            "$bin/plein-bench-client-scroll" "${args[@]}" 2>/dev/null | tr '\n' ' ' >>"$out"
            echo >>"$out"
        done
        report "scroll-10k $mode (xvfb)" "$out" frame_p50_ms frame_p99_ms frame_max_ms \
            frame_over16 paint_p99_ms steps fetch_frame_max_ms preload_ms rows_shown_p50
    done
    exit 0
fi

build=$(cd "${1:-$root/build}" && pwd)
rounds=${2:-3}
bin="$build/bench/client"
server="$build/server/plein-server"
work=$(mktemp -d /tmp/plein-client-bench.XXXXXX)
pid=""
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT
echo "plein client benchmarks: $(nproc) cores, Qt $(qtpaths6 --qt-version 2>/dev/null || echo 6), $rounds rounds"

# Caches: 100,000 and 1,000,000 posts (20% replies), and 10,000 top-level posts to scroll;
# for chat 100,000 posts and 1,000 conversations, one of them of 100,000 messages.
if want feed; then
    "$bin/plein-bench-fill-cache" --profile "$work/profile-100k" --posts 100000
    "$bin/plein-bench-fill-cache" --profile "$work/profile-1m" --posts 1000000
    "$bin/plein-bench-fill-cache" --profile "$work/profile-10k" --posts 10000 --replies-percent 0
fi
if want chat; then
    "$bin/plein-bench-fill-cache" --profile "$work/profile-chat" --posts 100000 --conversations 1000 \
        --messages 100 --big-messages 100000
    QT_QPA_PLATFORM=offscreen chat_series "offscreen" 0
fi

if want feed; then
    QT_QPA_PLATFORM=offscreen start_series "offscreen-100k" "$work/profile-100k"
    QT_QPA_PLATFORM=offscreen start_series "offscreen-1m" "$work/profile-1m"
fi
if want blogs; then
    QT_QPA_PLATFORM=offscreen blogs_series "offscreen"
fi
if want feed || want chat || want blogs; then
    BENCHES=$benches xvfb-run -a -s "-screen 0 1280x1024x24" "$here/run.sh" --inside-xvfb "$bin" "$rounds" "$work"
fi
want catchup || exit 0

# Catch-up: 100,000 post.created events in a real server's log, synced by a fresh client.
data="$work/server"
"$server" init --data "$data" >/dev/null
printf 'bench-password\n' | "$server" user add bench --data "$data" --password-stdin >/dev/null
# A page request per 1,000 events must not hit the per-connection rate limit.
printf 'requests_per_second=10000\n' >>"$data/plein-server.conf"
"$bin/plein-bench-seed-server" --data "$data" --posts 100000
"$server" --data "$data" --port 0 >"$work/server.out" 2>"$work/server.err" &
pid=$!
for _ in $(seq 100); do grep -q listening "$work/server.out" && break; sleep 0.1; done
port=$(sed -n 's/.*:\([0-9]*\)$/\1/p' "$work/server.out")
for variant in core with-feed; do
    out="$work/catchup-$variant"
    : >"$out"
    args=(--server "ws://127.0.0.1:$port" --user bench)
    [ "$variant" = with-feed ] && args+=(--with-feed)
    for _ in $(seq "$rounds"); do
        printf 'bench-password\n' | "$bin/plein-bench-catchup" "${args[@]}" >>"$out"
    done
    report "catchup-100k $variant" "$out" catchup_ms events_per_s events pages
done
