#!/usr/bin/env bash
# ccsim batch end to end: a broken file costs only its own row; a batch killed midway keeps
# what finished, and --resume runs only the rest and ends with the same summary as an
# uninterrupted run (wall times aside).
set -euo pipefail
ccsim=$1 scenarios=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# Twelve variants of the stationary scenario, heavy enough to be killed midway, and one
# broken file.
mkdir "$work/in"
for i in $(seq 10 21); do
  sed -e "0,/^name = .*/s//name = \"variant $i\"/" \
      -e "s/^\[\[queue\]\]/[[queue]]\nvolume_scale = 0.$((i + 70))/" \
      "$scenarios/stationary.toml" > "$work/in/s$i.toml"
  printf '\n[targets]\nservice_level = 0.8\n' >> "$work/in/s$i.toml"
done
printf 'name = "broken"\n[[queue]]\nname = "q"\nvolumes = [1, 2]\naht = "0s"\n' > "$work/in/broken.toml"
total=13

# 1. Uninterrupted: n - 1 ok rows, one error row, exit code 1.
set +e
"$ccsim" batch "$work/in" --out "$work/a" --replications 40 --threads 1 >/dev/null 2>"$work/a.log"
code=$?
set -e
[ "$code" = 1 ] || fail "exit code $code, expected 1"
ok=$(grep -c ',ok,' "$work/a/summary.csv" || true)
errors=$(grep -c ',error,' "$work/a/summary.csv" || true)
[ "$ok" = 12 ] && [ "$errors" = 1 ] || fail "expected 12 ok and 1 error rows, got $ok and $errors"
grep -q 'broken.toml:5:7: queue.q.aht: must be > 0' "$work/a/summary.csv" || fail "error row lacks its message"
# Each row names its scenario and says whether its targets were met.
head -1 "$work/a/summary.csv" | grep -q '^file,scenario,status,message,replications,seed,targets,' ||
  fail "summary header: $(head -1 "$work/a/summary.csv")"
grep -q ',variant 10,ok,,40,1,\(met\|not_met\|uncertain\),' "$work/a/summary.csv" ||
  fail "no row with the scenario's name and its targets verdict"

# 2. Killed midway: SIGKILL once two scenarios have finished.
"$ccsim" batch "$work/in" --out "$work/b" --replications 40 --threads 1 >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  [ "$(find "$work/b" -name summary.json -path '*/s*/*' 2>/dev/null | wc -l)" -ge 2 ] && break
  sleep 0.05
done
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
finished=$(find "$work/b" -name summary.json -path '*/s*/*' | wc -l)
[ "$finished" -ge 2 ] || fail "the batch did not get going"
# What finished is complete: no temporary files left as results.
for f in $(find "$work/b" -name summary.json -path '*/s*/*'); do
  grep -q '"input_hash"' "$f" || fail "$f is incomplete"
done

# 3. Resume: only the missing scenarios run.
set +e
"$ccsim" batch "$work/in" --out "$work/b" --replications 40 --threads 1 --resume >/dev/null 2>"$work/b.log"
code=$?
set -e
[ "$code" = 1 ] || fail "resume exit code $code, expected 1"
resumed=$(grep -c ': resumed ' "$work/b.log" || true)
ran=$(grep -c ': ok ' "$work/b.log" || true)
[ "$resumed" = "$finished" ] || fail "resumed $resumed scenarios, $finished had finished"
[ $((resumed + ran + 1)) = "$total" ] || fail "resumed $resumed + ran $ran + 1 error != $total"

# 4. The same summary as the uninterrupted run, but for wall times (the last column).
strip() { sed 's/,[^,]*$//' "$1"; }
diff <(strip "$work/a/summary.csv") <(strip "$work/b/summary.csv") || fail "summaries differ"

# 5. A second --resume runs nothing; changing an input reruns just that scenario.
"$ccsim" batch "$work/in" --out "$work/b" --replications 40 --resume >/dev/null 2>"$work/c.log" || true
[ "$(grep -c ': ok ' "$work/c.log" || true)" = 0 ] || fail "a complete batch was rerun"
sed -i 's/^name = "variant 15"/name = "variant 15 changed"/' "$work/in/s15.toml"
"$ccsim" batch "$work/in" --out "$work/b" --replications 40 --resume >/dev/null 2>"$work/d.log" || true
[ "$(grep -c ': ok ' "$work/d.log" || true)" = 1 ] || fail "a changed scenario was not rerun alone"
# 6. --excel: every CSV starts with a UTF-8 byte order mark; without it none does.
"$ccsim" batch "$work/in/s10.toml" --out "$work/e" --replications 2 --excel >/dev/null 2>&1
for f in "$work/e/summary.csv" "$work/e/s10/intervals.csv"; do
  [ "$(head -c 3 "$f" | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "$f lacks the byte order mark"
done
[ "$(head -c 3 "$work/a/summary.csv" | od -An -tx1 | tr -d ' ')" != efbbbf ] ||
  fail "a byte order mark without --excel"
echo "batch test passed ($finished of 12 finished before the kill)"
