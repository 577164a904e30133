#!/usr/bin/python3
"""The M/M/n+M day of `ccsim simulate`'s quick form, written in SimPy as a user would.

Poisson arrivals, exponential handle times (mean AHT), exponential patience, n agents as one
simpy.Resource served first come, first served. A caller hangs up when the patience runs out
before an agent takes the call. Calls arriving during the warm-up load the system but are not
counted; after the horizon no call arrives and agents work off the queue (waiting callers may
still hang up). Per replication: service level = answered within T / offered, abandonment =
abandoned / offered; the output gives their mean and 95% Student t interval over replications.

Run with Debian's /usr/bin/python3 (python3-simpy3). Prints one JSON object.
"""
import argparse
import json
import math
import random
import sys
import time

import simpy

# Two-sided 95% Student t quantiles (0.975) for 1 to 30 degrees of freedom.
T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]


def t975(df):
    if df <= len(T975):
        return T975[df - 1]
    # Beyond the table the quantile is close to normal; the 1/df term keeps it within 1e-3.
    return 1.960 + 2.4 / df


def mean_ci(values, share=True):
    n = len(values)
    mean = sum(values) / n
    if n < 2:
        return {"mean": mean, "ci_low": mean, "ci_high": mean}
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    half = t975(n - 1) * sd / math.sqrt(n)
    # Like ccsim: cut at 0, and at 1 for shares, which cannot leave that range.
    return {"mean": mean, "ci_low": max(0.0, mean - half),
            "ci_high": min(1.0, mean + half) if share else mean + half}


class tally:
    def __init__(self):
        self.arrivals = 0
        self.offered = 0
        self.answered = 0
        self.within = 0
        self.abandoned = 0


def caller(env, agents, counted, rng, args, stats):
    arrived = env.now
    with agents.request() as request:
        if not request.triggered:
            # Nobody free: the caller waits until an agent takes the call or patience runs out.
            patience = env.timeout(rng.expovariate(1.0 / args.patience))
            outcome = yield request | patience
            if request not in outcome:
                if counted:
                    stats.abandoned += 1
                return
        else:
            yield request
        if counted:
            stats.answered += 1
            if env.now - arrived <= args.threshold:
                stats.within += 1
        yield env.timeout(rng.expovariate(1.0 / args.aht))


def arrivals(env, agents, rng, args, stats):
    rate = args.calls_per_hour / 3600.0
    end = args.warmup + args.hours * 3600.0
    while True:
        yield env.timeout(rng.expovariate(rate))
        if env.now >= end:
            return
        stats.arrivals += 1
        counted = env.now >= args.warmup
        if counted:
            stats.offered += 1
        env.process(caller(env, agents, counted, rng, args, stats))


def replicate(args, replication):
    rng = random.Random(args.seed * 1000003 + replication)
    env = simpy.Environment()
    agents = simpy.Resource(env, capacity=args.agents)
    stats = tally()
    env.process(arrivals(env, agents, rng, args, stats))
    env.run()  # until the last caller has left
    return stats


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--calls-per-hour", type=float, required=True)
    p.add_argument("--aht", type=float, required=True, help="mean handle time, seconds")
    p.add_argument("--patience", type=float, required=True, help="mean patience, seconds")
    p.add_argument("--agents", type=int, required=True)
    p.add_argument("--threshold", type=float, default=15.0, help="seconds")
    p.add_argument("--hours", type=float, default=24.0)
    p.add_argument("--warmup", type=float, default=3600.0, help="seconds")
    p.add_argument("--replications", type=int, default=10)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()

    start = time.perf_counter()
    days = [replicate(args, r) for r in range(args.replications)]
    wall = time.perf_counter() - start
    calls = sum(d.arrivals for d in days)
    json.dump({
        "replications": args.replications,
        "calls": calls,
        "wall_s": wall,
        "calls_per_s": calls / wall if wall > 0 else 0.0,
        "simpy_version": simpy.__version__,
        "offered": mean_ci([d.offered for d in days], share=False),
        "service_level": mean_ci([d.within / d.offered for d in days]),
        "abandon_rate": mean_ci([d.abandoned / d.offered for d in days]),
        "answer_rate": mean_ci([d.answered / d.offered for d in days]),
    }, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
