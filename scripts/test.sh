#!/usr/bin/env bash
# Builds everything, then runs the whole test suite (unit, CLI golden and statistical tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
jobs=$(nproc 2>/dev/null || echo 2)
ctest --test-dir build --output-on-failure -j "$jobs" "$@"
