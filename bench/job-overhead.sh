#!/usr/bin/env bash
# Job overhead benchmark (issues #5, #9): N Pixazo jobs (default 500, CONCURRENCY in flight, default 20) through the
# job service and the standalone Durable Task engine (Azure Storage backend) on a private Azurite, with the provider
# simulator completing every request at once and posting its webhook. Per job: webhook received → blob committed →
# Completed; then the engine's idle storage requests per second with these settings.
# Builds what it needs; starts its own Azurite, simulator and webhook gateway on free loopback ports. Not run by the tests.
#   bench/job-overhead.sh
#   N=200 CONCURRENCY=10 bench/job-overhead.sh
#   DurableTask__MaxQueuePollingInterval=00:00:00.2 bench/job-overhead.sh   # any engine setting
# Last line: job-overhead jobs=<n> p50_ms=<n> p95_ms=<n>
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/bootstrap.sh >&2
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/MediaGen.Bench.JobOverhead -c Release --nologo -v quiet >&2
export N="${N:-500}" CONCURRENCY="${CONCURRENCY:-20}"
exec dotnet bench/MediaGen.Bench.JobOverhead/bin/Release/net10.0/MediaGen.Bench.JobOverhead.dll
