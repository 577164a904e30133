#!/usr/bin/env bash
# The planner's benchmark: plans the example week (scenarios/week/plan.toml) RUNS times with
# the Release binary and prints each run's wall time and peak memory, the rounds and the cost,
# then the median. Usage: bench/plan_week.sh [CCSIM] [RUNS]   (default build/cli/ccsim, 3)
set -euo pipefail
cd "$(dirname "$0")/.."
ccsim=${1:-build/cli/ccsim}
runs=${2:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
times=()
for ((r = 1; r <= runs; r++)); do
  /usr/bin/time -f "%e %M" -o "$out/time" "$ccsim" plan scenarios/week/plan.toml --out "$out/plan" \
    > /dev/null 2> "$out/rounds"
  read -r wall rss < "$out/time"
  times+=("$wall")
  echo "run $r: ${wall} s, peak RSS $((rss / 1024)) MiB"
done
cat "$out/rounds"
cat "$out/plan/totals.csv"
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median wall time: " a[int((NR+1)/2)] " s"}'
