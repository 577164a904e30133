#!/usr/bin/python3
"""Validate ccsim against a real call log: the Technion "Anonymous Bank", any month of 1999.

One command reproduces the whole study (docs/validation.md, "A real call log"):

    /usr/bin/python3 validation/anonymous_bank.py [--data PATH] [--out DIR] [--ccsim PATH]

For every working day (Sunday to Thursday, 07:00-24:00) it
  1. measures what happened, per half hour: offered, answered, abandoned, service level
     (answered within 15 s / offered), answer rate, ASA, AHT, and two staffing estimates
     (distinct agents who started a call in the half hour; mean agents busy);
  2. estimates the model inputs the way a planner would: volume and AHT per half hour,
     exponential patience by the censored-data MLE per day, lognormal handle times with the
     day's coefficient of variation;
  3. writes a forecast CSV and a scenario TOML per day and staffing estimate, runs
     `ccsim simulate` on it and `ccsim erlang` (Erlang A) on every half hour;
  4. compares observed, simulated and Erlang A figures and writes the tables as Markdown
     (OUT/comparison.md, also printed) and CSV.

Nothing is tuned: the inputs come from the log by the stated estimators, then we compare.
Standard library only (Debian's /usr/bin/python3).

Real logs have flaws, and the script says what it left out rather than stopping: rows with
fused or shifted columns (a wrong number of fields, or fields that do not read as their
column's kind) are skipped and counted; a half hour without calls has no observed shares and
is left out of the comparisons of shares; a working day without answered or abandoned calls
(no AHT or patience to estimate) is skipped and named.
"""

import argparse
import collections
import csv
import datetime
import json
import math
import os
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.join(os.path.dirname(REPO), "shared", "data", "anonymous_bank_1999-02.tsv")
DEFAULT_OUT = os.path.join(REPO, "validation", "out")
DEFAULT_CCSIM = os.path.join(REPO, "build", "cli", "ccsim")

HALF_HOUR = 1800
DAY_START = 7 * 3600  # 07:00: agents start answering at about 07:00 on working days
DAY_END = 24 * 3600  # 24:00: the last agents leave at midnight
SLOTS = (DAY_END - DAY_START) // HALF_HOUR  # 34 half hours
QUEUE = "bank"  # not "all": ccsim's intervals.csv uses "all" for all queues together

# Sunday..Thursday is the Israeli working week; Friday is a short day and Saturday almost
# closed, so their half-hour profiles are a different kind of day (and very small).
WORKING_DAYS = {"Sun", "Mon", "Tue", "Wed", "Thu"}


# ---------------------------------------------------------------------------------------
# Reading the log
# ---------------------------------------------------------------------------------------

def clock(text):
    """'7:02:47' -> seconds since midnight; ValueError for anything else."""
    h, m, s = text.split(":")
    if not (0 <= int(m) < 60 and 0 <= int(s) < 60 and 0 <= int(h) < 48):
        raise ValueError("clock time out of range: %r" % text)
    return int(h) * 3600 + int(m) * 60 + int(s)


def day_of(date):
    """'990201' -> datetime.date(1999, 2, 1); ValueError for anything else."""
    if len(date) != 6 or not date.isdigit():
        raise ValueError("not a YYMMDD date: %r" % date)
    return datetime.date(1900 + int(date[:2]), int(date[2:4]), int(date[4:6]))


def weekday(date):
    """'990201' -> 'Mon'."""
    return day_of(date).strftime("%a")


def month_title(dates):
    """'February 1999', or 'February to March 1999' for a log spanning months."""
    first, last = day_of(dates[0]), day_of(dates[-1])
    if (first.year, first.month) == (last.year, last.month):
        return first.strftime("%B %Y")
    return "%s to %s" % (first.strftime("%B %Y"), last.strftime("%B %Y"))


