#!/usr/bin/env bash
# The README's main command: installs what it needs, then starts Azurite, the provider simulator
# and the standalone host on free loopback ports, checks each is healthy and shows the end-to-end
# demo. With --serve it keeps everything running until Ctrl+C; otherwise it stops it all and exits.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

serve=0
for arg in "$@"; do
  case "$arg" in
    --serve) serve=1 ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument '$arg' (use --serve or --help)" >&2; exit 2 ;;
  esac
done

bash scripts/bootstrap.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "building (Release)..."
dotnet build MediaGen.sln -c Release --nologo -v quiet -clp:ErrorsOnly --no-restore

run_dir="$root/.run"
rm -rf "$run_dir"; mkdir -p "$run_dir/logs" "$run_dir/azurite"
pids=()
cleanup() {
  for pid in "${pids[@]}" $(cat "$run_dir"/*.pid 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# wait_for_line LOG REGEX: waits (30 s) for a line in LOG and prints the regex's first match.
wait_for_line() {
  local log="$1" regex="$2" i
  for ((i = 0; i < 300; i++)); do
    if grep -Eo "$regex" "$log" 2>/dev/null | head -1 | grep . ; then return 0; fi
    sleep 0.1
  done
  echo "run.sh: timed out waiting for '$regex' in $log:" >&2; tail -20 "$log" >&2; return 1
}

# Azurite, on free ports; its wrapper stops it when this script's end of the pipe closes.
exec 3> >(node scripts/azurite.mjs --location "$run_dir/azurite" >"$run_dir/logs/azurite.log" 2>&1)
pids+=($!)
blob_url="$(wait_for_line "$run_dir/logs/azurite.log" 'Blob service is successfully listening at http://[0-9.:]+' | grep -Eo 'http://[0-9.:]+')"
queue_url="$(wait_for_line "$run_dir/logs/azurite.log" 'Queue service is successfully listening at http://[0-9.:]+' | grep -Eo 'http://[0-9.:]+')"
storage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=$blob_url/devstoreaccount1;QueueEndpoint=$queue_url/devstoreaccount1;"

# start_app NAME DLL [ENV=VALUE ...]: runs a built app on 127.0.0.1:0, prints its address.
start_app() {
  local name="$1" dll="$2"; shift 2
  env "$@" ASPNETCORE_URLS="http://127.0.0.1:0" ASPNETCORE_ENVIRONMENT=Development \
    dotnet "$dll" >"$run_dir/logs/$name.log" 2>&1 &
  echo $! > "$run_dir/$name.pid"  # called in $(...), a subshell: the pid travels by file
  wait_for_line "$run_dir/logs/$name.log" 'Now listening on: http://[0-9.:]+' | grep -Eo 'http://[0-9.:]+'
}

simulator_url="$(start_app simulator src/MediaGen.Simulator/bin/Release/net10.0/MediaGen.Simulator.dll)"
host_url="$(start_app host src/MediaGen.Host/bin/Release/net10.0/MediaGen.Host.dll \
  "AzureWebJobsStorage=$storage" \
  "Cosmic__BaseUrl=$simulator_url" "Cosmic__BucketSlug=demo-bucket" "Cosmic__WriteKey=simulator-key" \
  "Pixazo__BaseUrl=$simulator_url" "Pixazo__SubscriptionKey=simulator-key" \
  "Comet__BaseUrl=$simulator_url" "Comet__ApiKey=simulator-key")"

check() { # check NAME URL
  local body
  body="$(curl -fsS --max-time 10 "$2")" || { echo "run.sh: $1 is not healthy at $2 (log: .run/logs/$1.log)" >&2; return 1; }
  printf '  %-10s %s  ->  %s\n' "$1" "$2" "$body"
}

echo
echo "MediaGen is up:"
printf '  %-10s %s (blob)  %s (queue)  data: .run/azurite\n' azurite "$blob_url" "$queue_url"
check simulator "$simulator_url/health"
check host "$host_url/api/health"
echo "  logs:      .run/logs/"
echo
# The end-to-end generation demo (a job per provider, media copied into Azurite) needs the job API;
# until it lands this command proves the pieces start, talk to storage and answer.
echo "Demo: the job API is not built yet; the services above are running and healthy."

if [[ "$serve" == 1 ]]; then
  echo "Serving until Ctrl+C."
  while sleep 3600; do :; done
fi
