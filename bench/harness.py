#!/usr/bin/python3
"""Runs every ccsim benchmark and its peers, and prints one table. Started by bench/run.

Each figure is the median of N runs with their min and max. Peers (SimPy, Octave's queueing
package) run the same model in the same invocation, their runs interleaved with ccsim's, so
that a ratio holds even when the machine is busy. Peak RSS is that of each child process (GNU
time's %M, the kernel's ru_maxrss), the largest over the runs.
"""
import argparse
import datetime
import filecmp
import json
import math
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYTHON = "/usr/bin/python3"  # Debian's, where python3-simpy3 lives
DOCS = os.path.join(ROOT, "docs", "performance.md")
BEGIN_MARK = "<!-- bench/run results: begin -->"
END_MARK = "<!-- bench/run results: end -->"

# The M/M/n+M model shared with SimPy: offered load equal to the agents (20 calls per agent
# per hour), AHT 180 s, patience 120 s, T = 15 s. At that load abandonment matters at every
# size, so the agreement check compares figures that are not trivially 1 and 0 (at 95% load
# a 5,000-agent centre answers everyone at once). (agents, hours, warm-up hours, days): SimPy
# is slow, so larger centres simulate fewer hours (a large centre reaches steady state in
# minutes); calls per second is a rate, and both tools run exactly the same workload.
MMNM = {"aht": 180.0, "patience": 120.0, "threshold": 15.0, "load": 1.0}
MMNM_FULL = [(50, 24, 1, 20), (500, 24, 1, 4), (5000, 1, 0.5, 4)]
MMNM_QUICK = [(50, 24, 1, 5), (500, 6, 1, 3), (5000, 0.5, 0.5, 3)]


# ---------------------------------------------------------------------------------------------
# Processes and figures

class run_result:
    def __init__(self, wall, rss_mib, out, err, code):
        self.wall, self.rss_mib, self.out, self.err, self.code = wall, rss_mib, out, err, code


TIME = "/usr/bin/time"  # GNU time: the peak RSS of exactly the command it starts


