#!/usr/bin/env bash
# Media-copy benchmark (DESIGN §3, issue #5): copies a SIZE-byte synthetic video (default 1 GiB) from an HTTP
# source on loopback into a private Azurite through MediaStore, then the same through a raw download+upload
# baseline, in one process; samples that process's peak RSS growth during the MediaStore copy.
#   bench/media-copy.sh                      # SIZE=1073741824
#   SIZE=268435456 bench/media-copy.sh
#   SOURCE_URL=http://127.0.0.1:5080 bench/media-copy.sh   # another source serving /media/synthetic/{name}.{ext}?size=
# By default the source is the provider simulator, started with Azurite by the launcher in its own process.
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
dotnet build tools/MediaGen.Launcher -c Release --nologo -v quiet >&2

work="$(mktemp -d "${TMPDIR:-/tmp}/mediagen-bench-media.XXXXXX")"
launcher=""
cleanup() {
  if [[ -n "$launcher" ]]; then kill "$launcher" 2>/dev/null || true; wait "$launcher" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Azurite of our own on free ports and the provider simulator (the source), started by the launcher
# (tools/MediaGen.Launcher) in its own process, so their buffers do not count in the measured RSS.
dotnet tools/MediaGen.Launcher/bin/Release/net10.0/MediaGen.Launcher.dll --run-dir "$work" --no-app >"$work/launcher.log" 2>&1 &
launcher=$!
for ((i = 0; i < 1800; i++)); do
  grep -qx ready "$work/launcher.log" 2>/dev/null && break
  kill -0 "$launcher" 2>/dev/null || break
  sleep 0.1
done
grep -qx ready "$work/launcher.log" || { echo "media-copy: the stack did not start:" >&2; cat "$work/launcher.log" >&2; exit 1; }
# shellcheck source=/dev/null
source "$work/stack.env"
export MEDIAGEN_BENCH_STORAGE="$STACK_STORAGE"
# The source: the provider simulator's synthetic media (GET /media/synthetic/{name}.{ext}?size=N); SOURCE_URL points at another one.
source_url="${SOURCE_URL:-$STACK_SIMULATOR_URL}"
blob_port="${STACK_BLOB_URL##*:}"

echo "media-copy: size=$SIZE source=$source_url azurite=127.0.0.1:$blob_port" >&2
dotnet "$bench_dll" run "$source_url" "$SIZE"
