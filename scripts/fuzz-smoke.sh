#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ in build-fuzz/ (clang, ASan + UBSan) and runs each for
# SECONDS seconds (default 60), JOBS targets at a time (default 2), from seed corpora taken
# from the repository (scenarios/, tests/data, tests/cli): nothing is copied into git. New
# inputs the fuzzer finds go to BUILD/corpus/TARGET/. A crash, leak, timeout or sanitizer
# report fails the script and leaves its input in BUILD/findings/ (docs/fuzzing.md says how to
# turn it into a regression test).
#   scripts/fuzz-smoke.sh [SECONDS]        e.g. scripts/fuzz-smoke.sh 10
# BUILD names the build tree (default build-fuzz, configured here). Any other tree must already
# be configured with -DCCSIM_FUZZ=ON: CI passes BUILD=build-asan, its sanitizer build.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
jobs=${JOBS:-2}
build=${BUILD:-build-fuzz}
targets=(fuzz_scenario fuzz_forecast_csv fuzz_time_parsers fuzz_cli_options fuzz_engine_run)

if [[ $build == build-fuzz ]]; then
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCCSIM_FUZZ=ON \
    -DCCSIM_BUILD_TESTS=OFF -DCCSIM_BUILD_BENCH=OFF >/dev/null
elif ! grep -q '^CCSIM_FUZZ:BOOL=ON$' "$build/CMakeCache.txt" 2>/dev/null; then
  echo "fuzz-smoke.sh: BUILD=$build is not a build tree configured with -DCCSIM_FUZZ=ON" >&2
  exit 2
fi
cmake --build "$build" -j "$jobs" --target "${targets[@]}"

# The seeds of each target: folders and files of the repository, read in place.
seeds_of() {
  case $1 in
    fuzz_scenario | fuzz_engine_run) echo scenarios tests/data/scenarios ;;
    fuzz_forecast_csv) echo scenarios tests/data/scenarios tests/cli/data ;;
    fuzz_time_parsers) echo fuzz/seeds/time_parsers ;;
    fuzz_cli_options) echo tests/cli ;;
  esac
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
mkdir -p "$build/findings" "$build/logs"
run_one() {
  local target=$1
  mkdir -p "$build/corpus/$target"
  # shellcheck disable=SC2046
  if "$build/fuzz/$target" "$build/corpus/$target" $(seeds_of "$target") \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$build/findings/$target-" -print_final_stats=1 \
      >"$build/logs/$target.log" 2>&1; then
    echo "$target: clean, $(grep -o 'stat::number_of_executed_units: *[0-9]*' \
      "$build/logs/$target.log" | grep -o '[0-9]*$') executions in ${seconds}s"
  else
    echo "$target: FAILED, see $build/logs/$target.log and $build/findings/"
    tail -n 30 "$build/logs/$target.log"
    return 1
  fi
}
export -f run_one seeds_of
export seconds build
printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c 'run_one {}'
