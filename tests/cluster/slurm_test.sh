#!/usr/bin/env bash
# scripts/slurm/ccsim-array.sbatch on a real one-node Slurm cluster that this script starts
# itself (munged, slurmctld and slurmd as root on localhost, state in a temporary folder):
# a job array of 3 shards of a batch, a merge job depending on it, and the merged summary
# compared with the batch run in one process (timing fields aside). Exit code 77 (skipped)
# when the machine cannot run it: not root, Slurm or munge not installed (Debian slurmctld,
# slurmd, slurm-client, munge), or slurmd does not come up.
set -euo pipefail
ccsim=$(realpath "$1") scenarios=$(realpath "$2")
root=$(cd "$(dirname "$0")/../.." && pwd)
skip() { echo "SKIPPED: $*"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }
[ "$(id -u)" = 0 ] || skip "needs root to start slurmctld and slurmd"
for tool in munged slurmctld slurmd sbatch squeue; do
  command -v "$tool" >/dev/null || skip "$tool is not installed (apt-get install slurmctld slurmd slurm-client munge)"
done
work=$(mktemp -d /tmp/ccsim-slurm.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  sleep 0.5
  rm -rf "$work"
}
trap cleanup EXIT

# munge: a key of our own and a socket in the work folder.
mkdir -p "$work/munge"
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 700 "$work/munge"; chmod 400 "$work/munge/munge.key"
munged --force --key-file="$work/munge/munge.key" --socket="$work/munge/socket" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/munge/munged.log" --seed-file="$work/munge/seed"
pids+=("$(cat "$work/munge/munged.pid")")

cpus=$(nproc)
mkdir -p "$work/state" "$work/spool"
cat > "$work/slurm.conf" <<CONF
ClusterName=ccsim-test
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$work/munge/socket
CryptoType=crypto/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
SlurmctldPort=16817
SlurmdPort=16818
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
NodeName=localhost CPUs=$cpus State=UNKNOWN
PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$work/slurm.conf
slurmctld -f "$SLURM_CONF" -i
slurmd -f "$SLURM_CONF"
sleep 1
pids+=("$(cat "$work/slurmctld.pid" 2>/dev/null || echo 0)" "$(cat "$work/slurmd.pid" 2>/dev/null || echo 0)")
up=no
for _ in $(seq 1 50); do
  sinfo -h -o %T 2>/dev/null | grep -qE '^(idle|mixed|allocated)' && { up=yes; break; }
  sleep 0.2
done
[ $up = yes ] || { tail -5 "$work/slurmd.log" "$work/slurmctld.log" 2>/dev/null; skip "slurmd did not come up on this machine"; }

# The batch of the cluster test, as one process and as a Slurm job array of 3 shards.
cd "$work"
mkdir in
for i in 1 2 3 4; do
  sed -e "s/^replications = .*/replications = $((i + 2))/" -e "0,/^name = .*/s//name = \"v$i\"/" \
      "$scenarios/stationary.toml" > "in/v$i.toml"
done
"$ccsim" batch in --seed 9 --threads 1 --out single > /dev/null 2>&1
export CCSIM=$ccsim
job=$(sbatch --parsable --array=0-2 --output="$work/task-%a.out" \
        "$root/scripts/slurm/ccsim-array.sbatch" shard 3 "$work/run" batch in --seed 9)
merge=$(sbatch --parsable --dependency=afterany:"$job" --output="$work/merge.out" \
        "$root/scripts/slurm/ccsim-array.sbatch" merge 3 "$work/run" "$work/merged")
for _ in $(seq 1 300); do
  [ -z "$(squeue -h -j "$job,$merge" 2>/dev/null)" ] && break
  sleep 0.2
done
[ -f merged/summary.csv ] || { cat "$work"/task-*.out "$work/merge.out" 2>/dev/null; fail "the merge job wrote no summary"; }
strip() { sed 's/,[^,]*$//' "$1"; }
diff <(strip single/summary.csv) <(strip merged/summary.csv) || fail "the Slurm run's summary differs"
for f in single/v*/intervals.csv; do cmp "$f" "merged/${f#single/}" || fail "$f differs"; done
echo "Slurm job array of 3 shards and a dependent merge: the same results as one process"
