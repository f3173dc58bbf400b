#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The wall display under Xvfb at 1920×1080 (perf-notes T8/T9): a fast-forward run, with the
# app's frame statistics, its CPU and the X server's, and its RSS sampled from start to end.
# Not part of CI's pass/fail.
#
#   tests/bench/wall-bench.sh [BUILD] [SECONDS] [SPEED_UP]
#   ZX_WALL_BENCH_CASES=20000 ZX_WALL_BENCH_SPEED=60 ZX_WALL_BENCH_MODE=smooth \
#     tests/bench/wall-bench.sh build 600 1       (the 10-minute run at 60 fps)
#
# GSK_RENDERER is left as the caller has it: unset, the wall picks cairo itself.
set -eu
BUILD=${1:-build}
SECONDS_RUN=${2:-30}
SPEED_UP=${3:-20}
CASES=${ZX_WALL_BENCH_CASES:-20000}
MODE=${ZX_WALL_BENCH_MODE:-smooth}
# 60 px/s moves one pixel per frame at 60 Hz: every frame is drawn.
SPEED=${ZX_WALL_BENCH_SPEED:-60}
CTL="$BUILD/app/cli/zhixingctl"
APP="$BUILD/ui/zhixing"
TMP=$(mktemp -d)
XVFB_PID=
APP_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT

# utime + stime of PID in clock ticks
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# RSS, and of it the anonymous part (heap: what a leak grows) and the file-backed part (mostly
# the mapped CJK fonts, whose pages come in as new characters are drawn)
rss_mb() {
  awk '/^VmRSS/ { r = $2 } /^RssAnon/ { a = $2 } /^RssFile/ { f = $2 }
       END { printf "%.1f MB (anon %.1f, file %.1f)", r / 1024, a / 1024, f / 1024 }' \
    "/proc/$1/status"
}
hz=$(getconf CLK_TCK)

"$CTL" --db "$TMP/wall.db" init >/dev/null
"$CTL" --db "$TMP/wall.db" demo --cases "$CASES" --seed 4 >/dev/null
entries=$(sqlite3 "$TMP/wall.db" "SELECT count(*) FROM blacklist_entries WHERE state = 'published'" \
          2>/dev/null || echo "?")
printf '[wall]\nmode=%s\nspeed=%s\npoll-seconds=3\n' "$MODE" "$SPEED" >"$TMP/wall.ini"

# An X server of our own, so its CPU can be measured.
exec 5>"$TMP/display"
Xvfb -displayfd 5 -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
for _ in $(seq 50); do [ -s "$TMP/display" ] && break; sleep 0.1; done
DISPLAY=":$(cat "$TMP/display")"
export DISPLAY
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$BUILD/data"

echo "== wall display: $CASES demo cases ($entries published entries), $MODE mode, \
$SPEED px/s, ${SECONDS_RUN} s at speed-up $SPEED_UP, renderer ${GSK_RENDERER:-default (cairo)} =="
"$APP" --db "$TMP/wall.db" --wall --wall-config "$TMP/wall.ini" --run-for "$SECONDS_RUN" \
  --speed-up "$SPEED_UP" 2>"$TMP/stderr" &
APP_PID=$!

sleep 2
x0=$(cpu_ticks "$XVFB_PID"); a0=$(cpu_ticks "$APP_PID"); t0=$(date +%s.%N)
echo "RSS at start (2 s): $(rss_mb "$APP_PID")"
elapsed=2
step=$(( SECONDS_RUN > 60 ? 30 : 5 ))
while [ $(( elapsed + step )) -lt "$SECONDS_RUN" ]; do
  sleep "$step"; elapsed=$(( elapsed + step ))
  echo "RSS at ${elapsed} s: $(rss_mb "$APP_PID")"
done
sleep $(( SECONDS_RUN - elapsed - 1 > 0 ? SECONDS_RUN - elapsed - 1 : 0 ))
x1=$(cpu_ticks "$XVFB_PID"); a1=$(cpu_ticks "$APP_PID"); t1=$(date +%s.%N)
echo "RSS at end ($(( SECONDS_RUN - 1 )) s): $(rss_mb "$APP_PID")"
awk -v a="$((a1 - a0))" -v x="$((x1 - x0))" -v hz="$hz" -v t0="$t0" -v t1="$t1" \
  'BEGIN { d = t1 - t0; printf "CPU over the run: app %.0f%%, Xvfb %.0f%% of one core\n", \
           100 * a / hz / d, 100 * x / hz / d }'

status=0
wait "$APP_PID" || status=$?
APP_PID=
grep '^wall:' "$TMP/stderr" || true
echo "exit status $status"
