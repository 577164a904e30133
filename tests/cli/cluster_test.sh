#!/usr/bin/env bash
# Shards (--shard I/N) run by GNU parallel in random order, then merged, equal the run on one
# machine, file for file and byte for byte (timing fields aside: wall_s, calls_per_s,
# threads), for N = 1, 2, 3, 7 and for batch, simulate with replications and whatif. A shard
# killed midway and run again resumes; the merge refuses shards that do not belong together.
set -euo pipefail
ccsim=$1 scenarios=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v parallel >/dev/null || fail "GNU parallel is missing (scripts/setup-debian.sh installs it)"
cd "$work"

# The timing fields differ between any two runs; everything else must not.
untimed() {
  find "$1" -name '*.json' -exec sed -i -E '/"(wall_s|calls_per_s|threads)":/d' {} +
  [ ! -f "$1/summary.csv" ] || sed -i 's/,[^,]*$//' "$1/summary.csv"
}
same() {
  untimed "$1"; untimed "$2"
  diff -r "$1" "$2" >/dev/null || { diff -r "$1" "$2" | head -20; fail "$3: $1 and $2 differ"; }
}
# shards CODE N COMMAND... : runs shards 1..N of the command through GNU parallel, in random
# order, into sN_1 .. sN_N, then merges them, given in random order too, into mN; the merge
# must exit with CODE (1 for a batch with an error row).
shards() {
  local expected=$1 n=$2; shift 2
  rm -rf "s${n}_"* "m$n"
  parallel --shuf -j 2 "$@" --shard {}/"$n" --out "s${n}_{}" '>' /dev/null '2>&1' ::: $(seq 1 "$n") ||
    fail "a shard of $* failed"
  local code=0
  # shellcheck disable=SC2046
  "$ccsim" merge $(printf "s${n}_%s\n" $(seq 1 "$n") | shuf) --out "m$n" > "m$n.stdout" \
    2> "m$n.stderr" || code=$?
  [ "$code" = "$expected" ] || { cat "m$n.stderr"; fail "merge of $n shards of $*: exit $code"; }
}
refused() {  # refused TEXT MERGE-ARGS...: the merge exits 2 saying TEXT
  local text=$1; shift
  set +e; "$ccsim" merge "$@" > /dev/null 2> refusal.txt; local code=$?; set -e
  [ "$code" = 2 ] || fail "merge $*: exit $code, expected 2"
  grep -qF -- "$text" refusal.txt || { cat refusal.txt; fail "merge $*: no '$text'"; }
}

# --- batch: six small scenarios (one heavier) and a broken file -------------------------------
mkdir in
for i in 1 2 3 4 5; do
  sed -e "s/^replications = .*/replications = $((i + 2))/" -e "0,/^name = .*/s//name = \"v$i\"/" \
      -e "s/^volumes = \[200, 200, 200, 200/volumes = [$((150 + 10 * i)), 200, 200, 200/" \
      "$scenarios/stationary.toml" > "in/v$i.toml"
done
printf 'name = "broken"\n[[queue]]\nname = "q"\nvolumes = [1, 2]\naht = "0s"\n' > in/broken.toml
batch=("$ccsim" batch in --seed 9 --threads 1)
"${batch[@]}" --out single > /dev/null 2>&1 || true   # exit 1: the broken file
for n in 1 2 3 7; do
  shards 1 "$n" "${batch[@]}"
  cp -r single single_copy
  same single_copy "m$n" "batch, $n shards"
  rm -rf single_copy
done
[ "$(grep -c ",ok," m3/summary.csv)" = 5 ] && [ "$(grep -c ",error," m3/summary.csv)" = 1 ] || fail "expected 5 ok rows and 1 error row"

# A shard that stopped midway (as a kill leaves it: shard.json unfinished, the replications
# after some point missing) is refused by the merge, then re-run: it keeps what it has and
# runs only the rest.
rm -rf k1 k2 k3 km
for i in 1 2 3; do "${batch[@]}" --shard $i/3 --out k$i > /dev/null 2>&1; done
total=$(find k2 -name '*.rep' | wc -l)
find k2 -name '*.rep' | sort | tail -n 3 | xargs rm
sed -i 's/"finished": true/"finished": false/' k2/shard.json
refused "incomplete shards; re-run them (they resume) and merge again: shard 2/3 (" k1 k2 k3 --out km
grep -qE 'did not finish\): v[0-9] replications? [0-9]' refusal.txt || { cat refusal.txt; fail "the refusal does not name the missing replications"; }
"${batch[@]}" --shard 2/3 --out k2 > k2.stdout 2>/dev/null
grep -q "3 replications run, $((total - 3)) kept from before" k2.stdout || { cat k2.stdout; fail "the re-run shard did not resume"; }
code=0; "$ccsim" merge k3 k1 k2 --out km > /dev/null 2>&1 || code=$?
[ "$code" = 1 ] || fail "merge after the re-run: exit $code, expected 1 (the error row)"
cp -r single single_copy
same single_copy km "batch, a stopped shard re-run"
rm -rf single_copy

