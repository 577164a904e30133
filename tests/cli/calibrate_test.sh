#!/usr/bin/env bash
# ccsim calibrate on the Anonymous Bank sample week writes scenarios that ccsim simulate runs
# as they are, and reports bad rows by line without failing below --max-bad-rows.
set -euo pipefail
ccsim=$1 data=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$ccsim" calibrate "$data/anonymous_bank_sample_week.tsv" --preset anonymous-bank --out "$work/calib" >/dev/null
for f in scenario.toml forecast_scenario.toml forecast.csv volumes.csv staffing.csv days.csv \
         handle_quantiles.csv patience_km.csv forecast_error.csv fit.json; do
  [ -s "$work/calib/$f" ] || { echo "FAIL: $f not written"; exit 1; }
done
for s in scenario.toml forecast_scenario.toml; do
  "$ccsim" simulate "$work/calib/$s" --replications 2 --format csv >"$work/$s.csv" ||
    { echo "FAIL: ccsim simulate $s"; exit 1; }
  grep -q '^all,' "$work/$s.csv" || { echo "FAIL: no totals from $s"; exit 1; }
done
# The observed handle times instead of the fitted shape.
"$ccsim" calibrate "$data/anonymous_bank_sample_week.tsv" --preset anonymous-bank --handle-time empirical --out "$work/empirical" >/dev/null
grep -q 'distribution = "empirical", file = "handle_times_PS.txt"' "$work/empirical/scenario.toml" ||
  { echo "FAIL: no empirical handle time"; exit 1; }
[ "$(grep -vc '^#' "$work/empirical/handle_times_PS.txt")" = 1086 ] || { echo "FAIL: PS handle times"; exit 1; }
"$ccsim" simulate "$work/empirical/scenario.toml" --replications 1 >/dev/null
# A generic log with a bad row: counted and reported by line, the rest calibrated.
printf 'arrival,queue,wait_s,handle_s,outcome\n2026-03-02T08:00:00,q,5,100,answered\n2026-03-02T08:10:00,q,x,100,answered\n2026-03-02T08:20:00,q,30,,abandoned\n' >"$work/log.csv"
"$ccsim" calibrate "$work/log.csv" --out "$work/generic" >"$work/generic.txt"
grep -q "bad row: line 3: wait_s: must be a number >= 0 (got 'x')" "$work/generic.txt" ||
  { echo "FAIL: bad row not reported"; cat "$work/generic.txt"; exit 1; }
"$ccsim" simulate "$work/generic/scenario.toml" --replications 1 >/dev/null
# Queue names the scenario cannot take as they are: 'all' (reserved) and two names that make
# the same file name.
printf 'arrival,queue,wait_s,handle_s,outcome\n2026-03-02T08:00:00,all,5,100,answered\n2026-03-02T08:10:00,a b,30,,abandoned\n2026-03-02T08:11:00,a_b,30,60,answered\n2026-03-02T08:12:00,a b,3,60,answered\n' >"$work/names.csv"
"$ccsim" calibrate "$work/names.csv" --out "$work/names" >"$work/names.txt"
grep -q "note: the log's queue 'all' is called 'all_log'" "$work/names.txt" || { echo "FAIL: no note on 'all'"; exit 1; }
[ -f "$work/names/typical_week_a_b.csv" ] && [ -f "$work/names/typical_week_a_b_2.csv" ] || { echo "FAIL: file names collide"; exit 1; }
"$ccsim" simulate "$work/names/scenario.toml" --replications 1 >/dev/null
echo "calibrate: files written, both scenarios simulated, bad rows reported"
