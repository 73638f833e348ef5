#!/usr/bin/env bash
# Overview benchmark (issue #27): N finished jobs (default 10,000; mostly Cosmic text, some failed, some images) through the
# job service and the standalone Durable Task engine on a private Azurite, the simulator answering at once, made in STEPS
# steps (default 4); after each, the dashboard's overview of the last day (GET /api/overview's reader, as an operator) is
# read REPEAT times (default 5) and timed, its storage requests counted on a client of its own.
# Builds what it needs; Azurite and the simulator run on free loopback ports. Not run by the tests.
#   bench/overview.sh
#   N=2000 STEPS=2 bench/overview.sh
# Last line: overview jobs=<n> scaling=<jobs>:<median ms>ms/<storage requests>req,...
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/bootstrap.sh >&2
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/MediaGen.Bench.Overview -c Release --nologo -v quiet >&2
exec dotnet bench/MediaGen.Bench.Overview/bin/Release/net10.0/MediaGen.Bench.Overview.dll
