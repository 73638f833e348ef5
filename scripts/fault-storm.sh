#!/usr/bin/env bash
# Provider fault storm (issue 11.3): JOBS mixed jobs (Cosmic text, image, audio, video; CometAPI image; Pixazo
# text-to-image and image-to-video; default 500, CONCURRENCY in flight, default 40) through the standalone host's HTTP
# API; 20 % of them, picked with SEED (printed; default 20261201), carry a simulator fault in their prompt: 429 with
# Retry-After, 500, 503, timeouts, dropped connections, malformed JSON, content-policy refusals, Pixazo ERROR and
# FAILED, failing and malformed status polls, duplicate, late, out-of-order and missing webhooks. Each job's expected
# outcome follows from its fault (tests/MediaGen.Drives/StormCatalog.cs). Then checks: final status and error.type
# per job (job API), purchases per job (simulator ledger: no Cosmic video twice, one Pixazo submit per job except the
# documented ERROR resubmits), blobs, the results queue and the signed callbacks (every fifth job's first one refused).
# Builds what it needs; everything runs on free loopback ports and stops at the end. Not run by the tests (a 40-job
# version is: tests/MediaGen.Host.Tests/Drives).
#   scripts/fault-storm.sh
#   JOBS=100 SEED=42 scripts/fault-storm.sh
# Last line: fault-storm seed=… jobs=… completed=… failed_expected=… wrong=… lost=… pixazo_extra_submits=…
#   duplicate_video_purchases=… stuck=… …; exit 1 on any violation.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/bootstrap.sh >&2
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build tests/MediaGen.Drives -c Release --nologo -v quiet -clp:ErrorsOnly >&2
exec dotnet tests/MediaGen.Drives/bin/Release/net10.0/MediaGen.Drives.dll storm