def run(cmd, cwd=ROOT, check=True):
    """Runs one child process to completion: wall seconds, peak RSS (MiB), stdout, stderr.

    Peak RSS comes from GNU time (%M, from wait4) rather than from our own wait4: a child of
    this Python process keeps Python's resident size as its floor across exec, so its own
    ru_maxrss would read at least ~15 MiB whatever it runs. GNU time is small."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(mode="r", suffix=".rss") as rss_file:
        wrapped = [TIME, "-f", "%M", "-o", rss_file.name] + cmd if os.path.exists(TIME) else cmd
        start = time.perf_counter()
        child = subprocess.Popen(wrapped, cwd=cwd, stdout=out, stderr=err,
                                 stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        kib = usage.ru_maxrss
        if wrapped is not cmd:
            lines = [l for l in rss_file.read().splitlines() if l.strip().isdigit()]
            kib = int(lines[-1]) if lines else float("nan")
        out.seek(0)
        err.seek(0)
        result = run_result(wall, kib / 1024.0, out.read().decode(), err.read().decode(),
                            child.returncode)
    if check and result.code != 0:
        raise RuntimeError("%s exited %d:\n%s" % (" ".join(cmd), result.code, result.err[-2000:]))
    return result


def spread(samples):
    s = sorted(samples)
    n = len(s)
    median = s[n // 2] if n % 2 else 0.5 * (s[n // 2 - 1] + s[n // 2])
    return {"median": median, "min": s[0], "max": s[-1], "n": n}


def rate_spread(amount, seconds):
    """A rate from timed runs; the slowest run gives the minimum."""
    return spread([amount / t for t in seconds])


def spread_pct(s):
    return 100.0 * (s["max"] / s["min"] - 1.0) if s and s["min"] > 0 else None


class row:
    """One line of the table. Figures are spreads; higher_is_better says how to read them."""

    def __init__(self, section, workload, unit, ccsim=None, peer=None, peer_name="",
                 ratio=None, rss=None, peer_rss=None, notes="", target=None,
                 higher_is_better=True, ratio_target=None):
        self.section, self.workload, self.unit = section, workload, unit
        self.ccsim, self.peer, self.peer_name, self.ratio = ccsim, peer, peer_name, ratio
        self.rss, self.peer_rss, self.notes = rss, peer_rss, notes
        self.target, self.higher_is_better = target, higher_is_better
        self.ratio_target = ratio_target
        self.other_targets = []  # (text, met) for targets on a figure derived from this row

    def target_met(self):
        if self.target is None or self.ccsim is None:
            return None
        v = self.ccsim["median"]
        return v >= self.target if self.higher_is_better else v <= self.target

    def ratio_met(self):
        if self.ratio_target is None or self.ratio is None:
            return None
        return self.ratio["median"] >= self.ratio_target

    def as_json(self):
        return {k: v for k, v in {
            "section": self.section, "workload": self.workload, "unit": self.unit,
            "ccsim": self.ccsim, "peer_name": self.peer_name or None, "peer": self.peer,
            "ratio": self.ratio, "peak_rss_mib": self.rss, "peer_peak_rss_mib": self.peer_rss,
            "notes": self.notes, "target": self.target,
            "target_met": self.target_met(), "ratio_target": self.ratio_target,
            "ratio_target_met": self.ratio_met(),
            "other_targets": [{"target": t, "met": m} for t, m in self.other_targets] or None,
            "spread_pct": spread_pct(self.ccsim) if self.ccsim else None,
            "peer_spread_pct": spread_pct(self.peer) if self.peer else None,
        }.items() if v is not None}


def say(text):
    print(text, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# Number formatting

def fmt_number(v, unit):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "-"
    if unit.endswith("/s"):
        for scale, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
            if v >= scale:
                return "%.3g%s" % (v / scale, suffix)
        return "%.3g" % v
    if unit == "x":
        return "%.3gx" % v if v < 1000 else "%.0fx" % v
    if v >= 100:
        return "{:,.0f}".format(v)
    return "%.3g" % v


def fmt_spread(s, unit):
    if not s:
        return "-"
    return "%s [%s, %s]" % (fmt_number(s["median"], unit), fmt_number(s["min"], unit),
                            fmt_number(s["max"], unit))


def fmt_rss(r):
    if r.rss is None and r.peer_rss is None:
        return "-"
    text = "%.1f" % r.rss if r.rss is not None else "-"
    if r.peer_rss is not None:
        text += " / %.1f" % r.peer_rss
    return text


def fmt_runs(r):
    parts = []
    for s in (r.ccsim, r.peer):
        p = spread_pct(s)
        if p is not None:
            parts.append("%.1f%%%s" % (p, "!" if p >= 10.0 else ""))
    n = (r.ccsim or r.peer or {}).get("n")
    return ("%d, " % n if n else "") + " / ".join(parts) if parts else "-"


def fmt_notes(r):
    notes = [r.notes] if r.notes else []
    met = r.target_met()
    if met is not None:
        notes.append("target %s %s %s: %s" % ("<=" if not r.higher_is_better else ">=",
                                              fmt_number(r.target, r.unit), r.unit,
                                              "met" if met else "MISSED"))
    met = r.ratio_met()
    if met is not None:
        notes.append("target >= %gx %s: %s" % (r.ratio_target, r.peer_name,
                                                "met" if met else "MISSED"))
    notes += ["%s: %s" % (t, "met" if m else "MISSED") for t, m in r.other_targets]
    return "; ".join(notes)


COLUMNS = ["workload", "unit", "ccsim", "peer", "ratio", "peak RSS MiB", "runs, spread",
           "notes"]


def table_cells(rows):
    out = []
    for r in rows:
        peer = "%s %s" % (r.peer_name, fmt_spread(r.peer, r.unit)) if r.peer else (
            r.peer_name or "-")
        out.append([r.workload, r.unit, fmt_spread(r.ccsim, r.unit), peer,
                    fmt_spread(r.ratio, "x"), fmt_rss(r), fmt_runs(r), fmt_notes(r)])
    return out


def text_table(rows):
    cells = table_cells(rows)
    widths = [max(len(c[i]) for c in cells + [COLUMNS]) for i in range(len(COLUMNS) - 1)]
    lines = []

    def line(c):
        return "  ".join(x.ljust(w) for x, w in zip(c, widths)) + "  " + c[-1]

    lines.append(line(COLUMNS))
    lines.append("  ".join("-" * w for w in widths) + "  " + "-" * 5)
    section = None
    for r, c in zip(rows, cells):
        if r.section != section:
            section = r.section
            lines.append("[%s]" % section)
        lines.append(line(c))
    return "\n".join(lines)


def markdown_table(rows):
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + " --- |" * len(COLUMNS)]
    section = None
    for r, c in zip(rows, table_cells(rows)):
        if r.section != section:
            section = r.section
            lines.append("| **%s** |" % section + " |" * (len(COLUMNS) - 1))
        lines.append("| " + " | ".join(x.replace("|", "\\|") for x in c) + " |")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Workloads

def micro_rows(build, runs, quick):
    """Google Benchmark: repetitions inside one process, interleaved at random."""
    say("micro benchmarks (Google Benchmark)...")
    res = run([os.path.join(build, "bench", "bench_micro"),
               "--benchmark_format=json",
               "--benchmark_repetitions=%d" % runs,
               "--benchmark_enable_random_interleaving=true",
               "--benchmark_min_time=%s" % ("0.05" if quick else "0.2")])
    data = json.loads(res.out)
    per_name = {}
    for b in data["benchmarks"]:
        if b.get("run_type") == "iteration":
            per_name.setdefault(b["run_name"], []).append(b)
    labels = {
        "calendar_hold/1000": ("event calendar hold, 1,000 pending", "events/s"),
        "calendar_hold/1000000": ("event calendar hold, 1,000,000 pending", "events/s"),
        "variate/exponential": ("variate: exponential", "draws/s"),
        "variate/lognormal_cv_0_7": ("variate: lognormal cv 0.7", "draws/s"),
        "variate/gamma_cv_0_5": ("variate: gamma cv 0.5", "draws/s"),
        "erlang_b_evaluation/50": ("Erlang B, 50 agents", "evaluations/s"),
        "erlang_b_evaluation/5000": ("Erlang B, 5,000 agents", "evaluations/s"),
        "erlang_b_evaluation/20000": ("Erlang B, 20,000 agents", "evaluations/s"),
        "erlang_c_evaluation/50": ("Erlang C, 50 agents", "evaluations/s"),
        "erlang_c_evaluation/5000": ("Erlang C, 5,000 agents", "evaluations/s"),
        "erlang_c_evaluation/20000": ("Erlang C, 20,000 agents", "evaluations/s"),
        "erlang_a_evaluation/50": ("Erlang A, 50 agents", "evaluations/s"),
        "erlang_a_evaluation/500": ("Erlang A, 500 agents", "evaluations/s"),
        "erlang_a_evaluation/5000": ("Erlang A, 5,000 agents", "evaluations/s"),
        "staffing_year/0": ("year staffed, Erlang C (Google Benchmark)", "ms"),
        "staffing_year/1": ("year staffed, Erlang A (Google Benchmark)", "ms"),
    }
    rows = []
    order = list(labels)
    for name in sorted(per_name, key=lambda n: order.index(n) if n in order else len(order)):
        reps = per_name[name]
        label, unit = labels.get(name, (name, "items/s"))
        if unit == "ms":
            scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[reps[0]["time_unit"]]
            figure = spread([b["real_time"] * scale for b in reps])
            rows.append(row("micro (Google Benchmark, one process)", label, unit, figure,
                            rss=res.rss_mib, higher_is_better=False,
                            target=50.0 if name == "staffing_year/0" else None,
                            notes="35,040 intervals, 90/15 + answer rate 0.9"))
        else:
            rows.append(row("micro (Google Benchmark, one process)", label, unit,
                            spread([b["items_per_second"] for b in reps]), rss=res.rss_mib,
                            notes="95% load" if name.startswith("erlang") else ""))
    return rows, {"library_build_type": data.get("context", {}).get("library_build_type")}


def json_lines(text):
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def as_spread(figure):
    return {"median": figure["median"], "min": figure["min"], "max": figure["max"],
            "n": figure["runs"]}


def staffing_year_rows(build, runs):
    say("bench_staffing_year...")
    res = run([os.path.join(build, "bench", "bench_staffing_year"), str(runs), "--json"])
    rows = []
    for f in json_lines(res.out):
        if f["name"].startswith("year"):
            rows.append(row("closed forms", f["name"] + " (bench_staffing_year)", "ms",
                            as_spread(f), rss=res.rss_mib, target=50.0, higher_is_better=False,
                            notes="35,040 intervals, loads 1-2,000 Erlang"))
        else:
            rows.append(row("closed forms", "Erlang C at 20,000 agents, load 19,900", "us",
                            as_spread(f), rss=res.rss_mib, target=100.0,
                            higher_is_better=False, notes="all figures of one evaluation"))
    return rows


def engine_rows(build, runs, quick):
    say("bench_sim_throughput...")
    res = run([os.path.join(build, "bench", "bench_sim_throughput"), str(runs), "--json"])
    rows = []
    section = "engine (bench_sim_throughput, in-process, 1 thread)"
    for f in json_lines(res.out):
        r = row(section, f["name"], "calls/s", as_spread(f), rss=res.rss_mib,
                notes="%s calls per run" % "{:,}".format(f["calls"]))
        if "50 agents" in f["name"] or "500 agents" in f["name"]:
            r.target = 5e6
        if f["name"].startswith("3 queues"):
            # The target is a time: show it beside the rate (1 s for the day, 1.5 s the week).
            limit = 1.5 if "week" in f["name"] else 1.0
            seconds = {k: f["calls"] / f[k] for k in ("median", "min", "max")}
            r.other_targets.append(("%.3f s [%.3f, %.3f], target < %g s" % (
                seconds["median"], seconds["max"], seconds["min"], limit),
                seconds["median"] < limit))
        rows.append(r)
    memory_runs = 1 if quick else runs
    say("bench_sim_throughput --memory (%d runs)..." % memory_runs)
    results = [run([os.path.join(build, "bench", "bench_sim_throughput"), "--memory", "--json"])
               for _ in range(memory_runs)]
    figures = [json_lines(r.out)[0] for r in results]
    rss = spread([r.rss_mib for r in results])
    rate = spread([f["calls"] / f["seconds"] for f in figures])
    rows.append(row(section, "50M-call run (5,000 agents, 22 days), peak RSS", "MiB", rss,
                    rss=max(r.rss_mib for r in results), target=100.0, higher_is_better=False,
                    notes="%s calls at %s calls/s" % ("{:,}".format(figures[0]["calls"]),
                                                      fmt_number(rate["median"], "calls/s"))))
    # The engine's memory must not grow with the horizon: the week scenario over 1 and 4
    # weeks; what grows is the per-interval statistics (reported), not the engine's state.
    week_rss = {}
    for weeks in (1, 4):
        say("bench_sim_throughput --memory-weeks %d..." % weeks)
        res = run([os.path.join(build, "bench", "bench_sim_throughput"), "--memory-weeks",
                   str(weeks), "--json"])
        figure = json_lines(res.out)[0]
        week_rss[weeks] = res.rss_mib
        rows.append(row(section, "%d-week run (3 queues, 4 groups), peak RSS" % weeks, "MiB",
                        spread([res.rss_mib]), rss=res.rss_mib,
                        notes="%s calls, %s intervals%s" % (
                            "{:,}".format(figure["calls"]), "{:,}".format(figure["intervals"]),
                            "" if weeks == 1 else "; %.2f MiB more than 1 week" % (
                                week_rss[weeks] - week_rss[1]))))
    return rows


def erlang_grid(quick):
    """Loads 1..1000 Erlang (every 5th in quick mode) with agents just above the load, and
    5%, 10% and 20% above: where staffing answers lie, and where Erlang C is defined."""
    points = []
    for a in range(1, 1001, 5 if quick else 1):
        for m in sorted({a + 1, math.ceil(1.05 * a), math.ceil(1.1 * a) + 1,
                         math.ceil(1.2 * a) + 2}):
            points.append((a, m))
    return points


def octave_rows(build, runs, quick, tmp, report):
    grid = erlang_grid(quick)
    grid_file = os.path.join(tmp, "grid.txt")
    with open(grid_file, "w") as f:
        f.writelines("%d %d\n" % p for p in grid)
    section = "closed forms"
    label = "Erlang B + C over a grid ({:,} points)".format(len(grid))
    if not shutil.which("octave"):
        report["octave"] = {"available": False}
        return [row(section, label, "evaluations/s", peer_name="Octave: not available")]
    say("Erlang B/C grid: ccsim vs Octave queueing (%d runs each)..." % runs)
    ours, theirs = [], []
    ours_values = os.path.join(tmp, "ccsim_values.txt")
    octave_values = os.path.join(tmp, "octave_values.txt")
    script = os.path.join(ROOT, "bench", "erlang_grid.m")
    for _ in range(runs):
        ours.append(run([os.path.join(build, "bench", "bench_erlang_grid"), grid_file,
                         ours_values]))
        theirs.append(run(["octave", "--no-gui", "--quiet", "--norc", "--eval",
                           "grid_file = '%s'; values_file = '%s'; run('%s')" % (
                               grid_file, octave_values, script)]))
    ours_t = [json_lines(r.out)[0] for r in ours]
    theirs_t = [json_lines(r.out)[0] for r in theirs]
    evaluations = 2 * len(grid)

    def load_values(path):
        with open(path) as f:
            return [tuple(float(x) for x in line.split()) for line in f if line.strip()]

    a, b = load_values(ours_values), load_values(octave_values)
    worst = [0.0, 0.0]
    worst_at = [None, None]
    for p, x, y in zip(grid, a, b):
        for k in range(2):
            err = abs(x[k] - y[k]) / abs(y[k]) if y[k] != 0 else abs(x[k])
            if err > worst[k]:
                worst[k], worst_at[k] = err, p
    ok = len(a) == len(b) == len(grid) and max(worst) <= 1e-9
    ratio = spread([(t["erlangb_s"] + t["erlangc_s"]) / (o["erlangb_s"] + o["erlangc_s"])
                    for o, t in zip(ours_t, theirs_t)])
    report["octave"] = {
        "available": True, "points": len(grid), "octave": theirs_t[0].get("octave"),
        "queueing": theirs_t[0].get("queueing"), "max_rel_error_erlangb": worst[0],
        "max_rel_error_erlangc": worst[1], "worst_point_erlangb": worst_at[0],
        "worst_point_erlangc": worst_at[1], "agree_1e-9": ok,
        "ccsim_s_per_grid": spread([o["erlangb_s"] + o["erlangc_s"] for o in ours_t]),
        "octave_s_per_grid": spread([t["erlangb_s"] + t["erlangc_s"] for t in theirs_t]),
    }
    if not ok:
        say("!!! DISAGREEMENT: ccsim and Octave's erlangb/erlangc differ by more than 1e-9 "
            "relative (Erlang B %.3g at %s, Erlang C %.3g at %s)" % (
                worst[0], worst_at[0], worst[1], worst_at[1]))
    notes = "loads 1-1,000 x 4 agent counts; max rel. error B %.1e, C %.1e: %s" % (
        worst[0], worst[1], "<= 1e-9 OK" if ok else "!!! > 1e-9 DISAGREE")
    return [row(section, label, "evaluations/s",
                spread([evaluations / (o["erlangb_s"] + o["erlangc_s"]) for o in ours_t]),
                spread([evaluations / (t["erlangb_s"] + t["erlangc_s"]) for t in theirs_t]),
                "Octave", ratio, rss=max(r.rss_mib for r in ours),
                peer_rss=max(r.rss_mib for r in theirs), notes=notes)]


def simpy_available():
    return run([PYTHON, "-c", "import simpy"], check=False).code == 0


def within(v, figure):
    return figure["ci_low"] <= v <= figure["ci_high"]


def mmnm_model_options(agents):
    """ccsim's options for the shared M/M/n+M model (simulate and erlang alike)."""
    per_hour = MMNM["load"] * agents * 3600.0 / MMNM["aht"]
    # Half-hour intervals, so that a half-hour horizon is allowed.
    return ["--calls", "%g" % (per_hour / 2), "--interval", "30min",
            "--aht", "%gs" % MMNM["aht"],
            "--patience", "%gs" % MMNM["patience"], "--agents", str(agents),
            "--threshold", "%gs" % MMNM["threshold"]]