# A real SIGKILL midway through a shard of 200 replications, then the re-run and the merge.
long=("$ccsim" simulate "$scenarios/stationary.toml" --replications 400 --seed 3 --format csv --threads 1)
"${long[@]}" --out long_single > long_single.stdout
"${long[@]}" --shard 2/2 --out l2 > /dev/null
"${long[@]}" --shard 1/2 --out l1 > /dev/null &
pid=$!
for _ in $(seq 1 500); do
  [ "$(find l1 -name '*.rep' 2>/dev/null | wc -l)" -ge 10 ] && break
  sleep 0.01
done
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
kept=$(find l1 -name '*.rep' | wc -l)
echo "killed shard: $kept of 200 replications kept"
"${long[@]}" --shard 1/2 --out l1 > l1.stdout
grep -q "$((200 - kept)) replications run, $kept kept from before" l1.stdout || { cat l1.stdout; fail "the killed shard did not resume"; }
"$ccsim" merge l1 l2 --out lm > lm.stdout
cmp long_single.stdout lm.stdout || fail "killed shard: stdout differs"
same long_single lm "simulate, a killed shard re-run"

# A shard folder is one shard's.
set +e; "${batch[@]}" --shard 2/3 --out k1 > /dev/null 2> reuse.txt; code=$?; set -e
[ "$code" = 2 ] && grep -q "holds shard 1/3 of a batch run; give each shard a folder of its own" reuse.txt ||
  { cat reuse.txt; fail "a shard wrote into another shard's folder (exit $code)"; }

# The merge's refusals.
refused "missing shards 2/3, 3/3 (of 3)" s3_1 --out r
refused "shard 1/3 is given twice" s3_1 s3_2 s3_3 k1 --out r
refused "not a shard folder" s3_1 in --out r
refused "missing shards 3/7, 4/7" s7_1 s7_2 s7_5 s7_6 s7_7 --out r
"$ccsim" batch in --seed 10 --threads 1 --shard 2/2 --out other2 > /dev/null 2>&1
refused "the command lines differ" s2_1 other2 --out r
sed -i 's/^name = "v1"/name = "v1 changed"/' in/v1.toml
"${batch[@]}" --shard 2/2 --out changed2 > /dev/null 2>&1
refused "the inputs of v1 (input hash, replications) differ" s2_1 changed2 --out r
refused "the inputs of v1 changed after the shards ran" s2_1 s2_2 --out r
sed -i 's/^name = "v1 changed"/name = "v1"/' in/v1.toml

# --- simulate with replications: the result folder and what it prints --------------------------
sim=("$ccsim" simulate "$scenarios/default.toml" --replications 7 --seed 4 --format csv --threads 1)
"${sim[@]}" --out simulate_single > simulate_single.stdout
for n in 1 2 3 7; do
  shards 0 "$n" "${sim[@]}"
  cmp simulate_single.stdout "m$n.stdout" || fail "simulate, $n shards: stdout differs"
  cp -r simulate_single single_copy
  same single_copy "m$n" "simulate, $n shards"
  rm -rf single_copy
done

# --- whatif: the comparison, written as merge_dir/whatif.csv -----------------------------------
whatif=("$ccsim" whatif "$scenarios/default.toml" --vary group.regular.shift.late-a.agents=+1,+2
        --replications 5 --seed 2 --format csv --threads 1)
"${whatif[@]}" --out whatif_single.csv
for n in 1 2 3 7; do
  shards 0 "$n" "${whatif[@]}"
  cmp whatif_single.csv "m$n/whatif.csv" || fail "whatif, $n shards: whatif.csv differs"
done
refused "the commands differ" k1 s3_2 s3_3 --out r
echo "cluster test passed: batch, simulate and whatif merged byte-identical for N = 1, 2, 3, 7"
