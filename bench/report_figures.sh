#!/usr/bin/env bash
# The HTML reports' target figures (issue 11, docs/reports.md "Figures"):
#   1. time to write a report beyond the simulation: `simulate --format html` against
#      `--format json` of the same run (medians of 30 runs each, interleaved);
#   2. file size of the default (one-day) and the week scenario's reports;
#   3. a batch of 100 scenarios (copies of the default one): its report's size and the time
#      headless Chromium takes to load it with its chart drawn (tests/browser/browser_test.py).
#   bash bench/report_figures.sh        # after scripts/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ccsim=${CCSIM:-$PWD/build/cli/ccsim}
[ -x "$ccsim" ] || { echo "error: $ccsim not built (bash scripts/build.sh)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 - "$ccsim" "$work" <<'EOF'
import os, statistics, subprocess, sys, time
ccsim, work = sys.argv[1:3]
for scenario, runs in (("scenarios/default.toml", 30), ("scenarios/week/week.toml", 8)):
    times = {"json": [], "html": []}
    for _ in range(runs):
        for fmt in times:  # interleaved, so that a busy machine weighs on both alike
            out = os.path.join(work, "out." + fmt)
            started = time.perf_counter()
            with open(out, "w") as f:
                subprocess.run([ccsim, "simulate", scenario, "--threads", "2", "--format", fmt],
                               stdout=f, check=True)
            times[fmt].append(time.perf_counter() - started)
    json_s, html_s = (statistics.median(times[k]) for k in ("json", "html"))
    print("%s: json %.3f s, html %.3f s (medians of %d): report %+.3f s; html %d KB" % (
        scenario, json_s, html_s, runs, html_s - json_s,
        os.path.getsize(os.path.join(work, "out.html")) // 1024))
EOF

mkdir -p "$work/batch/scen"
cp scenarios/default_forecast.csv "$work/batch/scen/"
for i in $(seq -w 1 100); do
  # Only the first "name =" (the scenario's); groups and shifts keep theirs.
  sed "0,/^name = .*/s//name = \"Hotline $i\"/" scenarios/default.toml \
    >"$work/batch/scen/hotline_$i.toml"
done
echo "batch of 100 scenarios:"
/usr/bin/python3 tests/browser/browser_test.py --ccsim "$ccsim" --chromium chromium \
  --work "$work/batch" --report out/report.html -- \
  batch scen --out @TMP@/out --threads 2 --format html