def mmnm_command(ccsim, agents, hours, warmup, reps):
    """The ccsim simulate command line of one M/M/n+M workload, one thread, JSON out."""
    return [ccsim, "simulate"] + mmnm_model_options(agents) + [
        "--hours", "%g" % hours, "--warmup", "%gmin" % (warmup * 60),
        "--replications", str(reps), "--threads", "1", "--seed", "1", "--format", "json"]


def mmnm_label(agents, hours, warmup, reps):
    return "%s agents, %gh + %gh warm-up, %d days" % ("{:,}".format(agents), hours, warmup, reps)


def mmnm_rows(build, runs, quick, report):
    ccsim = os.path.join(build, "cli", "ccsim")
    have_simpy = simpy_available()
    section = "M/M/n+M day through the ccsim CLI vs SimPy (whole process, 1 core each)"
    rows = []
    report["agreement"] = []
    for agents, hours, warmup, reps in (MMNM_QUICK if quick else MMNM_FULL):
        per_hour = MMNM["load"] * agents * 3600.0 / MMNM["aht"]
        common = mmnm_model_options(agents)
        ours_cmd = mmnm_command(ccsim, agents, hours, warmup, reps)
        theirs_cmd = [PYTHON, os.path.join(ROOT, "bench", "simpy_mmnm.py"),
                      "--calls-per-hour", "%g" % per_hour, "--aht", "%g" % MMNM["aht"],
                      "--patience", "%g" % MMNM["patience"], "--agents", str(agents),
                      "--threshold", "%g" % MMNM["threshold"], "--hours", "%g" % hours,
                      "--warmup", "%g" % (warmup * 3600.0),
                      "--replications", str(reps), "--seed", "1"]
        label = mmnm_label(agents, hours, warmup, reps)
        say("M/M/n+M %s: ccsim%s (%d runs each)..." % (
            label, " and SimPy" if have_simpy else "", runs))
        ours, theirs = [], []
        for _ in range(runs):
            ours.append(run(ours_cmd))
            if have_simpy:
                theirs.append(run(theirs_cmd))
        o = [json.loads(r.out) for r in ours]
        calls = o[0]["calls"]
        ours_rate = rate_spread(calls, [r.wall for r in ours])
        engine_rate = spread([x["calls_per_s"] for x in o])
        exact = json.loads(run([ccsim, "erlang"] + common + ["--format", "json"]).out)
        entry = {"workload": label, "agents": agents, "hours": hours, "replications": reps,
                 "calls_per_hour": per_hour, "ccsim_calls": calls,
                 "erlang_a": {"service_level": exact["service_level"],
                              "abandon_rate": exact["p_abandon"]},
                 "ccsim": {k: o[0][k] for k in ("service_level", "abandon_rate")}}
        notes = "%s calls; engine alone %s calls/s" % (
            "{:,}".format(calls), fmt_number(engine_rate["median"], "calls/s"))
        if not have_simpy:
            rows.append(row(section, label, "calls/s", ours_rate, peer_name="SimPy: not available",
                            rss=max(r.rss_mib for r in ours), notes=notes))
            report["agreement"].append(entry)
            continue
        t = [json.loads(r.out) for r in theirs]
        theirs_rate = rate_spread(t[0]["calls"], [r.wall for r in theirs])
        # Runs are interleaved: pair each ccsim run with the SimPy run after it.
        ratio = spread([(calls / a.wall) / (t[0]["calls"] / b.wall)
                        for a, b in zip(ours, theirs)])
        engine_ratio = engine_rate["median"] / spread([x["calls_per_s"] for x in t])["median"]
        notes += " (%s SimPy's loop)" % fmt_number(engine_ratio, "x")
        entry["simpy"] = {k: t[0][k] for k in ("service_level", "abandon_rate")}
        entry["simpy_calls"] = t[0]["calls"]
        entry["simpy_version"] = t[0].get("simpy_version")
        agree = True
        for key in ("service_level", "abandon_rate"):
            a, b = o[0][key], t[0][key]
            overlap = a["ci_low"] <= b["ci_high"] and b["ci_low"] <= a["ci_high"]
            agree = agree and overlap
            entry[key + "_overlap"] = overlap
            entry[key + "_erlang_a_in_ccsim_ci"] = within(entry["erlang_a"][key], a)
            entry[key + "_erlang_a_in_simpy_ci"] = within(entry["erlang_a"][key], b)
            if not overlap:
                say("!!! DISAGREEMENT: %s %s: ccsim [%.4f, %.4f] and SimPy [%.4f, %.4f] do not "
                    "overlap" % (label, key, a["ci_low"], a["ci_high"], b["ci_low"],
                                 b["ci_high"]))
        entry["agree"] = agree
        notes += "; SL and abandonment CIs %s" % ("overlap" if agree else "!!! DO NOT OVERLAP")
        rows.append(row(section, label, "calls/s", ours_rate, theirs_rate, "SimPy", ratio,
                        rss=max(r.rss_mib for r in ours), peer_rss=max(r.rss_mib for r in theirs),
                        notes=notes, ratio_target=100.0))
        report["agreement"].append(entry)
    return rows


