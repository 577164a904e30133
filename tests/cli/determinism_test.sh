#!/usr/bin/env bash
# Reproducibility: the same inputs and seed give byte-identical results, whatever the thread
# count. Only the timing fields of summary.json (wall_s, calls_per_s, threads) may differ.
set -euo pipefail
ccsim=$1 scenario=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run() { "$ccsim" simulate "$scenario" --replications 12 --seed 5 --threads "$1" --format csv --out "$work/$2" >"$work/$2.csv"; }
run 1 a
run 2 b
run 1 c
for f in intervals.csv group_intervals.csv; do
  cmp "$work/a/$f" "$work/b/$f" || { echo "FAIL: $f differs between 1 and 2 threads"; exit 1; }
  cmp "$work/a/$f" "$work/c/$f" || { echo "FAIL: $f differs between two runs"; exit 1; }
done
cmp "$work/a.csv" "$work/b.csv" || { echo "FAIL: stdout differs between 1 and 2 threads"; exit 1; }
untimed() { grep -v -E '"(wall_s|calls_per_s|threads)"' "$1"; }
diff <(untimed "$work/a/summary.json") <(untimed "$work/b/summary.json") || { echo "FAIL: summary.json differs"; exit 1; }
echo "byte-identical across runs and thread counts"
