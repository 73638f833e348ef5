#!/usr/bin/env bash
# Job overhead benchmark (issues #5, #9, #24): Pixazo jobs through the job service and the standalone Durable Task engine
# (Azure Storage backend) on a private Azurite, against the floor measured beside them: a bare orchestration of the job's
# minimal shape (no-op submit -> WhenAny(event, 30 s timer) -> no-op copy -> no-op publish) on the same host, task hub and
# engine settings. ABBA rounds at CONCURRENCY (default 20; N per kind, default 400, over ROUNDS, default 4) and at 1 in
# flight (N_C1 per kind, default 80); the figures are medians over rounds. The simulator completes every request at once
# and posts its webhook. Per instance: webhook (event) raised -> Completed; storage requests of the engine and the app
# counted by an Azure SDK pipeline policy on every storage client, per phase, with what the phase leaves behind (its
# timers fire while it settles, SETTLE_SECONDS, default 35; the idle polling of that wait is subtracted). Also prints the
# storage transactions per 1,000 jobs and the idle requests per second and per month of one process.
# Builds what it needs; starts its own Azurite, simulator and webhook gateway on free loopback ports. Not run by the tests.
#   bench/job-overhead.sh
#   N=200 ROUNDS=2 bench/job-overhead.sh
#   DurableTask__MaxQueuePollingInterval=00:00:10 IDLE_ONLY=1 IDLE_SECONDS=120 bench/job-overhead.sh   # idle cost only
#   DurableTask__ExtendedSessionsEnabled=true bench/job-overhead.sh   # any engine setting
# Last line: job-overhead jobs=<n> p50_ms=<n> p95_ms=<n> floor_p50_ms=<n> floor_p95_ms=<n> ratio_p50=<n> ratio_p50_c1=<n> storage_ops_per_job=<n> floor_storage_ops=<n>
#   (IDLE_ONLY=1: job-overhead idle_per_s=<n> idle_million_per_month=<n> settings=<...>)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/bootstrap.sh >&2
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/MediaGen.Bench.JobOverhead -c Release --nologo -v quiet >&2
exec dotnet bench/MediaGen.Bench.JobOverhead/bin/Release/net10.0/MediaGen.Bench.JobOverhead.dll
