#!/usr/bin/env bash
# One-time (idempotent, fast when done) setup for a fresh clone:
#   1. checks that dotnet and npm are present;
#   2. installs Azurite into ./node_modules (npm ci, only when package-lock.json changed);
#   3. packs System.IO.Hashing 6.0.0 from the installed SDK into .nuget/local-feed when the
#      package source lacks it (Azure.Storage.* need it; see DESIGN.md §1);
#   4. restores the solution.
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
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" || ! -f node_modules/azurite/dist/src/azurite.js ]]; then
  say "installing Azurite (npm ci)"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2 || die "npm ci failed (is the npm registry reachable?)"
  echo "$want" > "$stamp"
fi

# --- 3. System.IO.Hashing 6.0.0 -------------------------------------------------------------
feed="$root/.nuget/local-feed"
mkdir -p "$feed"
pkg="$feed/system.io.hashing.6.0.0.nupkg"
source_has_hashing() {
  # Ask each enabled http(s) source's flat container whether it serves System.IO.Hashing 6.0.0.
  local url base
  command -v curl >/dev/null 2>&1 || return 1
  for url in $(dotnet nuget list source --format short 2>/dev/null | awk '$1 ~ /^E/ && $2 ~ /^https?:/ {print $2}'); do
    base="$(curl -fsS --max-time 10 "$url" 2>/dev/null | tr ',' '\n' | grep -A2 'PackageBaseAddress/3.0.0' | grep -o 'https\?://[^"]*' | head -1)" || true
    [[ -z "$base" ]] && base="$(curl -fsS --max-time 10 "$url" 2>/dev/null | grep -o '"@id": *"[^"]*"[^}]*PackageBaseAddress/3.0.0' | grep -o 'https\?://[^"]*' | head -1)" || true
    [[ -n "$base" ]] || continue
    curl -fsS --max-time 10 "${base%/}/system.io.hashing/index.json" 2>/dev/null | grep -q '"6.0.0"' && return 0
  done
  return 1
}
if [[ ! -f "$pkg" ]] && ! ls "$HOME/.nuget/packages/system.io.hashing/6.0.0/"*.nupkg >/dev/null 2>&1; then
  if source_has_hashing; then
    say "the package source serves System.IO.Hashing 6.0.0; no local package needed"
  else
    sdkdir="$(dotnet --list-sdks | awk '/^10\./ {v=$1; p=$2} END {gsub(/[\[\]]/, "", p); print p "/" v}')"
    dll="$sdkdir/Sdks/Microsoft.NET.Sdk/tools/net10.0/System.IO.Hashing.dll"
    [[ -f "$dll" ]] || dll="$(ls "$sdkdir"/Sdks/Microsoft.NET.Sdk/tools/net[1-9]*.0/System.IO.Hashing.dll 2>/dev/null | sort -V | tail -1)"
    [[ -f "$dll" ]] || die "System.IO.Hashing is missing from the package source and from the SDK at $sdkdir (looked in Sdks/Microsoft.NET.Sdk/tools/net*/)"
    say "packing System.IO.Hashing 6.0.0 from $dll into .nuget/local-feed"
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    cat > "$work/System.IO.Hashing.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <PackageId>System.IO.Hashing</PackageId>
    <Version>6.0.0</Version>
    <Authors>MediaGen bootstrap</Authors>
    <Description>System.IO.Hashing repacked from the local .NET SDK for offline restore.</Description>
    <IncludeBuildOutput>false</IncludeBuildOutput>
    <NoWarn>\$(NoWarn);NU5128;NU5100</NoWarn>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
  </PropertyGroup>
  <ItemGroup>
    <None Include="$dll" Pack="true" PackagePath="lib/net10.0/" />
  </ItemGroup>
</Project>
XML
    # A neutral directory: no Directory.Build.* or nuget.config of ours applies there.
    (cd "$work" && dotnet pack System.IO.Hashing.csproj -c Release -o "$feed" --nologo -v quiet \
        -p:ImportDirectoryPackagesProps=false >&2) || die "packing System.IO.Hashing failed"
  fi
fi

# --- 4. restore -----------------------------------------------------------------------------
if [[ "${MEDIAGEN_SKIP_RESTORE:-}" != "1" ]]; then
  say "restoring MediaGen.sln"
  dotnet restore MediaGen.sln --nologo -v quiet >&2 || die "dotnet restore failed (see above)"
fi
say "ready"
