#!/usr/bin/env bash
# The README's main command: installs what it needs, starts Azurite, the provider simulator and the
# standalone host on free loopback ports through the launcher (tools/MediaGen.Launcher; host configured for the
# simulator, per-run API key), then
# runs the demo (tools/MediaGen.Demo, a caller written with the typed client src/MediaGen.Client and the Azure Storage
# SDK): one job per provider kind over HTTP, the queue and the blob inbox, followed to the end over their event
# streams, media locations + results queue + signed callbacks printed. Non-zero exit if any fails.
# With --serve it keeps everything running until Ctrl+C; otherwise it stops it all and exits.
# With --functions the app is the Azure Functions app under the stand-in Functions host (tools/MediaGen.StandInHost),
# configured by a local.settings.json the launcher writes for the run from local.settings.sample.json; the same demo and checks.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

serve=0 functions=0
for arg in "$@"; do
  case "$arg" in
    --serve) serve=1 ;;
    --functions) functions=1 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument '$arg' (use --serve, --functions or --help)" >&2; exit 2 ;;
  esac
done

bash scripts/bootstrap.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "building (Release)..."
dotnet build MediaGen.sln -c Release --nologo -v quiet -clp:ErrorsOnly --no-restore

run_dir="$root/.run"
rm -rf "$run_dir"; mkdir -p "$run_dir/logs"
launcher=""
cleanup() {
  # The launcher stops the app first and lets it finish (its durable worker hands its partitions back to storage on the
  # way out), then the simulator and Azurite.
  local i
  if [[ -n "$launcher" ]]; then
    kill "$launcher" 2>/dev/null || true
    for ((i = 0; i < 300; i++)); do kill -0 "$launcher" 2>/dev/null || break; sleep 0.2; done
  fi
  [[ -z "${sleeper:-}" ]] || kill "$sleeper" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The local stack (tools/MediaGen.Launcher, the same launcher the tests, drives and benchmarks use): Azurite (data in
# .run/azurite), the provider simulator and the app on free loopback ports, configured for the simulator with keys
# generated for this run. It writes what a client needs to .run/stack.env and prints "ready".
args=(--run-dir "$run_dir"); [[ "$functions" == 1 ]] && args+=(--functions)
dotnet tools/MediaGen.Launcher/bin/Release/net10.0/MediaGen.Launcher.dll "${args[@]}" >"$run_dir/logs/launcher.log" 2>&1 &
launcher=$!
# The stand-in host indexes the app, starts the worker and the extensions before it is ready: allow a few minutes.
for ((i = 0; i < 2400; i++)); do
  grep -qx ready "$run_dir/logs/launcher.log" 2>/dev/null && break
  kill -0 "$launcher" 2>/dev/null || break
  sleep 0.1
done
if ! grep -qx ready "$run_dir/logs/launcher.log" 2>/dev/null; then
  echo "run.sh: the stack did not start:" >&2; tail -40 "$run_dir/logs/launcher.log" >&2; exit 1
fi
# shellcheck source=/dev/null
source "$run_dir/stack.env"
host_url="$STACK_HOST_URL"; api_key="$STACK_API_KEY"; dashboard="$STACK_DASHBOARD"
if [[ "$functions" == 1 ]]; then
  app="the Functions app (src/MediaGen.Functions) under the stand-in Functions host"
else
  app="the standalone host (src/MediaGen.Host)"
fi

check() { # check NAME URL (readiness: the host's engine creates its task hub just after start-up, so allow ~30 s)
  local body i
  for i in $(seq 1 60); do body="$(curl -fsS --max-time 10 "$2" 2>/dev/null)" && break; sleep 0.5; done
  body="$(curl -fsS --max-time 10 "$2")" || { echo "run.sh: $1 is not healthy at $2 (log: .run/logs/$1.log)" >&2; return 1; }
  printf '  %-10s %s  ->  %s\n' "$1" "$2" "$body"
}

echo
echo "MediaGen is up: $app"
printf '  %-10s %s (blob)  %s (queue)  data: .run/azurite\n' azurite "$STACK_BLOB_URL" "$STACK_QUEUE_URL"
check simulator "$STACK_SIMULATOR_URL/health"
check host "$host_url/api/health"
echo "  API key:   $api_key   (header x-functions-key; generated for this run)"
[[ "$functions" == 1 ]] || echo "  OpenAPI:   $host_url/openapi/v1.json"
echo "  dashboard: $dashboard   (enter the API key above; with --serve it stays up)"
echo "  logs:      .run/logs/"
echo

status=0
dotnet tools/MediaGen.Demo/bin/Release/net10.0/MediaGen.Demo.dll --stack "$run_dir/stack.env" || status=$?
if [[ "$status" != 0 ]]; then
  echo "run.sh: the demo failed (exit $status); see $STACK_HOST_LOG" >&2
fi

if [[ "$serve" == 1 ]]; then
  echo
  echo "Serving until Ctrl+C. Open $dashboard in a browser (API key $api_key), or try:"
  echo "  curl -s -X POST $host_url/api/jobs -H 'x-functions-key: $api_key' -H 'content-type: application/json' \\"
  echo "    -d '{\"kind\":\"image\",\"provider\":\"cosmic\",\"params\":{\"prompt\":\"a red fox\"}}'"
  # sleep in the background and wait for it: a wait is interrupted by signals, so TERM/INT reach the trap at once.
  while true; do sleep 3600 & sleeper=$!; wait "$sleeper"; done
fi
exit "$status"
