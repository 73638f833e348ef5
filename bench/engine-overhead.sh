#!/usr/bin/env bash
# Engine overhead benchmark (issue #9): N Cosmic image jobs (default 400, in 4 ABBA rounds) through the job service and the standalone
# Durable Task engine on a private Azurite, with the provider simulator answering at once, vs a bare orchestration
# of an image job's shape: one no-op activity per step (generate, copy, results queue) — same engine settings,
# same run, one task hub, ABBA rounds; the result is the median over rounds. Storage requests are counted by an Azure SDK pipeline policy on the
# engine's and the app's clients. Builds what it needs; Azurite and the simulator run on free loopback ports.
# Not run by the tests.
#   bench/engine-overhead.sh
#   N=600 CONCURRENCY=100 bench/engine-overhead.sh
#   DurableTask__MaxQueuePollingInterval=00:00:00.5 bench/engine-overhead.sh   # any engine setting
# Also prints the storage transactions per 1,000 image jobs and per 1,000 bare instances.
# Last line: engine-overhead jobs_per_s=<n> bare_per_s=<n> ratio=<n> storage_ops_per_job=<n> bare_storage_ops=<n> ops_ratio=<n>
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/bootstrap.sh >&2
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/MediaGen.Bench.EngineOverhead -c Release --nologo -v quiet >&2
export N="${N:-400}" CONCURRENCY="${CONCURRENCY:-50}"
exec dotnet bench/MediaGen.Bench.EngineOverhead/bin/Release/net10.0/MediaGen.Bench.EngineOverhead.dll
