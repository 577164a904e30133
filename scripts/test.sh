#!/usr/bin/env bash
# Runs everything CI runs (.ci/run calls exactly this):
#   1. the include-layer check (scripts/check_layers.py, with its self-test), before any build;
#   2. the Release build in build/ and the whole test suite (unit, CLI golden and shell tests,
#      statistical);
#   3. a Debug build in build-asan/ with AddressSanitizer (leak checks on) and
#      UndefinedBehaviorSanitizer (CCSIM_SANITIZE=ON, no benchmarks, no statistical suite), and
#      the unit and CLI tests under it. The `statistical`, `docs` and `cluster` labels are left
#      out there (see below): minutes under the sanitizers for code the unit tests run there.
# Extra arguments go to both ctest runs (e.g. -R erlang).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
jobs=$(nproc 2>/dev/null || echo 2)

/usr/bin/python3 scripts/check_layers.py --self-test
/usr/bin/python3 scripts/check_layers.py

bash scripts/build.sh
ctest --test-dir build --output-on-failure -j "$jobs" "$@"

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCCSIM_SANITIZE=ON -DCCSIM_BUILD_BENCH=OFF \
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