def hhmm(seconds):
    return "%02d:%02d" % (seconds // 3600, seconds % 3600 // 60)


class Call:
    """One row of the log, reduced to what the study uses."""

    __slots__ = ("date", "type", "priority", "customer", "arrival", "outcome", "wait",
                 "joined_queue", "ser_start", "ser_time", "server")


OUTCOMES = {"AGENT", "HANG", "PHANTOM"}


def read_log(path, counts):
    """Reads the TSV. Drops PHANTOM rows (the data's own marker for calls to ignore), and rows
    with fused or shifted columns: counts["malformed"] (a wrong number of fields) and
    counts["unreadable"] (a field that does not read as its column's kind)."""
    calls = []
    with open(path, newline="") as f:
        lines = csv.reader(f, delimiter="\t")
        header = next(lines, None)
        if not header:
            sys.exit("error: %s is empty" % path)
        for fields in lines:
            if not any(x.strip() for x in fields):
                continue
            counts["rows"] += 1
            if len(fields) != len(header):
                counts["malformed"] += 1
                continue
            try:
                c = parse_call(dict(zip(header, fields)))
            except (KeyError, ValueError):
                counts["unreadable"] += 1
                continue
            if c is None:
                counts["phantom"] += 1
                continue
            calls.append(c)
    return calls


def parse_call(row):
    """One row as a Call, None for PHANTOM; ValueError when a field is not of its kind."""
    if row["outcome"] not in OUTCOMES:
        raise ValueError("outcome")
    if row["outcome"] == "PHANTOM":
        return None
    weekday(row["date"])  # a valid YYMMDD date, or ValueError
    c = Call()
    c.date = row["date"]
    c.type = row["type"]
    c.priority = row["priority"]
    c.customer = row["customer_id"]
    # A call enters the agents' queue when it leaves the VRU.
    c.arrival = clock(row["vru_exit"])
    c.outcome = row["outcome"]  # AGENT (answered) or HANG (abandoned)
    c.wait = int(row["q_time"])
    # q_start is 0:00:00 both for calls answered at once and for calls that never
    # joined the queue; a HANG with q_start 0:00:00 hung up before reaching it.
    c.joined_queue = clock(row["q_start"]) != 0
    c.ser_time = int(row["ser_time"])
    c.server = row["server"]
    c.ser_start = clock(row["ser_start"]) if c.outcome == "AGENT" else None
    # A service that starts after midnight is stamped with the small clock time.
    if c.ser_start is not None and c.ser_start < c.arrival - 3600:
        c.ser_start += 86400
    if c.wait < 0 or c.ser_time < 0:
        raise ValueError("negative time")
    return c


def is_vru_hangup(c):
    """Hung up with no wait and no queue entry: in the VRU or during the transfer.

    1,941 of the month's 5,904 HANG rows look like this. Two thirds happen while nobody is
    waiting in the queue, when a caller who reached it would have been answered at once, and
    they continue through the night when no agent works: they are not abandonments from the
    agents' queue. The study leaves them out of `offered` (--vru-hangups include keeps them as
    zero-second abandonments).
    """
    return c.outcome == "HANG" and c.wait == 0 and not c.joined_queue


# ---------------------------------------------------------------------------------------
# Observed figures and model inputs
# ---------------------------------------------------------------------------------------

def slot_of(seconds):
    """Half-hour index within the study window, or None outside it."""
    if DAY_START <= seconds < DAY_END:
        return (seconds - DAY_START) // HALF_HOUR
    return None


def ratio(num, den):
    return num / den if den else None


def observe_day(calls, threshold):
    """Per half hour and for the day: what the log says happened.

    `calls` are one date's calls (PHANTOM and, unless asked, VRU hang-ups removed); those
    arriving outside 07:00-24:00 are ignored for the queue figures but still count towards
    the agents' work (a 06:55 call served at 07:01 keeps an agent busy at 07:01).
    """
    slots = [collections.Counter() for _ in range(SLOTS)]
    handle = [[] for _ in range(SLOTS)]
    servers = [set() for _ in range(SLOTS)]
    busy = [0.0] * SLOTS  # agent-seconds of service inside each half hour
    for c in calls:
        s = slot_of(c.arrival)
        if s is not None:
            o = slots[s]
            o["offered"] += 1
            o["wait_sum"] += c.wait
            if c.outcome == "AGENT":
                o["answered"] += 1
                o["asa_sum"] += c.wait
                if c.wait <= threshold:  # ccsim counts wait <= T as within T
                    o["within"] += 1
                handle[s].append(c.ser_time)
            else:
                o["abandoned"] += 1
        # Staffing proxies from the agents' side: who started a call when, busy time.
        if c.outcome == "AGENT" and c.server != "NO_SERVER":
            s = slot_of(c.ser_start)
            if s is not None:
                servers[s].add(c.server)
            start, end = c.ser_start, c.ser_start + c.ser_time
            for k in range(max(0, (start - DAY_START) // HALF_HOUR),
                           min(SLOTS, (end - DAY_START) // HALF_HOUR + 1)):
                lo = DAY_START + k * HALF_HOUR
                overlap = min(end, lo + HALF_HOUR) - max(start, lo)
                if overlap > 0:
                    busy[k] += overlap

    rows = []
    for s in range(SLOTS):
        o = slots[s]
        rows.append({
            "slot": s,
            "start": hhmm(DAY_START + s * HALF_HOUR),
            "offered": o["offered"],
            "answered": o["answered"],
            "abandoned": o["abandoned"],
            "within": o["within"],
            "wait_sum": o["wait_sum"],
            "service_level": ratio(o["within"], o["offered"]),
            "answer_rate": ratio(o["answered"], o["offered"]),
            "abandon_rate": ratio(o["abandoned"], o["offered"]),
            "asa_s": ratio(o["asa_sum"], o["answered"]),
            "aht_obs": statistics.fmean(handle[s]) if handle[s] else None,
            "handle_times": handle[s],
            "agents": len(servers[s]),
            "busy": busy[s] / HALF_HOUR,
        })
    return rows


def day_totals(rows):
    t = collections.Counter()
    for r in rows:
        for k in ("offered", "answered", "abandoned", "within", "wait_sum"):
            t[k] += r[k]
    asa_sum = sum(r["asa_s"] * r["answered"] for r in rows if r["answered"])
    return {
        "offered": t["offered"],
        "answered": t["answered"],
        "abandoned": t["abandoned"],
        "service_level": ratio(t["within"], t["offered"]),
        "answer_rate": ratio(t["answered"], t["offered"]),
        "abandon_rate": ratio(t["abandoned"], t["offered"]),
        "asa_s": ratio(asa_sum, t["answered"]),
        "wait_sum": t["wait_sum"],
        "busy": statistics.fmean(r["busy"] for r in rows),
    }


def estimate_inputs(rows, totals):
    """The planner's estimates for one day.

    - volume: the calls offered in each half hour (the forecast a perfect forecaster makes);
    - AHT: mean handle time of the calls answered in that half hour; a half hour without
      answered calls takes the day's AHT (it only matters for calls that then get answered);
    - patience: exponential, mean = total time waited by all callers / abandonments. This is
      the maximum-likelihood estimate for exponential patience observed with censoring (an
      answered caller's wait is a lower bound on its patience);
    - handle-time shape: lognormal with the coefficient of variation of the handle times
      divided by their half hour's AHT (the simulation scales a mean-1 shape by each half
      hour's AHT, so the shape must be measured net of the daily AHT profile).
    """
    all_handle = [h for r in rows for h in r["handle_times"]]
    day_aht = statistics.fmean(all_handle)
    for r in rows:
        r["aht_s"] = r["aht_obs"] if r["aht_obs"] else day_aht
    normalised = [h / r["aht_s"] for r in rows for h in r["handle_times"]]
    cv = statistics.pstdev(normalised) / statistics.fmean(normalised)
    patience = totals["wait_sum"] / totals["abandoned"] if totals["abandoned"] else None
    return {"aht_s": day_aht, "cv": cv, "patience_s": patience, "normalised": normalised}


# ---------------------------------------------------------------------------------------
# Scenario files
# ---------------------------------------------------------------------------------------

def hhmmss(seconds):
    return "%02d:%02d:%02d" % (seconds // 3600, seconds % 3600 // 60, seconds % 60)


def half_hour_shifts(levels, prefix):
    """Whole agents per half hour -> one shift per half hour covering exactly that half hour
    (--shifts per-half-hour; kept to show the overtime effect explained in layered_shifts)."""
    return [("%s-%s" % (prefix, hhmm(DAY_START + s * HALF_HOUR).replace(":", "")),
             DAY_START + s * HALF_HOUR, DAY_START + (s + 1) * HALF_HOUR, n)
            for s, n in enumerate(levels)]


def layered_shifts(levels, prefix):
    """Whole agents per half hour -> shifts, one per run of half hours an agent is needed.

    Agent k (k = 1, 2, ...) works every run of consecutive half hours with at least k agents.
    One shift per half hour would also give the right head count, but every agent whose shift
    ends mid-call finishes it while the next half hour's agents log in: in this study 0.46
    agents more logged in per half hour on average (about 7% more capacity), against 0.03
    with continuous shifts, whose overtime falls only where the staffing really drops."""
    out = []
    for k in range(1, max(levels, default=0) + 1):
        s = 0
        while s < SLOTS:
            if levels[s] >= k:
                e = s
                while e < SLOTS and levels[e] >= k:
                    e += 1
                name = "%s%d-%s" % (prefix, k, hhmm(DAY_START + s * HALF_HOUR).replace(":", ""))
                out.append((name, DAY_START + s * HALF_HOUR, DAY_START + e * HALF_HOUR, 1))
                s = e
            else:
                s += 1
    return out


def shifts_distinct(rows, builder):
    """Staffing 'agents': in each half hour, the number of distinct agents who started a call
    in it. Shift changes run before arrivals at the same instant, so the staffing steps
    exactly at the half-hour boundaries."""
    return builder([r["agents"] for r in rows], "agent")


def shifts_busy(rows, builder):
    """Staffing 'busy': exactly as many agent-seconds as the log shows agents busy serving
    calls, a lower bound on the agents who were really available. A half hour with 4.3 busy
    agents gets 4 agents for the whole half hour and a fifth for its first 30% (9 minutes),
    so the simulated agent time equals the observed busy time."""
    out = builder([int(math.floor(r["busy"] + 1e-9)) for r in rows], "agent")
    for r in rows:
        begin = DAY_START + r["slot"] * HALF_HOUR
        extra = int(round((r["busy"] - math.floor(r["busy"] + 1e-9)) * HALF_HOUR))
        if extra > 0:
            out.append(("part-" + r["start"].replace(":", ""), begin, begin + extra, 1))
    return out


def write_day_inputs(folder, date, rows, est, shifts, args, note):
    """forecast.csv and scenario.toml for one day and one staffing estimate (docs/scenarios.md)."""
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "forecast.csv"), "w") as f:
        f.write("# %s (%s): observed offered calls and AHT per half hour, Anonymous Bank\n"
                % (date, weekday(date)))
        f.write("interval_start,calls,aht_s,patience_s\n")
        for r in rows:
            f.write("%s,%d,%.1f,%.1f\n" % (r["start"], r["offered"], r["aht_s"], est["patience_s"]))
    if args.handle_times == "empirical":
        with open(os.path.join(folder, "handle_times.csv"), "w") as f:
            f.write("handle_time_over_aht\n")  # ccsim rescales these to mean 1 itself
            for x in est["normalised"]:
                f.write("%.6g\n" % x)
        handle = '{ distribution = "empirical", file = "handle_times.csv" }'
    else:
        handle = '{ distribution = "lognormal", cv = %.4f }' % est["cv"]

    lines = [
        "# Generated by validation/anonymous_bank.py from the Anonymous Bank log, %s (%s)."
        % (date, weekday(date)),
        "# One queue for all call types and priorities; one agent group. Staffing: %s" % note,
        'name = "anonymous-bank-%s"' % date,
        "",
        "[run]",
        "replications = %d" % args.replications,
        "seed = %d" % args.seed,
        "",
        "[day]",
        'interval = "30min"',
        'open = "%s"' % hhmm(DAY_START),
        'close = "%s"' % hhmm(DAY_END),
        'start = "%s"' % hhmm(DAY_START),
        "",
        "[[queue]]",
        'name = "%s"' % QUEUE,
        'forecast = "forecast.csv"',
        'threshold = "%gs"' % args.threshold,
        "handle_time = %s" % handle,
        '# exponential, censored-data MLE: total wait of all callers / abandonments',
        'patience = { distribution = "exponential", mean = "%.1fs" }' % est["patience_s"],
        "",
        "[[group]]",
        'name = "agents"',
        'skills = ["%s"]' % QUEUE,
    ]
    for name, begin, end, agents in shifts:
        lines += ["", "[[group.shift]]", 'name = "%s"' % name, 'start = "%s"' % hhmmss(begin),
                  'end = "%s"' % hhmmss(end), "agents = %d" % agents]
    with open(os.path.join(folder, "scenario.toml"), "w") as f:
        f.write("\n".join(lines) + "\n")


# ---------------------------------------------------------------------------------------
# Running ccsim
# ---------------------------------------------------------------------------------------

# The two staffing estimates, each simulated and fed to Erlang A. The log has no login or
# state records, so the agents available to take calls are not observed; these two bracket
# them from above (an agent who started a call in the half hour was there, though perhaps not
# for all of it nor free for calls) and from below (at least this many were busy on average).
STAFFING = [
    ("agents", "distinct agents who started a call in the half hour (the proxy)",
     shifts_distinct, lambda r: r["agents"]),
    ("busy", "mean agents busy serving calls (a lower bound)",
     shifts_busy, lambda r: r["busy"]),
]


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit("error: %s failed (exit %d): %s" % (" ".join(cmd), p.returncode, p.stderr.strip()))
    return p.stdout


SHARES = {"service_level", "answer_rate", "abandon_rate", "occupancy"}


def prediction_interval(key, fig, replications):
    """A 95% interval for ONE simulated day, from ccsim's 95% CI of the mean.

    The observed day is a single realisation, so it has to be compared with the spread of
    single simulated days, not with the (sqrt(n) times narrower) interval of their mean.
    ccsim reports mean +- h with h = t * sd / sqrt(n); the prediction interval for a new
    replication is mean +- t * sd * sqrt(1 + 1/n) = mean +- h * sqrt(n + 1): t cancels.
    ccsim cuts intervals of shares at 0 and 1, so h is taken from the side not cut.
    """
    m, lo, hi = fig["mean"], fig["ci_low"], fig["ci_high"]
    if m is None or lo is None or hi is None:
        return None
    h = max(m - lo, hi - m) * math.sqrt(replications + 1)
    return (max(0.0, m - h), min(1.0, m + h) if key in SHARES else m + h)


def figure(key, fig, replications):
    return {"mean": fig["mean"], "ci": (fig["ci_low"], fig["ci_high"]),
            "pi": prediction_interval(key, fig, replications)}


DAY_KEYS = ("offered", "service_level", "answer_rate", "abandon_rate", "asa_s", "agents_busy",
            "occupancy")
INTERVAL_KEYS = ("offered", "service_level", "answer_rate", "abandon_rate", "asa_s")


def num(text):
    return float(text) if text not in ("", None) else None


def read_sim_intervals(folder, replications):
    """DIR/intervals.csv (this queue's rows) and DIR/group_intervals.csv, by interval start."""
    res = collections.defaultdict(dict)
    with open(os.path.join(folder, "intervals.csv"), newline="") as f:
        for row in csv.DictReader(f):
            if row["queue"] != QUEUE:
                continue
            for key in INTERVAL_KEYS:
                fig = {"mean": num(row[key]), "ci_low": num(row[key + "_ci_low"]),
                       "ci_high": num(row[key + "_ci_high"])}
                res[row["interval_start"]][key] = figure(key, fig, replications)
    with open(os.path.join(folder, "group_intervals.csv"), newline="") as f:
        for row in csv.DictReader(f):
            if row["group"] == "agents":
                fig = {"mean": num(row["agents_busy"]), "ci_low": num(row["agents_busy_ci_low"]),
                       "ci_high": num(row["agents_busy_ci_high"])}
                res[row["interval_start"]]["agents_busy"] = figure("agents_busy", fig, replications)
    return res


def simulate(args, folder):
    summary = json.loads(run([args.ccsim, "simulate", os.path.join(folder, "scenario.toml"),
                              "--replications", str(args.replications), "--seed", str(args.seed),
                              "--threads", str(args.threads), "--format", "json",
                              "--out", os.path.join(folder, "sim")]))
    day = {key: figure(key, summary[key], args.replications) for key in DAY_KEYS}
    return day, read_sim_intervals(os.path.join(folder, "sim"), args.replications)


def erlang_a(ccsim, calls, aht, agents, patience, threshold):
    """ccsim erlang (Erlang A) for one half hour, as a stationary queue. A half hour without
    calls, or without agents, needs no formula: nothing answered (its weight is its calls)."""
    if calls == 0 or agents <= 0:
        return {"service_level": 0.0, "answer_rate": 0.0, "asa_s": 0.0,
                "load_erlangs": calls * aht / HALF_HOUR}
    out = run([ccsim, "erlang", "--calls", str(calls), "--interval", "30min",
               "--aht", "%.3fs" % aht, "--agents", "%.4g" % agents,
               "--patience", "%.3fs" % patience, "--threshold", "%gs" % threshold,
               "--format", "json"])
    return json.loads(out)


def erlang_day(rows, ea):
    """Day figures from the half hours' Erlang A values: call-weighted, ASA answered-weighted,
    busy agents = answered load (occupancy x agents) averaged over the half hours."""
    calls = sum(r["offered"] for r in rows)
    answered = sum(e["answer_rate"] * r["offered"] for r, e in zip(rows, ea))
    return {
        "service_level": sum(e["service_level"] * r["offered"] for r, e in zip(rows, ea)) / calls,
        "answer_rate": answered / calls,
        "abandon_rate": 1.0 - answered / calls,
        "asa_s": sum(e["asa_s"] * e["answer_rate"] * r["offered"]
                     for r, e in zip(rows, ea)) / answered if answered else None,
        "agents_busy": statistics.fmean(e["load_erlangs"] * e["answer_rate"] for e in ea),
    }


# ---------------------------------------------------------------------------------------
# Diagnostics from the log alone
# ---------------------------------------------------------------------------------------

def heterogeneity(calls, threshold):
    """Observed figures by priority and by call type: the single-queue model ignores these."""
    groups = collections.defaultdict(collections.Counter)
    for c in calls:
        keys = ["priority " + c.priority, "type " + c.type]
        if c.arrival < DAY_START + 2 * HALF_HOUR:
            keys.append("priority %s, 07:00-08:00" % c.priority)
        for key in keys:
            g = groups[key]
            g["offered"] += 1
            g["wait_sum"] += c.wait
            if c.outcome == "AGENT":
                g["answered"] += 1
                g["asa_sum"] += c.wait
                g["within"] += c.wait <= threshold
                g["at_once"] += c.wait == 0
                g["handle"] += c.ser_time
            else:
                g["abandoned"] += 1
    rows = []
    for key in sorted(groups, key=lambda k: (k.split()[0], "," in k, -groups[k]["offered"])):
        g = groups[key]
        rows.append([key, g["offered"], fmt(ratio(g["at_once"], g["answered"]), "%.2f"),
                     fmt(ratio(g["within"], g["offered"])),
                     fmt(ratio(g["answered"], g["offered"])),
                     fmt(ratio(g["asa_sum"], g["answered"]), "%.1f"),
                     fmt(ratio(g["handle"], g["answered"]), "%.0f"),
                     fmt(ratio(g["wait_sum"], g["abandoned"]), "%.0f")])
    return md_table(["calls", "offered", "answered at once", "SL 15 s", "answer rate",
                     "ASA (s)", "AHT (s)", "patience MLE (s)"], rows)


def idle_while_waiting(calls, min_wait=30):
    """For answered calls that waited at least min_wait seconds: how often was an agent whom
    the proxy counts in the call's half hour serving no call at all during the whole wait?

    Such an agent was logged in by the proxy's reckoning, yet the log shows no call for them
    while a caller waited: they were in after-call work, on a break, on other work or serving
    another queue (skills). Returns (calls examined, calls with such an agent)."""
    services = collections.defaultdict(list)
    proxy = collections.defaultdict(set)
    for c in calls:
        if c.outcome == "AGENT" and c.server != "NO_SERVER":
            services[(c.date, c.server)].append((c.ser_start, c.ser_start + c.ser_time))
            s = slot_of(c.ser_start)
            if s is not None:
                proxy[(c.date, s)].add(c.server)
    examined = with_idle = 0
    for c in calls:
        s = slot_of(c.arrival)
        if c.outcome != "AGENT" or c.wait < min_wait or s is None:
            continue
        examined += 1
        # A one-second margin at each end: the log's clocks disagree by a second or two.
        a, b = c.arrival + 1, c.arrival + c.wait - 1
        for server in proxy[(c.date, s)]:
            if all(e <= a or st >= b for st, e in services[(c.date, server)]):
                with_idle += 1
                break
    return examined, with_idle


def redial_share(calls):
    """Share of abandoning identified customers who call again later the same day."""
    by_customer = collections.defaultdict(list)
    for c in calls:
        if c.customer != "0":
            by_customer[(c.date, c.customer)].append(c)
    abandoned = again = 0
    for attempts in by_customer.values():
        attempts.sort(key=lambda c: c.arrival)
        for i, c in enumerate(attempts):
            if c.outcome == "HANG":
                abandoned += 1
                again += i + 1 < len(attempts)
    return abandoned, again


# ---------------------------------------------------------------------------------------
# Reporting
# ---------------------------------------------------------------------------------------

FIGURES = [  # key, label, number format
    ("service_level", "SL 15 s", "%.3f"),
    ("answer_rate", "answer rate", "%.3f"),
    ("abandon_rate", "abandonment", "%.3f"),
    ("asa_s", "ASA (s)", "%.1f"),
    ("agents_busy", "agents busy", "%.2f"),
]


def fmt(value, form="%.3f"):
    return "-" if value is None else form % value


def inside(x, interval):
    return interval is not None and x is not None and interval[0] <= x <= interval[1]


def md_table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


def sim_cell(fig, form, observed):
    """'0.812 [0.74, 0.88]' with a * when the observed value lies outside the interval."""
    pi = fig["pi"]
    if pi is None:
        return fmt(fig["mean"], form)
    mark = "" if inside(observed, pi) else " *"
    return "%s [%s, %s]%s" % (form % fig["mean"], form % pi[0], form % pi[1], mark)


def observed(day, key):
    return day["obs"]["busy"] if key == "agents_busy" else day["obs"][key]


def observed_half_hour(r, key):
    return r["busy"] if key == "agents_busy" else r[key]


def summary_rows(days, dates, staffing):
    """One row per figure: means, biases, errors and coverage over days and half hours."""
    rows = []
    for key, label, form in FIGURES:
        # Days where the log or a model has no value for the figure (no answered call: no
        # ASA) are left out of its row.
        used = [d for d in dates
                if observed(days[d], key) is not None
                and days[d]["runs"][staffing]["sim"][key]["mean"] is not None
                and days[d]["runs"][staffing]["ea_day"][key] is not None]
        if not used:
            continue
        obs = [observed(days[d], key) for d in used]
        sim = [days[d]["runs"][staffing]["sim"][key] for d in used]
        ea = [days[d]["runs"][staffing]["ea_day"][key] for d in used]
        in_pi = sum(inside(o, s["pi"]) for o, s in zip(obs, sim))
        in_ci = sum(inside(o, s["ci"]) for o, s in zip(obs, sim))
        hh_in = hh_all = 0
        for d in used:
            for r in days[d]["rows"]:
                s = days[d]["runs"][staffing]["sim_iv"].get(r["start"], {}).get(key)
                ob = observed_half_hour(r, key)
                if r["offered"] == 0 or s is None or s["pi"] is None or ob is None:
                    continue
                hh_all += 1
                hh_in += inside(ob, s["pi"])
        sim_m = [s["mean"] for s in sim]
        digits = "%+.1f" if key == "asa_s" else "%+.3f"
        rows.append([label, form % statistics.fmean(obs), form % statistics.fmean(sim_m),
                     form % statistics.fmean(ea),
                     digits % statistics.fmean(s - o for s, o in zip(sim_m, obs)),
                     digits.replace("+", "") % statistics.fmean(abs(s - o)
                                                                for s, o in zip(sim_m, obs)),
                     digits % statistics.fmean(e - o for e, o in zip(ea, obs)),
                     digits.replace("+", "") % statistics.fmean(abs(e - o)
                                                                for e, o in zip(ea, obs)),
                     "%d/%d" % (in_pi, len(used)), "%d/%d" % (in_ci, len(used)),
                     "%d/%d" % (hh_in, hh_all)])
    return md_table(["figure", "observed", "sim", "Erlang A", "sim bias", "sim MAE",
                     "ErlA bias", "ErlA MAE", "days in PI", "days in CI", "half hours in PI"],
                    rows)


def counts_skipped_days(counts):
    return ["%s (%s)" % (d, why) for d, why in counts.get("skipped_days", [])]


def build_report(args, counts, kept, days, dates, typical, started):
    md = []
    md.append("# ccsim against the Anonymous Bank log (%s)\n" % month_title(dates))
    md.append("Log %s. Rows skipped as flawed: %d with fused or shifted columns (a wrong number "
              "of fields), %d with a field that does not read as its column's kind. Working "
              "days skipped: %s. Half hours without calls (no observed shares; left out of "
              "the comparisons of shares): %d.\n"
              % (args.data, counts["malformed"], counts["unreadable"],
                 ", ".join(counts_skipped_days(counts)) or "none", counts["empty_half_hours"]))
    md.append("Log rows %d; PHANTOM dropped %d; Friday and Saturday calls left out %d; "
              "hang-ups that never reached the queue %s %d; working-day calls arriving outside "
              "07:00-24:00 (not studied) %d. Working days: %d, %s to %s. Simulation: %d "
              "replications per day and staffing, seed %d, %s handle times, exponential "
              "patience, %s shifts. Intervals after a simulated value are 95%% prediction "
              "intervals for one simulated day; * marks an observed value outside it.\n"
              % (counts["rows"], counts["phantom"], counts["friday_saturday"],
                 "left out:" if args.vru_hangups == "exclude" else "kept as abandoned:",
                 counts["vru_hangups"], counts["outside_window"], len(dates), dates[0],
                 dates[-1], args.replications, args.seed, args.handle_times, args.shifts))

    rows = []
    for d in dates:
        D = days[d]
        agents = [r["agents"] for r in D["rows"]]
        rows.append([d, weekday(d), D["obs"]["offered"], D["obs"]["abandoned"],
                     "%.0f" % D["est"]["aht_s"], "%.2f" % D["est"]["cv"],
                     fmt(D["est"]["patience_s"], "%.0f"), "%.1f" % (sum(agents) / 2),
                     "%.1f" % (sum(r["busy"] for r in D["rows"]) / 2), max(agents)])
    md.append("## Inputs estimated from the log, per day\n")
    md.append("AHT: mean handle (talk) time of answered calls (the scenarios use one AHT per half "
              "hour); handle cv: coefficient of variation of handle time / its half hour's AHT; "
              "patience: censored-data MLE, total wait of all callers / abandonments; "
              "agent-hours: the two staffing estimates summed over the day.\n")
    md.append(md_table(["date", "day", "offered", "abandoned", "AHT (s)", "handle cv",
                        "patience (s)", "agent-hours (proxy)", "agent-hours (busy)",
                        "peak agents (proxy)"], rows) + "\n")

    md.append("## Per day, staffing = the proxy: observed, simulated (mean [95% PI]), Erlang A\n")
    rows = []
    for d in dates:
        D, R = days[d], days[d]["runs"]["agents"]
        row = [d, weekday(d)]
        for key, form in (("service_level", "%.3f"), ("answer_rate", "%.3f"), ("asa_s", "%.1f")):
            row += [fmt(D["obs"][key], form), sim_cell(R["sim"][key], form, D["obs"][key]),
                    fmt(R["ea_day"][key], form)]
        rows.append(row)
    md.append(md_table(["date", "day", "SL obs", "SL sim", "SL ErlA", "AR obs", "AR sim",
                        "AR ErlA", "ASA obs", "ASA sim", "ASA ErlA"], rows) + "\n")
    md.append("Abandonment is 1 - answer rate in all three columns (no call is left waiting "
              "at midnight).\n")

    md.append("## Per day, the two staffing estimates side by side (simulated means)\n")
    rows = []
    bracketed = collections.Counter()
    for d in dates:
        D = days[d]
        row = [d, weekday(d)]
        for key, form in (("service_level", "%.3f"), ("answer_rate", "%.3f"), ("asa_s", "%.1f")):
            o = D["obs"][key]
            hi = D["runs"]["agents"]["sim"][key]["mean"]
            lo = D["runs"]["busy"]["sim"][key]["mean"]
            between = min(lo, hi) <= o <= max(lo, hi)
            bracketed[key] += between
            row += [fmt(o, form), fmt(hi, form), fmt(lo, form)]
        rows.append(row)
    md.append(md_table(["date", "day", "SL obs", "SL proxy", "SL busy", "AR obs", "AR proxy",
                        "AR busy", "ASA obs", "ASA proxy", "ASA busy"], rows) + "\n")
    md.append("Observed value between the two simulated means: SL %d/%d days, answer rate "
              "%d/%d, ASA %d/%d.\n" % (bracketed["service_level"], len(dates),
                                        bracketed["answer_rate"], len(dates),
                                        bracketed["asa_s"], len(dates)))

    for name, note, _, _ in STAFFING:
        md.append("## Summary across the %d days, staffing = %s\n" % (len(dates), note))
        md.append(summary_rows(days, dates, name) + "\n")
    md.append("Bias = model - observed, averaged over days; MAE = mean absolute error over "
              "days. `days in PI`: observed day inside the simulation's 95% prediction interval "
              "for one day; `days in CI`: inside the (narrower) 95% confidence interval of the "
              "simulated mean; `half hours in PI`: the same for every half hour with calls. "
              "A correct model puts about 95% of observations inside the PI.\n")

    D = days[typical]
    md.append("## %s (%s), the working day with the median volume, half hour by half hour\n"
              % (typical, weekday(typical)))
    md.append("agents: the proxy (the scenario's staffing); busy: mean agents busy serving calls, "
              "observed and simulated; sim: simulated with the proxy, mean [95% PI]; "
              "busy-staffed: simulated mean with the lower-bound staffing.\n")
    rows = []
    A, B = D["runs"]["agents"], D["runs"]["busy"]
    for i, r in enumerate(D["rows"]):
        s, e, b = A["sim_iv"].get(r["start"], {}), A["ea"][i], B["sim_iv"].get(r["start"], {})
        head = [r["start"], r["offered"], r["agents"], "%.1f" % r["busy"],
                fmt(s.get("agents_busy", {}).get("mean"), "%.1f")]
        if r["offered"] == 0:
            rows.append(head + ["-"] * 10)
            continue
        rows.append(head + [
            fmt(r["service_level"], "%.2f"),
            sim_cell(s["service_level"], "%.2f", r["service_level"]),
            fmt(e["service_level"], "%.2f"), fmt(b["service_level"]["mean"], "%.2f"),
            fmt(r["answer_rate"], "%.2f"), sim_cell(s["answer_rate"], "%.2f", r["answer_rate"]),
            fmt(e["answer_rate"], "%.2f"), fmt(b["answer_rate"]["mean"], "%.2f"),
            fmt(r["asa_s"], "%.0f"), fmt(s["asa_s"]["mean"], "%.0f")])
    md.append(md_table(["start", "offered", "agents", "busy obs", "busy sim", "SL obs", "SL sim",
                        "SL ErlA", "SL busy-staffed", "AR obs", "AR sim", "AR ErlA",
                        "AR busy-staffed", "ASA obs", "ASA sim"], rows) + "\n")

    md.append("## What the model leaves out, seen in the log (all %d working days, 07:00-24:00)\n"
              % len(dates))
    window = [c for c in kept if slot_of(c.arrival) is not None]
    md.append(heterogeneity(window, args.threshold) + "\n")
    examined, with_idle = idle_while_waiting(kept)
    md.append("Answered calls that waited 30 s or more: %d. For %d of them (%.0f%%), at least one "
              "agent counted by the proxy in that half hour served no call during the whole "
              "wait.\n" % (examined, with_idle, 100.0 * with_idle / examined if examined else 0))
    abandoned, again = redial_share(window)
    md.append("Identified customers (customer_id not 0) who abandoned: %d; %d of them (%.0f%%) "
              "called again later the same day. Their redials are in the observed volumes; the "
              "scenarios treat them as independent Poisson arrivals.\n"
              % (abandoned, again, 100.0 * again / abandoned if abandoned else 0))
    md.append("Run time %.0f s; ccsim binary %s.\n" % (time.time() - started, args.ccsim))
    return "\n".join(md)


def write_csvs(out, days, dates):
    """Every number behind the tables, for other tools: days.csv and half_hours.csv."""
    keys = ("service_level", "answer_rate", "abandon_rate", "asa_s", "agents_busy")
    with open(os.path.join(out, "days.csv"), "w", newline="") as f:
        w = csv.writer(f)
        head = ["date", "weekday", "offered", "aht_s", "handle_cv", "patience_s"]
        for key in keys:
            head.append(key + "_obs")
            for name, _, _, _ in STAFFING:
                head += ["%s_sim_%s" % (key, name), "%s_sim_%s_pi_low" % (key, name),
                         "%s_sim_%s_pi_high" % (key, name), "%s_erlang_a_%s" % (key, name)]
        w.writerow(head)
        for d in dates:
            D = days[d]
            row = [d, weekday(d), D["obs"]["offered"], "%.2f" % D["est"]["aht_s"],
                   "%.4f" % D["est"]["cv"], "%.2f" % D["est"]["patience_s"]]
            for key in keys:
                row.append(observed(D, key))
                for name, _, _, _ in STAFFING:
                    s = D["runs"][name]["sim"][key]
                    row += [s["mean"], s["pi"][0], s["pi"][1], D["runs"][name]["ea_day"][key]]
            w.writerow(row)
    with open(os.path.join(out, "half_hours.csv"), "w", newline="") as f:
        w = csv.writer(f)
        head = ["date", "interval_start", "offered", "answered", "abandoned", "aht_s",
                "agents_proxy", "agents_busy_obs"]
        for key in ("service_level", "answer_rate", "asa_s", "agents_busy"):
            head.append(key + "_obs")
            for name, _, _, _ in STAFFING:
                head += ["%s_sim_%s" % (key, name), "%s_sim_%s_pi_low" % (key, name),
                         "%s_sim_%s_pi_high" % (key, name)]
        w.writerow(head)
        for d in dates:
            D = days[d]
            for r in D["rows"]:
                row = [d, r["start"], r["offered"], r["answered"], r["abandoned"],
                       "%.2f" % r["aht_s"], r["agents"], "%.3f" % r["busy"]]
                for key in ("service_level", "answer_rate", "asa_s", "agents_busy"):
                    row.append(observed_half_hour(r, key))
                    for name, _, _, _ in STAFFING:
                        s = D["runs"][name]["sim_iv"].get(r["start"], {}).get(key)
                        pi = (s or {}).get("pi") or (None, None)
                        row += [(s or {}).get("mean"), pi[0], pi[1]]
                w.writerow(row)


# ---------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description="Validate ccsim against the Anonymous Bank call log "
                                 "(docs/validation.md, 'A real call log').")
    ap.add_argument("--data", default=DEFAULT_DATA, help="the TSV log (default: %(default)s)")
    ap.add_argument("--out", default=DEFAULT_OUT, help="output folder (default: %(default)s)")
    ap.add_argument("--ccsim", default=DEFAULT_CCSIM, help="ccsim binary (default: %(default)s)")
    ap.add_argument("--replications", type=int, default=50)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threshold", type=float, default=15.0, help="answer threshold, seconds")
    ap.add_argument("--handle-times", choices=["lognormal", "empirical"], default="lognormal",
                    help="handle-time shape in the scenarios (default: %(default)s)")
    ap.add_argument("--vru-hangups", choices=["exclude", "include"], default="exclude",
                    help="HANG rows that never joined the queue (default: %(default)s)")
    ap.add_argument("--typical-day", help="YYMMDD for the half-hour table (default: the "
                    "working day with the median offered volume)")
    ap.add_argument("--shifts", choices=["continuous", "per-half-hour"], default="continuous",
                    help="how a staffing profile becomes shifts (default: %(default)s)")
    args = ap.parse_args()
    started = time.time()
    builder = layered_shifts if args.shifts == "continuous" else half_hour_shifts
    if not os.path.isfile(args.data):
        sys.exit("error: no call log at %s; give --data PATH (the Anonymous Bank TSV of any "
                 "month)" % args.data)
    if not os.access(args.ccsim, os.X_OK):
        sys.exit("error: no ccsim binary at %s (build: cmake --build build -j2)" % args.ccsim)

    counts = collections.Counter()
    kept = []
    for c in read_log(args.data, counts):
        if weekday(c.date) not in WORKING_DAYS:
            counts["friday_saturday"] += 1
            continue
        if is_vru_hangup(c):
            counts["vru_hangups"] += 1
            if args.vru_hangups == "exclude":
                continue
        kept.append(c)
        if slot_of(c.arrival) is None:
            counts["outside_window"] += 1
    by_date = collections.defaultdict(list)
    for c in kept:
        by_date[c.date].append(c)
    dates = sorted(by_date)
    if args.typical_day and args.typical_day not in by_date:
        sys.exit("error: --typical-day %s is not a working day of the log" % args.typical_day)

    os.makedirs(args.out, exist_ok=True)
    days = {}
    counts["skipped_days"] = []
    studied = []
    for date in dates:
        rows = observe_day(by_date[date], args.threshold)
        totals = day_totals(rows)
        # A day without answered calls has no AHT; without abandonments, no patience estimate.
        if not totals["answered"] or not totals["abandoned"]:
            counts["skipped_days"].append(
                (date, "no answered calls" if not totals["answered"] else "no abandonments"))
            print("%s %s: skipped (%s)" % (date, weekday(date), counts["skipped_days"][-1][1]),
                  file=sys.stderr)
            continue
        studied.append(date)
        counts["empty_half_hours"] += sum(1 for r in rows if r["offered"] == 0)
        est = estimate_inputs(rows, totals)
        runs = {}
        for name, note, make_shifts, erlang_agents in STAFFING:
            folder = os.path.join(args.out, "day_" + date, name)
            write_day_inputs(folder, date, rows, est, make_shifts(rows, builder), args, note)
            sim, sim_iv = simulate(args, folder)
            ea = [erlang_a(args.ccsim, r["offered"], r["aht_s"], erlang_agents(r),
                           est["patience_s"], args.threshold) for r in rows]
            runs[name] = {"sim": sim, "sim_iv": sim_iv, "ea": ea, "ea_day": erlang_day(rows, ea)}
        days[date] = {"rows": rows, "obs": totals, "est": est, "runs": runs}
        print("%s %s: %d calls offered, simulated" % (date, weekday(date), totals["offered"]),
              file=sys.stderr)

    dates = studied
    if not dates:
        sys.exit("error: no working day of %s can be studied" % args.data)
    if args.typical_day and args.typical_day not in days:
        sys.exit("error: --typical-day %s was skipped (see above)" % args.typical_day)
    typical = args.typical_day
    if typical is None:
        by_volume = sorted(dates, key=lambda d: days[d]["obs"]["offered"])
        typical = by_volume[(len(by_volume) - 1) // 2]

    report = build_report(args, counts, kept, days, dates, typical, started)
    with open(os.path.join(args.out, "comparison.md"), "w") as f:
        f.write(report)
    write_csvs(args.out, days, dates)
    print(report)


if __name__ == "__main__":
    main()
