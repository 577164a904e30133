#!/usr/bin/env bash
# Runs one CLI golden case: NAME.args is a shell-quoted argument list, run from this folder.
# Compares stdout with NAME.stdout, stderr with NAME.stderr and the exit code with NAME.code
# (0 when absent), using COMPARE (golden_diff: numbers to 1e-9). Lines matching a pattern in
# NAME.ignore (timings) are left out of both sides. UPDATE_GOLDEN=1 rewrites the expected
# files instead.
set -u
bin=$1 dir=$2 name=$3 compare=$4
cd "$dir" || exit 2
eval "set -- $(cat "$name.args")"
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
"$bin" "$@" >"$out" 2>"$err"
code=$?
if [ -f "$name.ignore" ]; then
  grep -v -E -f "$name.ignore" "$out" >"$out.kept" || true
  mv "$out.kept" "$out"
fi
if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
  cp "$out" "$name.stdout"
  if [ -s "$err" ]; then cp "$err" "$name.stderr"; else rm -f "$name.stderr"; fi
  if [ "$code" -ne 0 ]; then echo "$code" >"$name.code"; else rm -f "$name.code"; fi
  exit 0
fi
status=0
expected_code=0
[ -f "$name.code" ] && expected_code=$(cat "$name.code")
if [ "$code" != "$expected_code" ]; then
  echo "exit code $code, expected $expected_code"; status=1
fi
if ! "$compare" "$name.stdout" "$out"; then diff -u "$name.stdout" "$out" | head -40; status=1; fi
if [ -f "$name.stderr" ]; then
  if ! "$compare" "$name.stderr" "$err"; then diff -u "$name.stderr" "$err"; status=1; fi
elif [ -s "$err" ]; then
  echo "unexpected stderr:"; cat "$err"; status=1
fi
exit $status
