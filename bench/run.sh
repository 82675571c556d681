#!/usr/bin/env bash
# Builds the host and the harness in Release, starts the host (front 8080, pipeline 8081, admin 8082; PORT_BASE) with the
# front's rate and concurrency limits lifted, waits for /readyz, runs one `liveness-bench load` against it with
# --server-pid and --metrics-url set (the server's RSS, CPU and own decode time), and stops the host.
#
# Usage: bench/run.sh LOAD_OPTIONS...       e.g. bench/run.sh --video bench/clips/640x480_5s.mp4 --concurrency 4
#   --url defaults to the front, http://127.0.0.1:8080 (the pipeline on 8081 demands the node secret, which the
#   harness does not send).
# Environment: HOST_DLL  a host built elsewhere (another commit, to compare); HOST_ARGS  more host settings;
#              LIVENESS_SHARED  the shared models and videos (default: ../shared beside the checkout);
#              BENCH_BUILT=1  the harness is built already (bench/targets.sh builds once for all its runs);
#              PORT_BASE  the front's port, the pipeline and admin listeners on the next two (default 8080), so that
#              two sessions on one machine can each measure their own host;
#              MALLOC_ARENA_MAX  glibc's malloc arenas of the host (default 2, as deploy/ sets it).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${LIVENESS_SHARED:-$root/../shared}
cd "$root"
front=${PORT_BASE:-8080}
pipeline=$((front + 1))
admin=$((front + 2))

if [ -z "${HOST_DLL:-}" ]; then
  dotnet build src/Host -c Release -nologo -v q
  HOST_DLL=src/Host/bin/Release/net10.0/linux-x64/Liveness.Host.dll
fi
if [ -z "${BENCH_BUILT:-}" ]; then
  dotnet build bench/Liveness.Bench -c Release -nologo -v q
fi
bench=bench/Liveness.Bench/bin/Release/net10.0/linux-x64/liveness-bench

# A host left running would answer instead of this one, and the figures would be its.
for port in $front $pipeline $admin; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "127.0.0.1:$port is in use: stop what listens there first" >&2; exit 1; fi
done

log=$(mktemp /tmp/liveness-host-XXXXXX.log)
# glibc's arenas as the image and the systemd unit set them (deploy/), so that the figures are a deployed host's.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
# shellcheck disable=SC2086 # HOST_ARGS is a list of settings
dotnet "$HOST_DLL" \
  --Models:Mirror="$(cd "$shared/models" && pwd)" --Models:Download=false \
  --Listeners:Front=http://127.0.0.1:$front --Listeners:Admin=http://127.0.0.1:$admin \
  --Listeners:Pipeline=http://127.0.0.1:$pipeline \
  --Listeners:NodeSecret="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
  --Front:RateLimit:PermitsPerSecond=100000 --Front:RateLimit:Burst=100000 \
  --Front:MaxConcurrentRequests=10000 --Front:QueueLimit=100000 \
  --Api:MaxConcurrentRequests=10000 --Api:QueueLimit=100000 \
  --Logging:LogLevel:Default=Warning ${HOST_ARGS:-} >"$log" 2>&1 &
host=$!
trap 'kill "$host" 2>/dev/null; wait "$host" 2>/dev/null || true' EXIT

for _ in $(seq 240); do
  if curl -fs -o /dev/null http://127.0.0.1:$admin/readyz; then break; fi
  if ! kill -0 "$host" 2>/dev/null; then echo "the host stopped; its log:" >&2; cat "$log" >&2; exit 1; fi
  sleep 0.5
done
curl -fsS http://127.0.0.1:$admin/readyz >/dev/null || { echo "the host was not ready after 120 s; log: $log" >&2; exit 1; }

"$bench" load --url "http://127.0.0.1:$front" --server-pid "$host" --metrics-url "http://127.0.0.1:$admin/metrics" "$@"
