#!/usr/bin/env bash
# Calibrates ccsim on the Anonymous Bank's February 1999 log and simulates the log's own dates
# with the calibrated model, comparing per-day abandonment and service level with the log
# (docs/validation.md, "Calibrated from the log").
#
#   scripts/calibrate_bank.sh [LOG] [OUT] [CCSIM]
#
# For each staffing basis (available: busy time plus idle time while nobody waited, the
# default; served: agents who served a call in the interval; busy: their busy time alone) it
# runs `ccsim calibrate`, `ccsim simulate` on period.toml (the log's dates interval by
# interval: each interval's calls per queue and priority, the basis's agents), and prints a
# Markdown table of every date, and how many days are within 3 points (abandonment) and
# 5 points (service level). REPLICATIONS (20) and SEED (1) may be set in the environment.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
log=${1:-$here/../shared/data/anonymous_bank_1999-02.tsv}
out=${2:-$here/validation/out/calibrated}
ccsim=${3:-$here/build/cli/ccsim}
replications=${REPLICATIONS:-20}
seed=${SEED:-1}

for basis in available served busy; do
  dir=$out/$basis
  mkdir -p "$dir"
  "$ccsim" calibrate "$log" --preset anonymous-bank --staffing "$basis" --out "$dir/calib" \
    >"$dir/calibrate.txt"
  "$ccsim" simulate "$dir/calib/period.toml" --replications "$replications" --seed "$seed" \
    --format csv --out "$dir/sim" >/dev/null
  /usr/bin/python3 - "$dir/calib/days.csv" "$dir/sim/days.csv" "$basis" <<'PY'
import csv, sys
observed_file, simulated_file, basis = sys.argv[1:4]
sim = {}
for row in csv.DictReader(open(simulated_file)):
    if row["queue"] == "all":
        sim[row["day"].split()[0]] = row
print(f"\n### Staffing basis: {basis}\n")
print("| date | weekday | offered | abandoned obs | sim | diff | SL obs | sim | diff |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
n = ok_ab = ok_sl = ok_both = 0
for row in csv.DictReader(open(observed_file)):
    s = sim[row["date"]]
    ab_obs, sl_obs = float(row["abandon_rate"]), float(row["service_level"])
    ab_sim = float(s["abandoned"]) / float(s["offered"])
    sl_sim = float(s["service_level"])
    d_ab, d_sl = ab_sim - ab_obs, sl_sim - sl_obs
    n += 1
    ok_ab += abs(d_ab) <= 0.03
    ok_sl += abs(d_sl) <= 0.05
    ok_both += abs(d_ab) <= 0.03 and abs(d_sl) <= 0.05
    print(f"| {row['date']} | {row['weekday']} | {row['offered']} | {ab_obs:.3f} | {ab_sim:.3f} | "
          f"{100 * d_ab:+.1f} | {sl_obs:.3f} | {sl_sim:.3f} | {100 * d_sl:+.1f} |")
print(f"\nDays with abandonment within 3 points: {ok_ab} of {n}; service level within 5 "
      f"points: {ok_sl} of {n}; both: {ok_both} of {n}")
PY
done
