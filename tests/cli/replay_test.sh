#!/usr/bin/env bash
# ccsim simulate --replay on a day of the Anonymous Bank sample (data/replay_monday.csv: the
# Monday 1999-02-01 of anonymous_bank_sample_week.tsv as a generic CSV, 277 calls) with the
# scenario calibrate makes of the sample week: every call of the log is offered (replayed
# offered = observed offered in every row), with ample agents every call is answered at once,
# and --no-modelled leaves the modelled columns out.
set -euo pipefail
ccsim=$1 data=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$ccsim" calibrate "$data/anonymous_bank_sample_week.tsv" --preset anonymous-bank --out "$work/calib" >/dev/null
# The calibrated scenario has a class per priority; this generic log has no priority column,
# so its calls go to each queue's priority-0 class (no routing delay).
map="PS=PS/priority 0,NW=NW/priority 0,NE=NE/priority 0,PE=PE/priority 0"
"$ccsim" simulate "$work/calib/scenario.toml" --replay "$data/replay_monday.csv" --replications 2 \
  --queue-map "$map" --out "$work/replay" >"$work/replay.txt" 2>"$work/replay.err"
grep -q '^Replay of .*replay_monday.csv (1999-02-01 to 1999-02-01)' "$work/replay.txt" ||
  { echo "FAIL: no comparison table"; cat "$work/replay.txt"; exit 1; }
grep -q 'Call log .*replay_monday.csv: 277 rows, 277 calls used, 0 bad rows' "$work/replay.err" ||
  { echo "FAIL: log not reported"; cat "$work/replay.err"; exit 1; }
csv=$work/replay/replay_comparison.csv
check() {  # awk program over the CSV with o_off, r_off, m_off, r_sl, r_asa and level columns
  awk -F, -v prog="$1" '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { rows++
      if (prog == "offered" && $col["observed_offered"] != $col["replayed_offered"]) {
        print "row " NR ": observed " $col["observed_offered"] " replayed " $col["replayed_offered"]; bad++ }
      if (prog == "offered" && $col["modelled_offered"] == "") { print "row " NR ": no modelled"; bad++ }
      if (prog == "ample" && $col["replayed_offered"] > 0 && ($col["replayed_service_level"] != 1 || $col["replayed_asa_s"] != 0)) {
        print "row " NR ": SL " $col["replayed_service_level"] " ASA " $col["replayed_asa_s"]; bad++ }
      if ($col["level"] == "day" && $col["queue"] == "all") day = $col["observed_offered"] }
    END { if (rows < 40 || day != 277) { print rows " rows, day offered " day; bad++ } exit bad > 0 }' "$2"
}
check offered "$csv" || { echo "FAIL: replayed offered differs from the log"; exit 1; }
"$ccsim" simulate "$work/calib/scenario.toml" --replay "$data/replay_monday.csv" --replications 2 \
  --queue-map "$map" --set group.agents.agents_by_interval=+50 --no-modelled --out "$work/ample" >/dev/null 2>&1
check ample "$work/ample/replay_comparison.csv" || { echo "FAIL: ample agents still wait"; exit 1; }
if head -1 "$work/ample/replay_comparison.csv" | grep -q modelled; then
  echo "FAIL: --no-modelled still has modelled columns"; exit 1
fi
echo "replay: every logged call offered, ample agents answer at once"
