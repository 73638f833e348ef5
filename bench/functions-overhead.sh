#!/usr/bin/env bash
# Functions overhead benchmark (issue 22.4): the same image jobs (Cosmic, CometAPI and Pixazo in turn, each with a
# completion callback) over HTTP through the Functions app under the stand-in Functions host (tools/MediaGen.StandInHost:
# the real worker, WebJobs SDK, Durable and Storage extensions) and through the standalone host, one after the other on
# one Azurite (in memory unless AZURITE_DISK=1) and one provider simulator answering at once, each app a process with a
# task hub of its own and its shipped settings (host.json and local.settings.sample.json; the standalone host's
# defaults, its per-caller rate limit off). ROUNDS rounds (default 2) in ABBA order, each app started afresh in each:
# WARMUP jobs not measured (default 20), then N jobs (default 75) with CONCURRENCY in flight (default 10); jobs/s from
# the first submit to the last Completed, pooled over the rounds.
# Builds what it needs; Azurite, the simulator, a callback receiver and the apps run on free loopback ports and stop at the
# end (KEEP_LOGS=1 keeps the apps' logs). Not run by the tests.
#   bench/functions-overhead.sh
#   N=150 ROUNDS=4 CONCURRENCY=20 bench/functions-overhead.sh
#   ORDER=standalone,functions bench/functions-overhead.sh   # which app starts the ABBA order
#   LOG_LEVEL=Warning bench/functions-overhead.sh            # both apps logging less than they ship with (Information)
# Last line: functions-overhead functions_jobs_per_s=<n> standalone_jobs_per_s=<n> ratio=<n>   (ratio = functions / standalone)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/bootstrap.sh >&2
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for project in tools/MediaGen.StandInHost src/MediaGen.Functions bench/MediaGen.Bench.FunctionsOverhead; do
  dotnet build "$project" -c Release --nologo -v quiet -clp:ErrorsOnly >&2
done
exec dotnet bench/MediaGen.Bench.FunctionsOverhead/bin/Release/net10.0/MediaGen.Bench.FunctionsOverhead.dll
