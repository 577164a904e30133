#!/usr/bin/env bash
# Builds everything, then runs the main job on the bundled default scenario.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
./build/cli/ccsim staff scenarios/default_forecast.csv --sl 0.9 --threshold 15s \
  --answer-rate 0.9 --patience 120s --shrinkage 0.3 "$@"