def default_scenario_command(ccsim, reps=None):
    """scenarios/default.toml through ccsim simulate, one thread, JSON out; `reps` days, or
    as shipped."""
    cmd = [ccsim, "simulate", os.path.join("scenarios", "default.toml"), "--threads", "1",
           "--format", "json"]
    return cmd + ["--replications", str(reps)] if reps else cmd


def default_scenario_rows(build, runs):
    ccsim = os.path.join(build, "cli", "ccsim")
    section = "ccsim CLI, scenario files (whole process)"
    rows = []
    for reps, unit in ((None, "ms"), (1000, "calls/s")):
        cmd = default_scenario_command(ccsim, reps)
        say("default scenario%s (%d runs)..." % (" x%d days" % reps if reps else "", runs))
        results = [run(cmd) for _ in range(runs)]
        out = json.loads(results[0].out)
        days = out.get("replications")
        label = "default scenario, %s days, 1 thread" % "{:,}".format(days)
        if unit == "ms":
            rows.append(row(section, label + " (as shipped)", "ms",
                            spread([r.wall * 1e3 for r in results]),
                            rss=max(r.rss_mib for r in results), higher_is_better=False,
                            notes="%s calls; time a user waits" % "{:,}".format(out["calls"])))
        else:
            rows.append(row(section, label, "calls/s",
                            rate_spread(out["calls"], [r.wall for r in results]),
                            rss=max(r.rss_mib for r in results),
                            notes="%s calls; engine alone %s calls/s" % (
                                "{:,}".format(out["calls"]),
                                fmt_number(spread([json.loads(r.out)["calls_per_s"]
                                                   for r in results])["median"], "calls/s"))))
    return rows


def batch_scenarios(folder, count):
    """`count` variants of scenarios/default.toml: volume scaled 0.8-1.3, agents of every
    shift -1, 0 or +1, each a copy with its forecast beside it."""
    with open(os.path.join(ROOT, "scenarios", "default.toml")) as f:
        base = f.read()
    shutil.copy(os.path.join(ROOT, "scenarios", "default_forecast.csv"), folder)
    for i in range(count):
        scale = 0.8 + 0.5 * i / (count - 1)
        delta = i % 3 - 1
        text = re.sub(r'^name = "([^"]*)"', 'name = "batch %03d"' % i, base, count=1,
                      flags=re.M)
        # Every queue gets a volume_scale line after its name (the first key of the table).
        text = re.sub(r'^(\[\[queue\]\]\nname = "[^"]*")', r"\1\nvolume_scale = %.4f" % scale,
                      text, flags=re.M)
        text = re.sub(r"^agents = (\d+)",
                      lambda m: "agents = %d" % max(0, int(m.group(1)) + delta), text,
                      flags=re.M)
        with open(os.path.join(folder, "batch_%03d.toml" % i), "w") as f:
            f.write(text)


