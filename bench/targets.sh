#!/usr/bin/env bash
# Measures issue 17's targets in one go and prints them as a table: for the 5 s 640x480 and 1280x720 clips, one
# client (p50 against the one-thread `ffmpeg` floor of the same clip, measured in the same run), 4 clients
# (throughput against one), 8 clients (peak RSS); then the hostile uploads: the 60 s 1000 fps static 4K H.264 and
# the 16000x16000 MJPEG AVI and the concat list, which must be answered 2008 (their time each, the server's RSS before
# and at its peak).
# Every run starts a fresh host (bench/run.sh) and records the load average: on a shared machine, read it first.
# Usage: bench/targets.sh [REQUESTS]    (default 20 per run; clips from bench/make-clips.sh, hostile inputs in /tmp)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
requests=${1:-20}
out=$(mktemp -d /tmp/liveness-targets-XXXXXX)

[ -f bench/clips/640x480_5s.mp4 ] && [ -f bench/clips/1280x720_5s.mp4 ] || bench/make-clips.sh >/dev/null
# Synthetic and never committed: 60 s of one grey 4K frame at 1000 fps (60,000 frames in about 2 MB).
dos=/tmp/liveness-bench-dos-4k-1000fps.mp4
if [ ! -f "$dos" ]; then # one second encoded, then copied 60 times over (encoding 60,000 4K frames takes long)
  ffmpeg -nostdin -hide_banner -loglevel error -y -f lavfi -i color=c=gray:size=3840x2160:rate=1000 \
    -t 1 -c:v libx264 -preset ultrafast -g 100000 -pix_fmt yuv420p /tmp/liveness-bench-dos-1s.mp4
  ffmpeg -nostdin -hide_banner -loglevel error -y -stream_loop 59 -i /tmp/liveness-bench-dos-1s.mp4 -c copy "$dos"
fi
# An MJPEG AVI that declares 64x64 and goes on at 16000x16000 (two frames of 256 Mpixel in about 3 MB).
huge=/tmp/liveness-bench-huge-frame.avi
if [ ! -f "$huge" ]; then
  ffmpeg -nostdin -hide_banner -loglevel error -y -f lavfi -i testsrc2=size=64x64:rate=30 -t 1 -c:v mjpeg -f mjpeg /tmp/liveness-bench-small.mjpeg
  ffmpeg -nostdin -hide_banner -loglevel error -y -f lavfi -i color=c=gray:size=16000x16000:rate=30 -frames:v 2 -c:v mjpeg -f mjpeg /tmp/liveness-bench-huge.mjpeg
  cat /tmp/liveness-bench-small.mjpeg /tmp/liveness-bench-huge.mjpeg >/tmp/liveness-bench-joined.mjpeg
  ffmpeg -nostdin -hide_banner -loglevel error -y -f mjpeg -framerate 30 -i /tmp/liveness-bench-joined.mjpeg -c:v copy "$huge"
fi
concat=/tmp/liveness-bench-concat.ffconcat
printf "ffconcat version 1.0\nfile 'liveness-0.video'\n" >"$concat"

dotnet build src/Host -c Release -nologo -v q
dotnet build bench/Liveness.Bench -c Release -nologo -v q
export HOST_DLL=src/Host/bin/Release/net10.0/linux-x64/Liveness.Host.dll BENCH_BUILT=1

load() { # NAME LOAD_OPTIONS...
  local name=$1; shift
  bench/run.sh "$@" --json "$out/$name.json" >"$out/$name.txt" 2>&1 || true
}
for size in 640x480 1280x720; do
  load "${size}_c1" --video "bench/clips/${size}_5s.mp4" --requests "$requests"
  load "${size}_c4" --video "bench/clips/${size}_5s.mp4" --requests "$((requests * 2))" --concurrency 4
  load "${size}_c8" --video "bench/clips/${size}_5s.mp4" --requests "$((requests * 2))" --concurrency 8
done
load dos --video "$dos" --floor-video bench/clips/640x480_5s.mp4 --floor-repeat 1 --requests 3 --warmup 0
load huge --video "$huge" --floor-video bench/clips/640x480_5s.mp4 --floor-repeat 1 --requests 3 --warmup 0
load concat --video "$concat" --floor-video bench/clips/640x480_5s.mp4 --floor-repeat 1 --requests 3 --warmup 0

python3 - "$out" <<'PY'
import json, os, sys
out = sys.argv[1]
def run(name):
    path = os.path.join(out, name + ".json")
    return json.load(open(path)) if os.path.exists(path) else None
print(f"issue 17 targets, {os.popen('git rev-parse --short HEAD').read().strip()}, reports in {out}")
print(f"{'run':<14}{'p50 ms':>8}{'floor ms':>10}{'p50/floor':>10}{'decode ms':>10}{'req/s':>8}{'CPU s/req':>10}{'+ffmpeg':>9}{'RSS MiB':>9}{'errors':>8}  load avg")
for size in ("640x480", "1280x720"):
    for clients in (1, 4, 8):
        r = run(f"{size}_c{clients}")
        if r is None:
            print(f"{size} c{clients}: no report"); continue
        s = r.get("server") or {}
        print(f"{size + ' c' + str(clients):<14}{r['latency_ms']['p50']:>8.0f}{r['decode_floor_ms']:>10.0f}{r['p50_to_decode_floor']:>10.2f}"
              f"{(r.get('server_decode_ms') or float('nan')):>10.0f}{r['throughput']:>8.2f}{(s['cpu_seconds'] / r['requests']) if s else float('nan'):>10.3f}"
              f"{(s.get('children_cpu_seconds', float('nan')) / r['requests']) if s else float('nan'):>9.3f}"
              f"{s.get('peak_rss_mib', float('nan')):>9.0f}{r['errors']:>8}  {r['load_average_at_start']:.1f}-{r['load_average_at_end']:.1f}")
    one, four = run(f"{size}_c1"), run(f"{size}_c4")
    if one and four:
        print(f"{size}: 4 clients / 1 client throughput {four['throughput'] / one['throughput']:.2f}")
for name in ("dos", "huge", "concat"):
    r = run(name)
    if r is None:
        print(f"{name}: no report"); continue
    s = r.get("server") or {}
    print(f"{name}: {r['requests']} requests, errors {r['error_kinds']}, {r['wall_seconds'] / max(r['requests'], 1):.2f} s each, "
          f"server RSS {s.get('start_rss_mib', float('nan')):.0f} MiB at the start, peak {s.get('peak_rss_mib', float('nan')):.0f} MiB, load avg {r['load_average_at_start']:.1f}-{r['load_average_at_end']:.1f}")
PY
