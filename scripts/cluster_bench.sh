#!/usr/bin/env bash
# Measures what docs/cluster.md reports: a batch of 200 scenario-days (20 scenarios, 10
# replications each) run as one process and as 2 shards in parallel (GNU parallel), the
# merge's time, and the shard folders' size. The merged summary is checked against the
# single run (timing fields aside).
#
#   scripts/cluster_bench.sh build/cli/ccsim [SCALE]
#
# Each scenario is scenarios/stationary.toml with its volume and agents times SCALE (default
# 20: 4,000 calls an hour, 220 to 239 agents, 96,000 calls a day). Run it on a quiet machine.
set -euo pipefail
ccsim=$(realpath "$1") scale=${2:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
mkdir in
for i in $(seq 1 20); do
  sed -e "0,/^name = .*/s//name = \"day $i\"/" -e "s/^replications = .*/replications = 10/" \
      -e "s/\b200\b/$((200 * scale))/g" -e "s/^agents = 11/agents = $((11 * scale + i - 1))/" \
      "$root/scenarios/stationary.toml" > "in/day$i.toml"
done
# "wall cpu": elapsed and CPU (user + system, children included) seconds of a command.
seconds() { /usr/bin/time -f '%e %U %S' "$@" 2>&1 >/dev/null | tail -n 1 | awk '{printf "%s %.2f", $1, $2 + $3}'; }
wall() { echo "${1%% *}"; }
cpu() { echo "${1##* }"; }
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
one=$(seconds "$ccsim" batch in --threads 1 --out single)
two=$(seconds parallel -j 2 "$ccsim" batch in --threads 1 --shard {}/2 --out s{} ::: 1 2)
merge=$(seconds "$ccsim" merge s1 s2 --out merged)
# The same, each process in a session of its own: where the kernel shares the CPU between
# sessions (sched_autogroup) and other work runs, a lone session gets one share however many
# processes it runs, so only this shows what a second process buys on a busy machine.
elapsed() { local s e; s=$(date +%s.%N); "$@"; e=$(date +%s.%N); awk "BEGIN {printf \"%.2f\", $e - $s}"; }
alone() { setsid -w "$ccsim" batch in --threads 1 "$@" > /dev/null 2>&1; }
apart() { alone --shard 1/2 --out t1 & alone --shard 2/2 --out t2 & wait; }
one_session=$(elapsed alone --out single2)
two_sessions=$(elapsed apart)
strip() { sed 's/,[^,]*$//' "$1"; }
diff <(strip single/summary.csv) <(strip merged/summary.csv) >/dev/null || { echo "FAIL: summaries differ"; exit 1; }
start=$(seconds "$ccsim" batch in/day1.toml --threads 1 --replications 1 --shard 1/1 --out tiny)
files=$(find s1 s2 -name '*.rep' | wc -l)
bytes=$(du -sb s1 s2 | awk '{s += $1} END {print s}')
echo "                              wall s   CPU s"
echo "one process, 1 thread:        $(wall "$one")   $(cpu "$one")"
echo "2 shards in parallel (-j 2):  $(wall "$two")   $(cpu "$two")   speed-up $(awk "BEGIN {printf \"%.2f\", $(wall "$one") / $(wall "$two")}")x"
echo "the same in sessions of their own: $one_session / $two_sessions s   speed-up $(awk "BEGIN {printf \"%.2f\", $one_session / $two_sessions}")x"
echo "merge of the 2 shards:        $(wall "$merge")   $(cpu "$merge")"
echo "one shard of 1 replication:   $(wall "$start")   $(cpu "$start")  (start-up, loading, one day, writing)"
echo "shard folders:                $files replication files, $bytes bytes ($((bytes / files)) per replication)"
echo "load average after:           $(cut -d' ' -f1-3 /proc/loadavg)"