def batch_calls(summary):
    """Calls offered in a whole batch, from its summary.json (None if its form is unknown)."""
    try:
        with open(summary) as f:
            return sum(e["offered"]["mean"] * e["replications"] for e in json.load(f))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def batch_rows(build, runs, tmp):
    ccsim = os.path.join(build, "cli", "ccsim")
    section = "ccsim CLI, scenario files (whole process)"
    label = "batch of 100 scenarios, 10 days each"
    if run([ccsim, "batch", "--help"], check=False).code != 0:
        return [row(section, label, "ms", notes="not available: `ccsim batch` does not exist "
                    "in this build")]
    folder = os.path.join(tmp, "batch")
    os.makedirs(folder)
    batch_scenarios(folder, 100)
    say("batch of 100 scenarios at 1 and 2 threads (%d runs each)..." % runs)
    times = {1: [], 2: []}
    rss = {1: 0.0, 2: 0.0}
    calls = None
    for i in range(runs):
        for threads in (1, 2):
            out = os.path.join(tmp, "batch_out_%d_%d" % (threads, i))
            r = run([ccsim, "batch", folder, "--out", out, "--threads", str(threads),
                     "--replications", "10"], check=False)
            if r.code != 0:
                return [row(section, label, "ms", notes="failed: exit %d: %s" % (
                    r.code, r.err.strip().splitlines()[-1] if r.err.strip() else ""))]
            times[threads].append(r.wall * 1e3)
            rss[threads] = max(rss[threads], r.rss_mib)
            if not calls:
                calls = batch_calls(os.path.join(out, "summary.json"))
            shutil.rmtree(out, ignore_errors=True)
    speedup = spread([a / b for a, b in zip(times[1], times[2])])
    notes = "default.toml variants: volume x0.8-1.3, agents +-1"
    if calls:
        notes += "; %s calls offered, %s calls/s" % (
            "{:,.0f}".format(calls), fmt_number(calls / spread(times[1])["median"] * 1e3,
                                                "calls/s"))
    return [
        row(section, label + ", 1 thread", "ms", spread(times[1]), rss=rss[1],
            higher_is_better=False, notes=notes),
        row(section, label + ", 2 threads", "ms", spread(times[2]), ratio=speedup,
            rss=rss[2], higher_is_better=False, notes="ratio: speed-up over 1 thread"),
    ]


# ---------------------------------------------------------------------------------------------
# Before / after: a baseline commit's programs against the working tree's, alternately

BASELINE_BUILDS = os.path.join(ROOT, "build-bench-baseline")
STAFFING_REPEATS = 3  # in each bench_staffing_year process: its Erlang C figure is 0.1 ms


def git(*args):
    return subprocess.check_output(["git"] + list(args), cwd=ROOT, text=True,
                                   stderr=subprocess.DEVNULL).strip()


def resolve_commit(rev):
    """REV's full commit hash, or None when REV names no commit."""
    try:
        return git("rev-parse", "--verify", "--quiet", rev + "^{commit}")
    except (OSError, subprocess.CalledProcessError):
        return None


def tree_commit():
    """The working tree's commit, short, and whether tracked files differ from it."""
    try:
        commit = git("rev-parse", "--short", "HEAD")
        dirty = bool(git("status", "--porcelain", "--untracked-files=no"))
        return commit, dirty
    except (OSError, subprocess.CalledProcessError):
        return None, False


class compared:
    """One before / after figure: baseline and current spreads over the runs, and the ratio
    taken run by run. For rates and times the ratio is current speed / baseline speed (above 1:
    faster); for peak RSS it is current size / baseline size."""

    def __init__(self, section, workload, unit, baseline=None, current=None, ratio=None,
                 notes="", missing=None):
        self.section, self.workload, self.unit = section, workload, unit
        self.baseline, self.current, self.ratio = baseline, current, ratio
        self.notes, self.missing = notes, missing

    def verdict(self, tolerance):
        if self.missing:
            return self.missing
        if not self.ratio:
            return "-"
        r = self.ratio["median"]
        if abs(r - 1.0) <= tolerance:
            return "within %g%%" % (100 * tolerance)
        bigger, smaller = ("LARGER", "smaller") if self.unit == "MiB" else ("faster", "SLOWER")
        return "%s by %.1f%%" % (bigger if r > 1.0 else smaller, 100 * abs(r - 1.0))

    def as_json(self, tolerance):
        return {"section": self.section, "workload": self.workload, "unit": self.unit,
                "baseline": self.baseline, "current": self.current, "ratio": self.ratio,
                "ratio_is": "size" if self.unit == "MiB" else "speed",
                "verdict": self.verdict(tolerance), "notes": self.notes or None,
                "not_in_baseline": self.missing is not None}


def paired_ratio(unit, baseline, current):
    """Current over baseline: speed for rates and times, size for memory."""
    if unit.endswith("/s") or unit == "MiB":
        return current / baseline
    return baseline / current  # a time: the baseline's time over ours is our speed-up


def cli_figures(result):
    """ccsim simulate --format json: calls per second over the whole process and the engine's
    own rate (calls_per_s, when that build reports it)."""
    out = json.loads(result.out)
    figures = {"whole process": {"unit": "calls/s", "value": out["calls"] / result.wall,
                                 "calls": out["calls"]}}
    if "calls_per_s" in out:
        figures["engine alone (calls_per_s)"] = {"unit": "calls/s", "value": out["calls_per_s"],
                                                 "calls": out["calls"]}
    return figures


def bench_figures(result):
    """A benchmark program's --json lines: each figure's median, by name."""
    return {f["name"]: {"unit": f["unit"], "value": f["median"], "calls": f.get("calls")}
            for f in json_lines(result.out)}


def memory_figures(result):
    """bench_sim_throughput --memory --json: peak RSS of the engine (VmHWM, in-process)."""
    f = json_lines(result.out)[0]
    return {"50M-call run (5,000 agents, 22 days), peak RSS": {
        "unit": "MiB", "value": f["median"], "calls": f["calls"],
        "rate": f["calls"] / f["seconds"]}}


def figures_or_reason(result, figures_of):
    """A run's figures, or why there are none."""
    if result.code != 0:
        last = result.err.strip().splitlines()[-1] if result.err.strip() else ""
        return None, "exit %d%s" % (result.code, ": " + last[:120] if last else "")
    try:
        figures = figures_of(result)
    except (ValueError, KeyError, IndexError, TypeError, ZeroDivisionError):
        figures = None
    return (figures, None) if figures else (None, "no figures in its output (option unknown "
                                                  "there?)")


def alternate(commands, runs, figures_of):
    """Runs the baseline and the current command alternately (baseline first), `runs` times
    each. A side that fails once is not run again. Returns each side's figures per run and why
    a side stopped (None if it did not); a missing program is a command of None."""
    figures = {"baseline": [], "current": []}
    why = {side: None if cmd else "no such program (not in that commit, or it did not build)"
           for side, cmd in commands.items()}
    for _ in range(runs):
        for side in ("baseline", "current"):
            if why[side] is None:
                got, why[side] = figures_or_reason(run(commands[side], check=False), figures_of)
                if got:
                    figures[side].append(got)
    return figures, why


def calls_note(base, cur):
    """How many calls each side simulated: a rework that changes the random streams changes
    the workload, which the reader should know."""
    b = {f.get("calls") for f in base} - {None}
    c = {f.get("calls") for f in cur} - {None}
    if not b or not c or b == c:
        return "; ".join("{:,} calls per run".format(int(x)) for x in sorted(b | c))
    return "calls per run differ: baseline %s, current %s" % (
        "/".join("{:,}".format(int(x)) for x in sorted(b)) or "-",
        "/".join("{:,}".format(int(x)) for x in sorted(c)) or "-")


def same_program(baseline_build, current_build, relative):
    """Whether both builds hold byte-identical copies of the program (then every difference
    between the two sides is the machine's)."""
    a, b = os.path.join(baseline_build, relative), os.path.join(current_build, relative)
    return os.path.exists(a) and os.path.exists(b) and filecmp.cmp(a, b, shallow=False)


