#!/usr/bin/env bash
# The planner's headline comparison (docs/planning.md): for the example week and two harder
# cases (a sharp lunch peak; long calls), the cost and the share of open half hours meeting
# 90/15 and 90% answered in simulation of
#   - the Erlang two-step roster (requirements by Erlang per interval, then the least-cost
#     roster: the plan's first round),
#   - the simulation-corrected roster (the plan's last round),
#   - the same two with ISA requirements (--method isa),
# every roster simulated with the same random numbers ([plan] replications, seed 1), beside
# the naive roster that keeps each day's peak requirement all day.
# Usage: bench/plan_compare.sh [CCSIM]   (default build/cli/ccsim); prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
ccsim=${1:-build/cli/ccsim}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "| case | method | two-step cost | two-step met | corrected cost | corrected met | rounds | correction | naive cost | plan saves vs naive | wall s |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for case in plan plan_lunch_peak plan_long_calls; do
  for method in sipp isa; do
    start=$(date +%s.%N)
    "$ccsim" plan "scenarios/week/$case.toml" --method "$method" --format json \
      > "$out/plan.json" 2> "$out/rounds"
    end=$(date +%s.%N)
    /usr/bin/python3 - "$case" "$method" "$start" "$end" "$out/plan.json" <<'PY'
import json, sys
case, method, start, end, path = sys.argv[1:]
p = json.load(open(path))
first, last = p["rounds"][0], p["rounds"][-1]
opened = p["intervals_open"]
def met(r):
    return f"{opened - r['intervals_short']}/{opened}"
naive = p["naive_cost"]
saves = f"{100 * (1 - p['cost'] / naive):.1f}%" if naive else "-"
print(f"| {case} | {method} | {first['cost']:.1f} | {met(first)} | {last['cost']:.1f} | {met(last)} "
      f"| {len(p['rounds'])} | {100 * (last['cost'] / first['cost'] - 1):+.1f}% "
      f"| {naive:.1f} | {saves} | {float(end) - float(start):.1f} |" if naive else "")
PY
  done
done
