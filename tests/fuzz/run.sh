#!/bin/sh
# Builds the libFuzzer targets with clang (own build folder, ccache when installed) and runs
# them for a bounded time. Called by CTest (tests/fuzz/CMakeLists.txt); by hand:
#
#   tests/fuzz/run.sh build BUILD_DIR
#   tests/fuzz/run.sh run BUILD_DIR TARGET SECONDS    # fuzz_request, fuzz_server_frame, fuzz_markdown
#
# Without clang and its libFuzzer runtime it exits 77 (CTest's skip), or fails when CI=true.
# A finding (crash, leak, timeout, broken invariant) fails with the reproducer in
# BUILD_DIR/findings/; run the target on that file to see it again.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
mode=${1:?build or run}
build=${2:?build folder}

missing() {
    echo "fuzz: $1" >&2
    if [ "${CI:-}" = true ]; then exit 1; fi
    exit 77
}

if [ "$mode" = build ]; then
    command -v clang++ >/dev/null 2>&1 || missing "clang++ not found (Debian: clang, libclang-rt-14-dev)"
    probe=$(mktemp -d)
    trap 'rm -rf "$probe"' EXIT
    printf 'extern "C" int LLVMFuzzerTestOneInput(const char*, unsigned long) { return 0; }\n' \
        > "$probe/p.cpp"
    clang++ -fsanitize=fuzzer,address,undefined "$probe/p.cpp" -o "$probe/p" 2>/dev/null \
        || missing "clang++ cannot link -fsanitize=fuzzer (Debian: libclang-rt-14-dev)"
    launcher=
    if command -v ccache >/dev/null 2>&1; then launcher=-DCMAKE_CXX_COMPILER_LAUNCHER=ccache; fi
    cmake -S "$here/targets" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_COMPILER=clang++ $launcher >/dev/null
    exec cmake --build "$build"
fi

target=${3:?target}
seconds=${4:?seconds}
[ -x "$build/$target" ] || missing "$build/$target was not built (no clang?)"
# A scratch copy of the seeds: what the run finds stays out of the committed corpus.
work="$build/corpus-work/$target"
mkdir -p "$work" "$build/findings"
cp "$here/corpus/$target"/* "$work/"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$here/lsan.supp}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export QT_QPA_PLATFORM=offscreen
exec "$build/$target" -max_total_time="$seconds" -error_exitcode=1 -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
    -print_final_stats=1 -artifact_prefix="$build/findings/$target-" "$work"
