#!/usr/bin/env bash
# Numbers read exactly and sizes bounded on the command line (issue 14): for each class of
# numeric option, overflow, NaN, infinity, huge values and negative zero either fail with exit
# 2 and a message naming the option, the limit and the value, or (negative zero where zero is
# allowed) run as zero.
set -uo pipefail
ccsim=$1 scenarios=$2
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# rejects "EXPECTED TEXT" ARGS...: exit 2, one error line holding the expected text and the value.
rejects() {
  local expected=$1 value=${*: -1}
  shift
  local err
  err=$("$ccsim" "$@" 2>&1 >/dev/null)
  local code=$?
  [ "$code" = 2 ] || fail "$*: exit $code, expected 2 ($err)"
  [[ $err == *"$expected"* ]] || fail "$*: '$err' lacks '$expected'"
  [[ $err == *"'$value'"* ]] || fail "$*: '$err' does not show the value '$value'"
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
erlang=(erlang --aht 180s --sl 0.8)
quick=(simulate --calls 100 --aht 180s --agents 5 --hours 1)

# Whole numbers, read as 64 bits and range-checked before the conversion to int.
for v in 4294967298 2147483648 99999999999999999999 -1 nan inf 1e3 -0 10000001; do
  rejects "--replications: must be a whole number from 1 to 10000000" "${quick[@]}" --replications "$v"
done
for v in 4294967298 2147483648 nan 100001; do
  rejects "--agents: must be a whole number from 0 to 100000" simulate --calls 100 --aht 180s --hours 1 --agents "$v"
  rejects "--max-agents: must be a whole number from 1 to 100000" "${erlang[@]}" --calls 100 --max-agents "$v"
done
rejects "--threads: must be a whole number from 1 to 1024" "${quick[@]}" --threads 4294967298
rejects "--seed: must be a whole number from 0 to 9223372036854775807" "${quick[@]}" --seed 99999999999999999999
rejects "--max-chats: must be a whole number from 1 to 64" erlang --channel chat --calls 10 --aht 5min --sl 0.8 --max-chats 4294967298

# Real numbers: NaN, infinities and huge values.
for v in nan inf -inf 1e999 1e308 2e9 -1; do
  rejects "--calls: must be a number in [0, 1000000]" "${erlang[@]}" --calls "$v"
  rejects "--agents: must be a number in [0, 100000]" erlang --aht 180s --calls 10 --agents "$v"
done
for v in nan inf 0 -0 1.5; do
  rejects "--max-occupancy: must be a number in (0, 1]" "${erlang[@]}" --calls 10 --max-occupancy "$v"
done

# Shares.
for v in nan inf -0 1 1e308; do
  rejects "--sl: must be a share strictly between 0 and 1" erlang --aht 180s --calls 10 --sl "$v"
done

# Durations: overflow once the unit is applied, not finite, beyond the limit, negative zero.
for v in 1e308h 1e306d nan inf 1e999s; do
  rejects "--aht: must be a duration such as" erlang --sl 0.8 --calls 10 --aht "$v"
done
for v in 1e10s 1e300 -0s 0; do
  rejects "--aht: must be a duration > 0 and at most 1e+09s" erlang --sl 0.8 --calls 10 --aht "$v"
done
rejects "--interval: must be a duration > 0 and at most 1e+09s" "${erlang[@]}" --calls 10 --interval 1e308

# Negative zero where zero is allowed runs as zero, and never prints as -0.
out=$("$ccsim" erlang --aht 180s --calls -0 --agents 3 --format csv 2>&1) || fail "--calls -0: $out"
[[ $out == *"-0"* ]] && fail "--calls -0 printed a negative zero: $out"
out=$("$ccsim" "${quick[@]}" --threshold -0s --replications 2 --format csv 2>&1) ||
  fail "--threshold -0s: $out"

# A load beyond the staffing search's limit: exit 2 naming the options (it used to hang).
err=$("$ccsim" erlang --sl 0.8 --calls 1e6 --aht 1e9s 2>&1); code=$?
[ "$code" = 2 ] || fail "load limit: exit $code"
[[ $err == *"--calls x --aht / --interval: an offered load of 5.55556e+11 Erlang is above the limit of 1e+06 Erlang (got 1e+06 calls x 1e+09s / 30min)"* ]] ||
  fail "load limit: $err"

# A run whose work is above the limit is refused before it starts, unless --allow-huge.
rejects_work() {
  local err code
  err=$("$ccsim" "$@" 2>&1 >/dev/null); code=$?
  [ "$code" = 2 ] || fail "$*: exit $code, expected 2"
  [[ $err == *"above the limit of 1e+10"*"--allow-huge"* ]] || fail "$*: $err"
}
rejects_work simulate "$scenarios/default.toml" --replications 10000000
rejects_work whatif "$scenarios/default.toml" --vary queue.hotline.volume_scale=1,2 --replications 5000000

# In a batch, a scenario above the work limit is an error row; the others run.
mkdir -p "$work/in"
cp "$scenarios/stationary.toml" "$work/in/small.toml"
sed 's/^replications = .*/replications = 10000000/' "$scenarios/stationary.toml" > "$work/in/huge.toml"
"$ccsim" batch "$work/in" --out "$work/out2" --threads 1 >/dev/null 2>&1
[ $? = 1 ] || fail "batch with a huge scenario: expected exit 1"
grep -q 'huge.toml,[^,]*,error,.*above the limit of 1e+10' "$work/out2/summary.csv" || fail "no work-limit row: $(cat "$work/out2/summary.csv")"
grep -q 'small.toml,[^,]*,ok,' "$work/out2/summary.csv" || fail "the small scenario did not run"

# staff formats CSV a block of rows at a time (bounded memory): one header, every row.
{ echo interval_start,calls,aht_s; for i in $(seq 0 4999); do echo "$((i * 900)),$((20 + i % 50)),180"; done; } > "$work/long.csv"
"$ccsim" staff "$work/long.csv" --sl 0.8 --format csv > "$work/out.csv" || fail "staff on 5000 rows"
[ "$(grep -c interval_start "$work/out.csv")" = 1 ] || fail "staff csv: header repeated"
[ "$(wc -l < "$work/out.csv")" = 5001 ] || fail "staff csv: $(wc -l < "$work/out.csv") lines, expected 5001"

[ "$failures" = 0 ] || { echo "$failures failures"; exit 1; }
echo "all number checks passed"
