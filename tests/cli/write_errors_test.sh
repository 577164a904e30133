#!/usr/bin/env bash
# Failed writes (issue 14, item 3): exit 2 naming the path and the system's reason, never the
# internal-error exit 4; no *.tmpPID left behind; in a batch, a scenario whose results cannot
# be written is an error row while the others complete, and a summary that cannot be written
# stops the batch resumably. Works as root too: /dev/full and paths through a regular file fail
# for root; the read-only folder case is skipped as root (root may write there).
set -uo pipefail
ccsim=$1 scenarios=$2
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
forecast=$(dirname "$0")/data/forecast.csv

# expect CODE "TEXT" ARGS...: the exit code and a stderr holding TEXT.
expect() {
  local want=$1 text=$2
  shift 2
  local err code
  err=$("$ccsim" "$@" 2>&1 >/dev/null); code=$?
  [ "$code" = "$want" ] || fail "$*: exit $code, expected $want ($err)"
  [[ $err == *"$text"* ]] || fail "$*: '$err' lacks '$text'"
}
no_temporaries() {
  local left
  left=$(find "$@" -name '*.tmp*' 2>/dev/null)
  [ -z "$left" ] || fail "temporary files left behind: $left"
}

# A full disk.
expect 2 "/dev/full: cannot write the file: No space left on device" \
  staff "$forecast" --sl 0.8 --format html --out /dev/full
[ -c /dev/full ] || fail "/dev/full is no longer a device"
# Standard output on a full disk.
err=$("$ccsim" erlang --calls 10 --aht 3min --agents 3 2>&1 >/dev/full); code=$?
[ "$code" = 2 ] || fail "stdout on /dev/full: exit $code"
[[ $err == *"standard output: cannot write: No space left on device"* ]] || fail "stdout: $err"

# A folder that cannot be made: a regular file is in the way.
touch "$work/plain"
expect 2 "$work/plain/out: --out: cannot create the folder: Not a directory" \
  simulate "$scenarios/default.toml" --replications 2 --out "$work/plain/out"
expect 2 "$work/plain/out: --out: cannot create the folder: Not a directory" \
  batch "$scenarios/stationary.toml" --out "$work/plain/out"

# A read-only folder (not as root: root may write there anyway).
if [ "$(id -u)" != 0 ]; then
  mkdir "$work/ro" && chmod a-w "$work/ro"
  expect 2 "$work/ro/report.html: cannot write the file: Permission denied" \
    staff "$forecast" --sl 0.8 --format html --out "$work/ro/report.html"
  no_temporaries "$work/ro"
fi

# A batch: one scenario's result folder blocked by a file is an error row; the others run.
mkdir "$work/in"
for n in a b c; do cp "$scenarios/stationary.toml" "$work/in/$n.toml"; done
mkdir "$work/out" && touch "$work/out/b"
expect 1 "" batch "$work/in" --out "$work/out" --replications 2 --threads 1
grep -q 'b.toml,[^,]*,error,.*b: cannot create the folder: Not a directory' "$work/out/summary.csv" || fail "no error row for b: $(cat "$work/out/summary.csv")"
[ "$(grep -c ',ok,' "$work/out/summary.csv")" = 2 ] || fail "a and c did not complete"

# A summary that cannot be written stops the batch: exit 2, resumable, no temporaries.
rm -rf "$work/out2" && mkdir -p "$work/out2/summary.csv"
expect 2 "ccsim batch stopped after 1 of 3 scenarios" \
  batch "$work/in" --out "$work/out2" --replications 2 --threads 1
no_temporaries "$work/out2"
rmdir "$work/out2/summary.csv"
expect 0 "" batch "$work/in" --out "$work/out2" --replications 2 --threads 1 --resume
[ "$(grep -c ',ok,' "$work/out2/summary.csv")" = 3 ] || fail "resume did not complete"

[ "$failures" = 0 ] || { echo "$failures failures"; exit 1; }
echo "all write-error checks passed"
