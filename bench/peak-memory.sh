#!/usr/bin/env bash
# The peak memory of a host and its decoder processes together, as a container's memory limit counts it: runs one
# bench/run.sh load and samples, every 0.2 s, the proportional set size (PSS: shared pages split between the
# processes that share them) of the host and of each child (its ffmpeg decoders, the waiting spares among them).
# The harness's own "server peak RSS" counts the host alone.
#
# Usage: bench/peak-memory.sh LOAD_OPTIONS...   e.g. bench/peak-memory.sh --video bench/clips/1280x720_5s.mp4 --requests 40 --concurrency 8
# Environment: as bench/run.sh (PORT_BASE, HOST_DLL, BENCH_BUILT, LIVENESS_SHARED).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
log=$(mktemp /tmp/liveness-peak-memory-XXXXXX.txt)
"$root/bench/run.sh" "$@" >"$log" 2>&1 &
run=$!

pss() { awk '/^Pss:/ { print $2 }' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
host=""
peak=0 peak_host=0 peak_children=0
while kill -0 "$run" 2>/dev/null; do
  # The host is the harness script's child that runs the host's DLL.
  [ -n "$host" ] || host=$(pgrep -P "$run" -f 'Liveness.Host.dll' | head -1 || true)
  if [ -n "$host" ]; then
    own=$(pss "$host")
    children=0
    for child in $(pgrep -P "$host" || true); do children=$((children + $(pss "$child"))); done
    if [ $((own + children)) -gt "$peak" ]; then peak=$((own + children)) peak_host=$own peak_children=$children; fi
  fi
  sleep 0.2
done
wait "$run" || { cat "$log"; exit 1; }
grep -E 'requests |latency|peak RSS' "$log"
echo "peak PSS          $((peak / 1024)) MiB, host and decoders together (host $((peak_host / 1024)) MiB, decoders $((peak_children / 1024)) MiB)"
rm -f "$log"
