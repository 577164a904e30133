#!/usr/bin/env python3
"""validation/anonymous_bank.py on a log with the flaws real months have (issue 14): a half
hour without calls, rows with fused or shifted columns, a month other than February. The log
is made up here (two working days of March 1999), so the test needs no data outside the
repository and runs in seconds.

usage: check_anonymous_bank.py CCSIM REPOSITORY
"""
import os
import random
import subprocess
import sys
import tempfile

HEADER = ["vru+line", "call_id", "customer_id", "priority", "type", "date", "vru_entry",
          "vru_exit", "vru_time", "q_start", "q_exit", "q_time", "outcome", "ser_start",
          "ser_exit", "ser_time", "server"]


def clock(t):
    return "%d:%02d:%02d" % (t // 3600, t % 3600 // 60, t % 60)


def make_log(path):
    rng = random.Random(14)
    rows, call_id = [], 1
    # 990307 is a Sunday, 990308 a Monday; 990312 a Friday (left out of the study).
    for date in ("990307", "990308", "990312"):
        for slot in range(34):
            start = 7 * 3600 + slot * 1800
            if date == "990308" and slot == 6:  # 10:00-10:30: a gap in the log
                continue
            for _ in range(12):
                arrival = start + rng.randrange(1800)
                wait = rng.choice([0, 0, 0, 5, 20, 45, 90])
                hang = wait > 0 and rng.random() < 0.15
                ser = 0 if hang else rng.randrange(60, 300)
                q = clock(arrival) if wait else "0:00:00"
                rows.append(["AA0101", str(call_id), "0", "1", "PS", date, clock(arrival - 10),
                             clock(arrival), "10", q, clock(arrival + wait) if wait else "0:00:00",
                             str(wait), "HANG" if hang else "AGENT",
                             "0:00:00" if hang else clock(arrival + wait),
                             "0:00:00" if hang else clock(arrival + wait + ser), str(ser),
                             "NO_SERVER" if hang else "AGENT%d" % rng.randrange(6)])
                call_id += 1
    lines = ["\t".join(r) for r in rows]
    lines.insert(40, lines[40] + "\t" + lines[41])  # two rows fused on one line
    lines.insert(80, "\t".join(rows[80][1:]))       # a row missing its first column
    shifted = list(rows[120])
    shifted[5], shifted[12] = shifted[12], shifted[5]  # date and outcome swapped
    lines.insert(120, "\t".join(shifted))
    with open(path, "w") as f:
        f.write("\t".join(HEADER) + "\n" + "\n".join(lines) + "\n")


def main():
    ccsim, repository = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as work:
        log = os.path.join(work, "march.tsv")
        make_log(log)
        run = subprocess.run(
            [sys.executable, os.path.join(repository, "validation", "anonymous_bank.py"),
             "--data", log, "--out", os.path.join(work, "out"), "--ccsim", ccsim,
             "--replications", "3", "--threads", "1"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=300)
        failures = []
        if run.returncode != 0:
            failures.append("exit code %d: %s" % (run.returncode, run.stderr[-2000:]))
        for expected in [
            "# ccsim against the Anonymous Bank log (March 1999)",
            "Rows skipped as flawed: 2 with fused or shifted columns (a wrong number of "
            "fields), 1 with a field that does not read as its column's kind.",
            "Half hours without calls (no observed shares; left out of the comparisons of "
            "shares): 1.",
            "Working days: 2, 990307 to 990308.",
        ]:
            if expected not in run.stdout:
                failures.append("missing from the report: " + expected)
        for f in failures:
            print("FAIL " + f)
        if failures:
            print(run.stdout[:3000])
            return 1
        print("anonymous_bank.py ran on a flawed March log and said what it skipped")
        return 0


if __name__ == "__main__":
    sys.exit(main())
