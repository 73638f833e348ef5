#!/usr/bin/env bash
# Durable runtime throughput on Azurite: Microsoft's Durable Task benchmark workload (an orchestration
# calling 5 no-op activities in sequence, N started at once, one host process), plus the storage floor.
# Builds what it needs and starts its own Azurite. Usage: bench/runtime-throughput.sh   (N=500 to override)
# Last line: runtime-throughput work_items_per_s=<n> orchestrations_per_s=<n> floor_work_items_per_s=<n> ratio=<n>
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
MEDIAGEN_SKIP_RESTORE=1 bash scripts/bootstrap.sh
dotnet build bench/MediaGen.Bench.Runtime -c Release --nologo -v quiet >&2
export N="${N:-2000}"
exec dotnet bench/MediaGen.Bench.Runtime/bin/Release/net10.0/MediaGen.Bench.Runtime.dll