def compared_rows(section, label, title, figures, why, rev, identical=False):
    """One row per figure either side reported (named `label: figure`, or by the figure alone
    when there is no label), with the ratio from each baseline/current pair of runs; one row
    named `title` when neither side reported any."""
    names = []
    for side in ("current", "baseline"):
        for run_figures in figures[side][:1]:
            names += [n for n in run_figures if n not in names]
    if not names:
        reason = why["baseline"] if not figures["baseline"] else why["current"]
        return [compared(section, title, "-", missing="not in baseline" if not figures[
            "baseline"] else "failed in the working tree", notes=reason or "")]
    rows = []
    for name in names:
        base = [f[name] for f in figures["baseline"] if name in f]
        cur = [f[name] for f in figures["current"] if name in f]
        unit = (cur or base)[0]["unit"]
        workload = "%s: %s" % (label, name) if label else name
        notes = [calls_note(base, cur), "identical binaries" if identical else ""]
        notes += ["%s calls/s %s" % (fmt_number(f["rate"], "calls/s"), side)
                  for side, side_figures in (("baseline", base), ("current", cur))
                  for f in side_figures[:1] if "rate" in f]
        missing = None
        if not base:
            missing = "not in baseline"
            notes.append("%s: %s" % (rev, why["baseline"] or "no such figure there"))
        if not cur:
            missing = missing or "failed in the working tree"
            notes.append("working tree: %s" % (why["current"] or "no such figure"))
        for side in ("baseline", "current"):
            if why[side] and figures[side]:
                notes.append("%s stopped after %d runs: %s" % (side, len(figures[side]),
                                                                why[side]))
        ratios = [paired_ratio(unit, b[name]["value"], c[name]["value"])
                  for b, c in zip(figures["baseline"], figures["current"])
                  if name in b and name in c]
        rows.append(compared(
            section, workload, unit, spread([f["value"] for f in base]) if base else None,
            spread([f["value"] for f in cur]) if cur else None,
            spread(ratios) if ratios else None, "; ".join(n for n in notes if n), missing))
    return rows


def command_in(build, relative, make):
    """make(path) for the program at `relative` in `build`, or None when that build lacks it."""
    path = os.path.join(build, relative)
    return make(path) if os.path.exists(path) else None


def baseline_workloads(quick):
    """Every before / after workload: (section, label, program, make its command line from
    the program's path, figures of a run, runs or None for --runs)."""
    cli = "ccsim CLI (whole process; engine alone from its JSON)"
    engine = "engine (bench_sim_throughput, in-process, 1 thread)"
    staffing = "closed forms (bench_staffing_year, median of %d in each process)" % (
        STAFFING_REPEATS)
    workloads = [(cli, "M/M/n+M " + mmnm_label(*w), "cli/ccsim",
                  lambda ccsim, w=w: mmnm_command(ccsim, *w), cli_figures, None)
                 for w in (MMNM_QUICK if quick else MMNM_FULL)]
    return workloads + [
        (cli, "default scenario, 1,000 days", "cli/ccsim",
         lambda ccsim: default_scenario_command(ccsim, 1000), cli_figures, None),
        (engine, "", "bench/bench_sim_throughput", lambda p: [p, "1", "--json"], bench_figures,
         None),
        # Peak RSS hardly varies and the run takes seconds: one run each side.
        (engine, "", "bench/bench_sim_throughput", lambda p: [p, "--memory", "--json"],
         memory_figures, 1),
        (staffing, "", "bench/bench_staffing_year", lambda p: [p, str(STAFFING_REPEATS), "--json"],
         bench_figures, None),
    ]


def baseline_comparison(baseline_build, current_build, rev, runs, quick, tolerance):
    """Runs every before / after workload, baseline and current alternately; returns the
    report's "baseline" entry and its rows."""
    commit = resolve_commit(rev)
    current, dirty = tree_commit()
    load_before = load_average()
    rows = []
    for section, label, relative, make, figures_of, fixed_runs in baseline_workloads(quick):
        n = fixed_runs or runs
        title = label or " ".join([os.path.basename(relative)] + make("")[1:])
        say("before / after: %s (%d run%s each)..." % (title, n, "" if n == 1 else "s"))
        figures, why = alternate({"baseline": command_in(baseline_build, relative, make),
                                  "current": command_in(current_build, relative, make)}, n,
                                 figures_of)
        rows += compared_rows(section, label, title, figures, why, rev,
                              same_program(baseline_build, current_build, relative))
    entry = {"rev": rev, "commit": commit, "baseline_build_dir": baseline_build,
             "current_commit": current, "current_uncommitted_changes": dirty,
             "tolerance": tolerance, "runs": runs, "load_before": load_before,
             "load_after": load_average(), "rows": [r.as_json(tolerance) for r in rows]}
    return entry, rows


def baseline_title(entry):
    short = entry["commit"][:7]
    rev = entry["rev"] if not entry["commit"].startswith(entry["rev"]) else short
    return "Before / after: %s (%s) vs working tree (%s%s)" % (
        rev, short, entry["current_commit"],
        ", with uncommitted changes" if entry["current_uncommitted_changes"] else "")


BASELINE_COLUMNS = ["workload", "unit", "baseline", "current", "current / baseline",
                    "runs, spread", "verdict", "notes"]


def baseline_cells(rows, tolerance):
    out = []
    for r in rows:
        n = (r.ratio or r.current or r.baseline or {}).get("n")
        spreads = ["%.1f%%%s" % (p, "!" if p >= 10.0 else "") if p is not None else "-"
                   for p in (spread_pct(r.baseline), spread_pct(r.current))]
        out.append([r.workload, r.unit, fmt_spread(r.baseline, r.unit),
                    fmt_spread(r.current, r.unit), fmt_spread(r.ratio, "x"),
                    ("%d, " % n if n else "") + " / ".join(spreads), r.verdict(tolerance),
                    r.notes])
    return out


def baseline_summary(rows, tolerance):
    """One line: how many figures are within the tolerance, which are not, and which the
    baseline lacks."""
    verdicts = [(r.workload, r.verdict(tolerance)) for r in rows]
    compared_ones = [(w, v) for w, v in verdicts if " by " in v or v.startswith("within")]
    outside = ["%s (%s)" % (w, v) for w, v in compared_ones if " by " in v]
    lacking = [w for w, v in verdicts if (w, v) not in compared_ones]
    text = "Verdict (median of the run-by-run ratios, tolerance %g%%): %d of %d figures within" % (
        100 * tolerance, len(compared_ones) - len(outside), len(compared_ones))
    if outside:
        text += "; outside: " + "; ".join(outside)
    if lacking:
        text += "; not compared (not in baseline or failed): " + "; ".join(lacking)
    return text + "."


def busy_warning(entry):
    """A caution when the machine had more runnable work than cores: under contention a
    process's wall time says more about its neighbours than about itself."""
    cores = os.cpu_count() or 1
    busiest = max(float(entry[k].split()[0]) for k in ("load_before", "load_after"))
    if busiest <= cores:
        return ""
    return ("Caution: load average %s before, %s after, on %d cores: the machine was busy, "
            "so spreads are wide and a verdict outside the tolerance may be the neighbours; "
            "repeat the comparison on a quieter machine, or with more --runs, before trusting "
            "it." % (entry["load_before"].split()[0], entry["load_after"].split()[0], cores))


def baseline_explanation(tolerance):
    return ("Baseline and current programs run alternately (baseline, current, ...); cells are "
            "median [min, max] over the runs; the ratio is taken run by run, current speed / "
            "baseline speed (above 1: faster), for peak RSS current size / baseline size; runs "
            "column: count, spread max/min - 1 (baseline / current, `!` marks 10%% or more); "
            "verdict on the median ratio, tolerance %g%%." % (100 * tolerance))


