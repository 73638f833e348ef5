#!/usr/bin/env bash
# Storage-outage drive (issue 25.2): one batch of ITEMS mixed image jobs (Cosmic, CometAPI, Pixazo with webhooks; default
# 200) on the standalone host over its own Azurite with its data on disk; Azurite is stopped gracefully (it saves its data
# and exits) for OUTAGE_S seconds (default 30) while items are in flight, then started again on the same data folder and
# ports. Then checks, against the real parts: every item Completed or Failed with a typed error, none lost or stuck, at most
# one purchase per item (simulator ledger), exactly the blobs each item's result names and no other, the batch's
# results-queue message and signed callback; readiness (GET /api/health/ready) 503 throughout the outage and 200 after it;
# every Pixazo webhook that arrives during the outage (the simulator's own and statuses the drive sends as Pixazo would)
# answered 503 with Retry-After, never 500 or 2xx, and accepted when sent again afterwards; no unhandled failure in the
# host's log. Builds what it needs; Azurite, the simulator, a callback receiver and the host run on free loopback ports and
# stop at the end. A 40-item version runs in the tests (tests/MediaGen.Host.Tests/Drives; docs/durable.md, "Storage outages").
#   scripts/storage-outage.sh
#   ITEMS=100 OUTAGE_S=60 SEED=7 scripts/storage-outage.sh
#   DurableTask__WorkItemQueueVisibilityTimeout=00:00:10 scripts/storage-outage.sh   # any host setting
# Last line: storage-outage items=… completed=… lost=… duplicate_purchases=… stuck=… outage_s=… recovered_s=…; exit 1 on
# any violation.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/bootstrap.sh >&2
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build tests/MediaGen.Drives -c Release --nologo -v quiet -clp:ErrorsOnly >&2
exec dotnet tests/MediaGen.Drives/bin/Release/net10.0/MediaGen.Drives.dll outage
