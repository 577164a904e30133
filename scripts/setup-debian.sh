#!/usr/bin/env bash
# Installs the Debian packages ccsim builds with, only those missing. Safe to run repeatedly;
# needs root (or sudo) only when something is missing. No prompts.
set -euo pipefail

packages=(
  build-essential cmake python3
  libboost-program-options-dev libboost-random-dev libboost-dev
  libeigen3-dev libfmt-dev libtomlplusplus-dev nlohmann-json3-dev
  doctest-dev libbenchmark-dev coinor-libcbc-dev pkg-config
  libjs-chart.js  # Chart.js 3, embedded into the HTML reports at build time
  chromium        # headless, loads the HTML reports in the browser tests (ctest -L browser)
  parallel        # GNU parallel runs the shards in the cluster tests (ctest -L cluster)
  slurmctld slurmd slurm-client munge  # a one-node Slurm cluster in the cluster tests
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