def baseline_text(entry, rows):
    tolerance = entry["tolerance"]
    cells = baseline_cells(rows, tolerance)
    widths = [max(len(c[i]) for c in cells + [BASELINE_COLUMNS])
              for i in range(len(BASELINE_COLUMNS) - 1)]

    def line(c):
        return ("  ".join(x.ljust(w) for x, w in zip(c, widths)) + "  " + c[-1]).rstrip()

    lines = [baseline_title(entry), baseline_explanation(tolerance), "", line(BASELINE_COLUMNS),
             "  ".join("-" * w for w in widths) + "  " + "-" * 5]
    section = None
    for r, c in zip(rows, cells):
        if r.section != section:
            section = r.section
            lines.append("[%s]" % section)
        lines.append(line(c))
    return "\n".join(lines + ["", baseline_summary(rows, tolerance), busy_warning(entry)])


def baseline_markdown(entry, rows):
    tolerance = entry["tolerance"]
    lines = ["### " + baseline_title(entry), "", baseline_explanation(tolerance), "",
             "| " + " | ".join(BASELINE_COLUMNS) + " |", "|" + " --- |" * len(BASELINE_COLUMNS)]
    section = None
    for r, c in zip(rows, baseline_cells(rows, tolerance)):
        if r.section != section:
            section = r.section
            lines.append("| **%s** |" % section + " |" * (len(BASELINE_COLUMNS) - 1))
        lines.append("| " + " | ".join(x.replace("|", "\\|") for x in c) + " |")
    return "\n".join(lines + ["", baseline_summary(rows, tolerance), "", busy_warning(entry),
                             ""])


# ---------------------------------------------------------------------------------------------
# Report

def machine_info(build):
    info = {"nproc": os.cpu_count(), "model_name": None, "memory_gib": None,
            "os": platform.platform(), "python": platform.python_version()}
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    info["model_name"] = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo") as f:
            info["memory_gib"] = round(int(f.readline().split()[1]) / 2 ** 20, 1)
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    info["os"] = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    try:
        info["nproc"] = int(subprocess.check_output(["nproc"], text=True).strip())
    except (OSError, subprocess.CalledProcessError, ValueError):
        pass
    cache = os.path.join(build, "CMakeCache.txt")
    if os.path.exists(cache):
        with open(cache) as f:
            for line in f:
                if line.startswith("CMAKE_BUILD_TYPE:"):
                    info["build_type"] = line.split("=", 1)[1].strip()
                if line.startswith("CMAKE_CXX_COMPILER:"):
                    compiler = line.split("=", 1)[1].strip()
                    try:
                        info["compiler"] = subprocess.check_output(
                            [compiler, "--version"], text=True).splitlines()[0]
                    except (OSError, subprocess.CalledProcessError):
                        pass
    commit, dirty = tree_commit()
    if commit:
        info["commit"] = commit + (" (with uncommitted changes)" if dirty else "")
    return info


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def agreement_lines(report, markdown):
    entries = [e for e in report.get("agreement", []) if "simpy" in e]
    if not entries:
        return []
    head = ["workload", "figure", "ccsim mean [95% CI]", "SimPy mean [95% CI]", "Erlang A",
            "CIs overlap", "Erlang A in CI (ccsim / SimPy)"]
    body = []
    for e in entries:
        for key, name in (("service_level", "service level (15 s)"),
                          ("abandon_rate", "abandoned / offered")):
            a, b = e["ccsim"][key], e["simpy"][key]
            body.append([
                e["workload"], name,
                "%.4f [%.4f, %.4f]" % (a["mean"], a["ci_low"], a["ci_high"]),
                "%.4f [%.4f, %.4f]" % (b["mean"], b["ci_low"], b["ci_high"]),
                "%.4f" % e["erlang_a"][key],
                "yes" if e[key + "_overlap"] else "!!! NO",
                "%s / %s" % ("yes" if e[key + "_erlang_a_in_ccsim_ci"] else "no",
                             "yes" if e[key + "_erlang_a_in_simpy_ci"] else "no")])
    if markdown:
        return ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)] + [
            "| " + " | ".join(r) + " |" for r in body]
    widths = [max(len(r[i]) for r in body + [head]) for i in range(len(head))]
    return ["  ".join(x.ljust(w) for x, w in zip(r, widths)).rstrip()
            for r in [head, ["-" * w for w in widths]] + body]


def octave_line(report):
    o = report.get("octave")
    if not o or not o.get("available"):
        return "Octave: not available."
    return ("Octave %s, queueing %s: %s grid points; max relative difference erlangb %.2e, "
            "erlangc %.2e (limit 1e-9: %s); ccsim %.3g s per grid pass (both functions), "
            "Octave %.3g s." % (
                o["octave"], o["queueing"], "{:,}".format(o["points"]), o["max_rel_error_erlangb"],
                o["max_rel_error_erlangc"], "OK" if o["agree_1e-9"] else "!!! EXCEEDED",
                o["ccsim_s_per_grid"]["median"], o["octave_s_per_grid"]["median"]))


def target_lines(rows):
    """Every target figure of the issues, measured (median) and met or not."""
    lines = []
    for r in rows:
        met = r.target_met()
        if met is not None:
            lines.append("%s: %s %s (target %s %s): %s" % (
                r.workload, fmt_number(r.ccsim["median"], r.unit), r.unit,
                ">=" if r.higher_is_better else "<=", fmt_number(r.target, r.unit),
                "met" if met else "MISSED"))
        for text, met in r.other_targets:
            lines.append("%s: %s: %s" % (r.workload, text, "met" if met else "MISSED"))
        met = r.ratio_met()
        if met is not None:
            lines.append("%s: ccsim / %s %s (target >= %gx): %s" % (
                r.workload, r.peer_name, fmt_number(r.ratio["median"], "x"), r.ratio_target,
                "met" if met else "MISSED"))
        for s in (r.ccsim, r.peer):
            if s and s["n"] >= 2 and (spread_pct(s) or 0.0) >= 10.0:
                lines.append("%s: spread %.1f%% of %s (target < 10%%)" % (
                    r.workload, spread_pct(s), "ccsim" if s is r.ccsim else r.peer_name))
    return lines


def markdown_header(report):
    m = report["machine"]
    peers = " SimPy %s (Python %s)." % (report.get("simpy_version", "?"),
                                        m.get("python_debian", "?"))
    return [
        "Measured %s with `%s` (%d runs per figure%s)." % (
            report["date"], report["command"], report["runs"],
            ", quick mode" if report["quick"] else ""),
        "",
        "Machine: %s, %s cores (`nproc`), %s GiB, %s; %s, %s build%s. Load average before / "
        "after: %s / %s.%s" % (
            m.get("model_name"), m.get("nproc"), m.get("memory_gib"), m.get("os"),
            m.get("compiler", "?"), m.get("build_type", "?"),
            ", commit " + m["commit"] if m.get("commit") else "", report["load_before"],
            report["load_after"], peers if not report["only_baseline"] else ""),
        "",
    ]


