#!/usr/bin/env bash
# Runs everything CI runs (.ci/run calls exactly this), cheapest checks first:
#   1. the include-layer check (scripts/check_layers.py, with its self-test), before any build;
#   2. the Release build in build/ and the whole test suite (unit, CLI golden and shell tests,
#      statistical);
#   3. a Debug build in build-asan/ with clang, AddressSanitizer (leak checks on) and
#      UndefinedBehaviorSanitizer (CCSIM_SANITIZE=ON) and libFuzzer's coverage instrumentation
#      (CCSIM_FUZZ=ON: the fuzz targets come from the same build), no benchmarks, no statistical
#      suite, and the unit and CLI tests under it. The `statistical`, `docs` and `cluster`
#      labels are left out there (see below): minutes under the sanitizers for code the unit
#      tests run there;
#   4. the fuzz smoke: each target of fuzz/ from build-asan/ for 60 s, two at a time
#      (scripts/fuzz-smoke.sh, docs/fuzzing.md); a finding fails the run.
# Both builds are unity builds (CCSIM_UNITY_BUILD, several sources per compiler run), which
# roughly halves their compile time; CCSIM_UNITY_BUILD=OFF scripts/test.sh keeps build/ and
# build-asan/ one object per source, for developers who build incrementally in them.
# Extra arguments go to both ctest runs (e.g. -R erlang).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
jobs=$(nproc 2>/dev/null || echo 2)
unity=${CCSIM_UNITY_BUILD:-ON}

/usr/bin/python3 scripts/check_layers.py --self-test
/usr/bin/python3 scripts/check_layers.py

bash scripts/build.sh -DCCSIM_UNITY_BUILD="$unity"
ctest --test-dir build --output-on-failure -j "$jobs" "$@"

# build-asan/ is built with clang (libFuzzer is clang's): a tree an older version of this script
# configured with g++ is made anew, since CMake keeps the compiler a tree was configured with.
if [[ -f build-asan/CMakeCache.txt ]] &&
  ! grep -q '^CMAKE_CXX_COMPILER:[A-Z]*=.*clang++' build-asan/CMakeCache.txt; then
  echo "build-asan/ was configured with another compiler than clang++: removing it"
  rm -rf build-asan
fi
CC=clang CXX=clang++ cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCCSIM_SANITIZE=ON \
  -DCCSIM_FUZZ=ON -DCCSIM_UNITY_BUILD="$unity" -DCCSIM_BUILD_BENCH=OFF \
  -DCCSIM_BUILD_STATISTICAL=OFF >/dev/null
cmake --build build-asan -j "$jobs"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:check_initialization_order=1:strict_init_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# The docs' examples compare printed output, which the Release run already checks: under the
# sanitizers they would only add minutes. The cluster label runs whole shard-and-merge
# pipelines through GNU parallel and Slurm (a minute under the sanitizers); the shard plan,
# replication files and merge code they drive run under the sanitizers in the unit tests
# (tests/test_shards.cpp).
ctest --test-dir build-asan --output-on-failure -j "$jobs" -LE "statistical|docs|cluster" "$@"

BUILD=build-asan JOBS=2 bash scripts/fuzz-smoke.sh 60
