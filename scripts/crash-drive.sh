#!/usr/bin/env bash
# Crash drive (issue 11.2): one batch of ITEMS mixed image jobs (Cosmic, CometAPI, Pixazo; default 500) on the
# standalone host over its own Azurite (data folder on disk), the host process killed with SIGKILL at KILLS random
# points of the batch's progress (default 5) and restarted. Then checks, against the real parts: every item Completed or
# Failed with a typed error (job API), none lost or stuck, exactly the blobs each item's result names under their
# deterministic names and no other (listed, downloaded, SHA-256 compared), at most one purchase per item (simulator
# ledger), the batch's results-queue messages and signed callbacks one id each (the first callback is refused on purpose).
# Builds what it needs; Azurite, the simulator, a callback receiver and the host run on free loopback ports and stop at
# the end. Not run by the tests (a 40-item version is: tests/MediaGen.Host.Tests/Drives).
#   scripts/crash-drive.sh
#   ITEMS=100 KILLS=3 SEED=7 scripts/crash-drive.sh
#   DurableTask__WorkItemQueueVisibilityTimeout=00:00:10 scripts/crash-drive.sh   # any host setting
# Last line: crash-drive items=… completed=… lost=… duplicate_purchases=… stuck=… kills=… …; exit 1 on any violation.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/bootstrap.sh >&2
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build tests/MediaGen.Drives -c Release --nologo -v quiet -clp:ErrorsOnly >&2
exec dotnet tests/MediaGen.Drives/bin/Release/net10.0/MediaGen.Drives.dll crash
