#!/usr/bin/env bash
# Media-copy benchmark (DESIGN §3, issue #5): copies a SIZE-byte synthetic video (default 1 GiB) from an HTTP
# source on loopback into a private Azurite through MediaStore, then the same through a raw download+upload
# baseline, in one process; samples that process's peak RSS growth during the MediaStore copy.
#   bench/media-copy.sh                      # SIZE=1073741824
#   SIZE=268435456 bench/media-copy.sh
#   SOURCE_URL=http://127.0.0.1:5080 bench/media-copy.sh   # another source serving /media/synthetic/{name}.{ext}?size=
# By default the source is the provider simulator, started here in its own process.
# Last line: media-copy bytes=<n> mb_per_s=<n> baseline_mb_per_s=<n> ratio=<n> peak_rss_growth_mb=<n>
# (MB = MiB = 2^20 bytes). Not run by the tests.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
SIZE="${SIZE:-1073741824}"
[[ "$SIZE" =~ ^[0-9]+$ ]] || { echo "media-copy: SIZE must be a byte count, got '$SIZE'" >&2; exit 2; }

bash scripts/bootstrap.sh >&2
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
project=bench/MediaGen.Bench.MediaCopy/MediaGen.Bench.MediaCopy.csproj
dotnet build "$project" -c Release --nologo -v quiet >&2
bench_dll="$root/bench/MediaGen.Bench.MediaCopy/bin/Release/net10.0/MediaGen.Bench.MediaCopy.dll"

work="$(mktemp -d "${TMPDIR:-/tmp}/mediagen-bench-media.XXXXXX")"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# wait_for FILE REGEX: prints the first capture group of the first matching line (30 s at most).
wait_for() {
  local file="$1" regex="$2" line
  for _ in $(seq 300); do
    line="$(grep -m1 -oE "$regex" "$file" 2>/dev/null || true)"
    if [[ -n "$line" ]]; then
      grep -oE '[0-9]+$' <<<"$line"
      return 0
    fi
    sleep 0.1
  done
  echo "media-copy: timed out waiting for '$regex' in $file:" >&2
  cat "$file" >&2
  return 1
}

# Azurite of our own on free ports; stdin is not ours to hold, so it is stopped by pid.
mkdir -p "$work/azurite"
AZURITE_KEEP_STDIN=1 node scripts/azurite.mjs --location "$work/azurite" </dev/null >"$work/azurite.log" 2>&1 &
pids+=($!)
blob_port="$(wait_for "$work/azurite.log" 'Blob service is successfully listening at http://127\.0\.0\.1:[0-9]+')"
account=devstoreaccount1
key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
export MEDIAGEN_BENCH_STORAGE="DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob_port/$account;"

# The source: the provider simulator's synthetic media (GET /media/synthetic/{name}.{ext}?size=N), in its own
# process so its buffers do not count in the measured RSS; SOURCE_URL points at another one.
source_url="${SOURCE_URL:-}"
if [[ -z "$source_url" ]]; then
  dotnet build src/MediaGen.Simulator -c Release --nologo -v quiet >&2
  ASPNETCORE_URLS="http://127.0.0.1:0" dotnet src/MediaGen.Simulator/bin/Release/net10.0/MediaGen.Simulator.dll >"$work/source.log" 2>&1 &
  pids+=($!)
  source_port="$(wait_for "$work/source.log" 'Now listening on: http://127\.0\.0\.1:[0-9]+')"
  source_url="http://127.0.0.1:$source_port"
fi

echo "media-copy: size=$SIZE source=$source_url azurite=127.0.0.1:$blob_port" >&2
dotnet "$bench_dll" run "$source_url" "$SIZE"
