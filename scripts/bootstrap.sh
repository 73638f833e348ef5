#!/usr/bin/env bash
# One-time (idempotent, fast when done) setup for a fresh clone:
#   1. checks that dotnet and npm are present;
#   2. installs Azurite and the dashboard's chart library (Chart.js, embedded into the build) into ./node_modules
#      (npm ci, only when package-lock.json changed);
#   3. restores the solution from the machine's NuGet source;
#   4. installs the Bicep CLI (NuGet package, scripts/tools/tools.csproj) into ./.tools (ignored) as .tools/bicep;
#   5. installs Debian's chromium (the dashboard's browser tests drive it) when it is missing and this is root with apt-get.
# Every README command calls this first.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

say() { printf 'bootstrap: %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

command -v dotnet >/dev/null 2>&1 || die "'dotnet' is not on PATH. Install the .NET 10 SDK (https://dot.net) and run again."
command -v node >/dev/null 2>&1 || die "'node' is not on PATH. Install Node.js 20+ (it runs Azurite) and run again."
command -v npm >/dev/null 2>&1 || die "'npm' is not on PATH. Install Node.js 20+ with npm (it installs Azurite) and run again."
dotnet --list-sdks | grep -q '^10\.' || die "the .NET 10 SDK is required; found: $(dotnet --list-sdks | tr '\n' ' ')"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# --- 2. Azurite -----------------------------------------------------------------------------
stamp=node_modules/.mediagen-lock.sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" || ! -f node_modules/azurite/dist/src/azurite.js || ! -f node_modules/chart.js/dist/chart.umd.min.js ]]; then
  say "installing Azurite and Chart.js (npm ci)"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2 || die "npm ci failed (is the npm registry reachable?)"
  echo "$want" > "$stamp"
fi

# --- 3. restore -----------------------------------------------------------------------------
if [[ "${MEDIAGEN_SKIP_RESTORE:-}" != "1" ]]; then
  say "restoring MediaGen.sln"
  dotnet restore MediaGen.sln --nologo -v quiet >&2 || die "dotnet restore failed (see above)"
fi
# --- 4. Bicep CLI ---------------------------------------------------------------------------
# The CLI ships as a NuGet package (its tools/bicep is a self-contained binary); a test compiles infra/main.bicep with it.
bicep_version="$(sed -n 's/.*Azure.Bicep.CommandLine.linux-x64" Version="\[\([^]]*\)\]".*/\1/p' scripts/tools/tools.csproj)"
[[ -n "$bicep_version" ]] || die "scripts/tools/tools.csproj names no Azure.Bicep.CommandLine.linux-x64 version"
bicep=".tools/packages/azure.bicep.commandline.linux-x64/$bicep_version/tools/bicep"
if [[ ! -f "$bicep" ]]; then
  say "installing the Bicep CLI $bicep_version into .tools"
  dotnet restore scripts/tools/tools.csproj --packages .tools/packages --nologo -v quiet >&2 || die "restoring the Bicep CLI failed (see above)"
fi
[[ -f "$bicep" ]] || die "the Bicep CLI package has no $bicep"
chmod +x "$bicep"
ln -sfn "$root/$bicep" .tools/bicep
# --- 5. Chromium ----------------------------------------------------------------------------
# The dashboard's browser tests (tests/MediaGen.Host.Tests/Dashboard) drive the distribution's Chromium through
# Microsoft.Playwright; Playwright's own browser download is never used. Without it those tests fail (never skip).
if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null 2>&1; then
    say "installing chromium (apt-get) for the dashboard's browser tests"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >&2 || say "WARNING: installing chromium failed; the browser tests will fail"
  else
    say "WARNING: chromium is not installed and this is not root with apt-get: install it (apt-get install chromium) or the browser tests fail"
  fi
fi
say "ready"
