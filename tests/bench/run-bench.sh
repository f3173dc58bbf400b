#!/bin/sh
# make bench: prints the figures for the performance goals (not part of CI's pass/fail).
set -eu
BUILD=${1:-build}
CTL="$BUILD/app/cli/zhixingctl"
N=${ZX_BENCH_CASES:-1000000}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
DB="$TMP/bench.db"

now() { date +%s.%N; }
secs() { awk "BEGIN { print $2 - $1 }"; }

echo "== demo data: $N cases =="
t0=$(now); "$CTL" --db "$DB" --today 2026-11-28 demo --cases "$N" --seed 1 >/dev/null; t1=$(now)
printf 'demo --cases %s: %.1f s, %s MB\n' "$N" "$(secs "$t0" "$t1")" "$(du -m "$DB" | cut -f1)"

echo "== check =="
t0=$(now); "$CTL" --db "$DB" check >/dev/null; t1=$(now)
printf 'check (integrity_check + audit chain): %.1f s\n' "$(secs "$t0" "$t1")"
t0=$(now); "$CTL" --db "$DB" check --quick >/dev/null; t1=$(now)
printf 'check --quick: %.1f s\n' "$(secs "$t0" "$t1")"

echo "== export / backup =="
t0=$(now); "$CTL" --db "$DB" export cases "$TMP/cases.csv"; t1=$(now)
printf 'export cases: %.1f s, %s MB\n' "$(secs "$t0" "$t1")" "$(du -m "$TMP/cases.csv" | cut -f1)"
t0=$(now); "$CTL" --db "$DB" backup "$TMP/backups" >/dev/null; t1=$(now)
printf 'backup (copy + verify): %.1f s\n' "$(secs "$t0" "$t1")"
