#!/usr/bin/env bash
# Builds everything, then runs the main job on the bundled default scenario.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
./build/cli/ccsim simulate scenarios/default.toml "$@"