def markdown_main(report, rows):
    lines = [
        "Cells are median [min, max] over the runs; the runs column gives their count and the "
        "spread max/min - 1 (ccsim / peer; `!` marks 10% or more). Ratios are ccsim's speed "
        "over the peer's, run by run. Peak RSS in MiB (ccsim / peer).",
        "",
        markdown_table(rows),
        "",
    ]
    agreement = agreement_lines(report, markdown=True)
    if agreement:
        lines += ["Same model, ccsim vs SimPy (95% Student t intervals over the days; Erlang A "
                  "is the exact steady state from `ccsim erlang`):", ""] + agreement + [""]
    lines += [octave_line(report), "", "Targets (medians):", ""]
    lines += ["- " + t for t in target_lines(rows) if "spread" not in t]
    spreads = [t for t in target_lines(rows) if "spread" in t]
    lines += ["", "Figures whose max/min spread reached 10%% in this run (%d of %d): %s." % (
        len(spreads), sum(1 for r in rows for s in (r.ccsim, r.peer) if s and s["n"] >= 2),
        "; ".join(t.replace(" (target < 10%)", "") for t in spreads) or "none"), ""]
    return lines


def markdown_section(report, rows, baseline_rows):
    """The results section of docs/performance.md: the main table, the before / after table,
    or both."""
    lines = markdown_header(report)
    if rows:
        lines += markdown_main(report, rows)
    if baseline_rows:
        lines.append(baseline_markdown(report["baseline"], baseline_rows))
    return "\n".join(lines)


def update_docs(section):
    with open(DOCS) as f:
        text = f.read()
    start, end = text.find(BEGIN_MARK), text.find(END_MARK)
    if start < 0 or end < start:
        raise RuntimeError("%s has no %s ... %s markers" % (DOCS, BEGIN_MARK, END_MARK))
    text = text[:start + len(BEGIN_MARK)] + "\n" + section + text[end:]
    with open(DOCS, "w") as f:
        f.write(text)


def parse_args():
    p = argparse.ArgumentParser(prog="bench/run", description="ccsim benchmarks and peers",
                                allow_abbrev=False)  # bench/run reads some flags by name
    p.add_argument("--quick", action="store_true",
                   help="3 runs per figure, smaller grids and SimPy days (about 2 minutes)")
    p.add_argument("--runs", type=int, help="runs per figure (default 5, quick 3)")
    p.add_argument("--json", metavar="FILE", help="write every figure to FILE as JSON")
    p.add_argument("--markdown", metavar="FILE",
                   help="write the results section of docs/performance.md to FILE")
    p.add_argument("--update-docs", action="store_true",
                   help="replace the results section of docs/performance.md")
    p.add_argument("--baseline", metavar="REV",
                   help="also build REV (a git revision) in build-bench-baseline/<commit>/ and "
                        "compare its engine workloads with the working tree's, runs alternated")
    p.add_argument("--only-baseline", action="store_true",
                   help="with --baseline: only the before / after comparison (no peers)")
    p.add_argument("--tolerance", type=float, default=0.05,
                   help="before / after: a median ratio within 1 +- this is 'within' "
                        "(default 0.05)")
    p.add_argument("--build-dir", default=os.path.join(ROOT, "build-bench"),
                   help="where bench/run built the Release binaries")
    p.add_argument("--baseline-build-dir",
                   help="where bench/run built REV (default build-bench-baseline/<commit>)")
    p.add_argument("--no-build", action="store_true",
                   help="(handled by bench/run) reuse build-bench/ as it is; a baseline is "
                        "built anyway unless already built")
    p.add_argument("--command", help=argparse.SUPPRESS)  # the command line bench/run was given
    args = p.parse_args()
    if args.only_baseline and not args.baseline:
        p.error("--only-baseline needs --baseline REV")
    if args.only_baseline and args.update_docs:
        p.error("--update-docs replaces the whole results section: run it without "
                "--only-baseline (or write the section elsewhere with --markdown FILE)")
    if not 0.0 < args.tolerance < 1.0:
        p.error("--tolerance is a fraction between 0 and 1 (0.05 for 5%)")
    args.build_dir = os.path.abspath(args.build_dir)
    if args.baseline:
        commit = resolve_commit(args.baseline)
        if not commit:
            p.error("--baseline %s: not a commit of this repository" % args.baseline)
        args.baseline_build_dir = args.baseline_build_dir or os.path.join(BASELINE_BUILDS,
                                                                           commit)
        args.baseline_build_dir = os.path.abspath(args.baseline_build_dir)
        if not os.path.isdir(args.baseline_build_dir):
            p.error("%s does not exist: bench/run --baseline %s builds it" % (
                args.baseline_build_dir, args.baseline))
    return args


def main_rows(build, runs, quick, report):
    """Every workload of the main table, with the peers."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="ccsim-bench-") as tmp:
        rows += mmnm_rows(build, runs, quick, report)
        rows += octave_rows(build, runs, quick, tmp, report)
        rows += staffing_year_rows(build, runs)
        rows += engine_rows(build, runs, quick)
        rows += default_scenario_rows(build, runs)
        rows += batch_rows(build, runs, tmp)
        micro, context = micro_rows(build, runs, quick)
        report["google_benchmark"] = context
        rows += micro
    return rows


def print_main(report, rows):
    print()
    print("cells: median [min, max]; runs: count, spread max/min-1 (ccsim / peer, ! >= 10%); "
          "ratio: ccsim speed / peer speed; peak RSS MiB (ccsim / peer)")
    print()
    print(text_table(rows))
    agreement = agreement_lines(report, markdown=False)
    if agreement:
        print()
        print("Same model, ccsim vs SimPy (95% t intervals over days; Erlang A exact):")
        print("\n".join(agreement))
    print()
    print(octave_line(report))
    print()
    print("Targets (medians):")
    print("\n".join("  " + t for t in target_lines(rows) if "spread" not in t))


def main():
    args = parse_args()
    runs = args.runs or (3 if args.quick else 5)
    build = args.build_dir

    report = {"date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
              "command": args.command or "bench/run " + " ".join(map(shlex.quote, sys.argv[1:])),
              "runs": runs, "quick": args.quick, "only_baseline": args.only_baseline,
              "machine": machine_info(build), "load_before": load_average()}
    report["machine"]["python_debian"] = run(
        [PYTHON, "-c", "import platform; print(platform.python_version())"]).out.strip()
    started = time.perf_counter()
    rows = [] if args.only_baseline else main_rows(build, runs, args.quick, report)
    baseline_rows = []
    if args.baseline:
        report["baseline"], baseline_rows = baseline_comparison(
            args.baseline_build_dir, build, args.baseline, runs, args.quick, args.tolerance)
    report["load_after"] = load_average()
    report["seconds"] = round(time.perf_counter() - started, 1)
    versions = [e.get("simpy_version") for e in report.get("agreement", [])
                if e.get("simpy_version")]
    report["simpy_version"] = versions[0] if versions else None
    report["rows"] = [r.as_json() for r in rows]

    m = report["machine"]
    print()
    print("ccsim benchmarks: %s, %s cores, %s; %d runs per figure; load average %s -> %s" % (
        m.get("model_name"), m.get("nproc"), report["date"], runs, report["load_before"],
        report["load_after"]))
    if rows:
        print_main(report, rows)
    if baseline_rows:
        print()
        print(baseline_text(report["baseline"], baseline_rows))
    print("(%s s in all)" % report["seconds"])

    section = markdown_section(report, rows, baseline_rows)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(report, f, indent=2)
            f.write("\n")
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(section)
    if args.update_docs:
        update_docs(section)
    disagree = [e for e in report.get("agreement", []) if e.get("agree") is False]
    if disagree or (report.get("octave", {}).get("agree_1e-9") is False):
        say("!!! ccsim and a peer disagree on the same model: see the lines marked !!! above")
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
