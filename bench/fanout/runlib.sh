# Shell functions the benchmark run scripts share (bench/fanout/run.sh, bench/chat/run.sh):
# source this file. They need nothing but bash and /proc.

# Both a load and a server hold one descriptor per connection: raise the open-file limit as far
# as it goes and warn when it stays below what `largest` connections need.
raise_file_limit() # largest
{
    ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
    if (( $(ulimit -n) < $1 + 256 )); then
        echo "warning: open-file limit $(ulimit -n) is too low for $1 connections" >&2
    fi
}

# Stops a server this script started: TERM, up to 5 s, then KILL.
stop_server() # pid
{
    local pid=$1
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# Percentage of the machine busy over one second, from /proc/stat.
busy_percent()
{
    local -a a b
    read -r -a a < /proc/stat
    sleep 1
    read -r -a b < /proc/stat
    local total=0 idle i
    for i in 1 2 3 4 5 6 7 8; do
        total=$((total + b[i] - a[i]))
    done
    idle=$(( (b[4] - a[4]) + (b[5] - a[5]) ))
    (( total > 0 )) || { echo 0; return; }
    echo $(( (total - idle) * 100 / total ))
}

# Waits up to WAIT_QUIET seconds (default 30) for the machine to be idle, then goes on with a
# warning: other processes disturb the figures.
wait_for_quiet()
{
    local limit=${WAIT_QUIET:-30} waited=0 busy
    while :; do
        busy=$(busy_percent)
        (( busy <= 10 )) && return 0
        if (( waited >= limit )); then
            echo "   warning: the machine is ${busy}% busy with other work; figures will be disturbed"
            return 0
        fi
        (( waited == 0 )) && echo "   waiting for the machine to be idle (${busy}% busy)"
        waited=$((waited + 1))
    done
}

# Waits (up to 15 s) until the process listens on the loopback port; false if it died first.
wait_for_port() # pid port
{
    local pid=$1 p=$2
    for _ in $(seq 150); do
        if ! kill -0 "$pid" 2>/dev/null; then
            return 1
        fi
        if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            return 0
        fi
        sleep 0.1
    done
    return 1
}
