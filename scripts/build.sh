#!/usr/bin/env bash
# Configures and builds everything (library, CLI, tests, benchmarks) in build/ (Release).
# Arguments go to cmake's configure step (scripts/test.sh passes -DCCSIM_UNITY_BUILD=...).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build build -j "$jobs"
