#!/usr/bin/env bash
# Batch scale benchmark (issue #9): a SMALL-item (default 100) and a LARGE-item (default 1,000) Cosmic image batch
# through the job service and the standalone Durable Task engine on a private Azurite, the simulator answering at once,
# one after the other on one task hub; the app's own batching applies (Workflows:BatchChunkSize, BatchConcurrency).
# Prints progress with the storage operations that take the time, and each batch's requests per item.
# Builds what it needs; Azurite and the simulator run on free loopback ports. Not run by the tests.
#   bench/batch-scale.sh
#   STATUS_POLL_SECONDS=5 bench/batch-scale.sh      # also read the batch status every 5 s, as a watching client
#   Workflows__BatchConcurrency=20 DurableTask__PartitionCount=2 bench/batch-scale.sh
#   FLOOD=2000 FLOOD_SECONDS=240 bench/batch-scale.sh   # diagnosis: 2,000 single jobs started at once, no batching
# Last line: batch-scale per_item_ms_100=<n> per_item_ms_1000=<n> ratio=<n>
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/bootstrap.sh >&2
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/MediaGen.Bench.BatchScale -c Release --nologo -v quiet >&2
exec dotnet bench/MediaGen.Bench.BatchScale/bin/Release/net10.0/MediaGen.Bench.BatchScale.dll
