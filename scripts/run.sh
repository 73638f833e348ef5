#!/usr/bin/env bash
# The README's main command: installs what it needs, starts Azurite, the provider simulator and the
# standalone host on free loopback ports (host configured for the simulator, per-run API key), then
# runs the demo (scripts/demo.mjs): one job per provider kind over HTTP, the queue and the blob inbox,
# waited for, media locations + results queue + signed callbacks printed. Non-zero exit if any fails.
# With --serve it keeps everything running until Ctrl+C; otherwise it stops it all and exits.
# With --functions the app is the Azure Functions app under the stand-in Functions host (tools/MediaGen.StandInHost),
# configured by a local.settings.json written for the run from local.settings.sample.json; the same demo and checks.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

serve=0 functions=0
for arg in "$@"; do
  case "$arg" in
    --serve) serve=1 ;;
    --functions) functions=1 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument '$arg' (use --serve, --functions or --help)" >&2; exit 2 ;;
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
  # The host first, and let it finish: its durable worker hands its partitions back to storage on the way out.
  local pid i
  if [[ -f "$run_dir/host.pid" ]]; then
    pid="$(cat "$run_dir/host.pid")"
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 150; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    rm -f "$run_dir/host.pid"
  fi
  # A stand-in host that died abnormally leaves its worker running: stop the workers its log names, if still theirs.
  for pid in $(grep -Eo 'Worker process [0-9]+ started' "$run_dir/logs/host.log" 2>/dev/null | grep -Eo '[0-9]+'); do
    if grep -qs 'MediaGen.Functions.dll' "/proc/$pid/cmdline"; then kill "$pid" 2>/dev/null || true; fi
  done
  for pid in "${pids[@]}" ${sleeper:-} $(cat "$run_dir"/*.pid 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# wait_for_line LOG REGEX [SECONDS [PID]]: waits (default 30 s; gives up early once process PID is gone) for a line in
# LOG and prints the regex's first match.
wait_for_line() {
  local log="$1" regex="$2" i
  for ((i = 0; i < ${3:-30} * 10; i++)); do
    if grep -Eo "$regex" "$log" 2>/dev/null | head -1 | grep . ; then return 0; fi
    if [[ -n "${4:-}" ]] && ! kill -0 "$4" 2>/dev/null; then break; fi
    sleep 0.1
  done
  echo "run.sh: no line matching '$regex' in $log:" >&2; tail -20 "$log" >&2; return 1
}

# Azurite, on free ports; its wrapper stops it when this script's end of the pipe closes.
exec 3> >(node scripts/azurite.mjs --location "$run_dir/azurite" >"$run_dir/logs/azurite.log" 2>&1)
pids+=($!)
blob_url="$(wait_for_line "$run_dir/logs/azurite.log" 'Blob service is successfully listening at http://[0-9.:]+' | grep -Eo 'http://[0-9.:]+')"
queue_url="$(wait_for_line "$run_dir/logs/azurite.log" 'Queue service is successfully listening at http://[0-9.:]+' | grep -Eo 'http://[0-9.:]+')"
table_url="$(wait_for_line "$run_dir/logs/azurite.log" 'Table service is successfully listening at http://[0-9.:]+' | grep -Eo 'http://[0-9.:]+')"
account_key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="  # Azurite's public dev key
storage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$account_key;BlobEndpoint=$blob_url/devstoreaccount1;QueueEndpoint=$queue_url/devstoreaccount1;TableEndpoint=$table_url/devstoreaccount1;"

# start_app NAME DLL [ENV=VALUE ...]: runs a built app on 127.0.0.1:0, prints its address.
start_app() {
  local name="$1" dll="$2"; shift 2
  env "$@" ASPNETCORE_URLS="http://127.0.0.1:0" ASPNETCORE_ENVIRONMENT=Development \
    dotnet "$dll" >"$run_dir/logs/$name.log" 2>&1 &
  echo $! > "$run_dir/$name.pid"  # called in $(...), a subshell: the pid travels by file
  wait_for_line "$run_dir/logs/$name.log" 'Now listening on: http://[0-9.:]+' | grep -Eo 'http://[0-9.:]+'
}

simulator_url="$(start_app simulator src/MediaGen.Simulator/bin/Release/net10.0/MediaGen.Simulator.dll)"

# The host's own address must be known before it starts: Pixazo webhooks are sent to it.
host_port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
host_url="http://127.0.0.1:$host_port"
secret() { node -e 'console.log(require("crypto").randomBytes(24).toString("base64url"))'; }
whsec() { node -e 'console.log("whsec_"+require("crypto").randomBytes(32).toString("base64"))'; }
api_key="$(secret)"; callback_key="$(whsec)"; callback_next_key="$(whsec)"; webhook_key="$(secret)"
requests_queue=mediagen-requests; results_queue=mediagen-results; inbox=inbox
# The settings both apps read, under the same names.
app_settings=(
  "AzureWebJobsStorage=$storage"
  "Api__Key=$api_key"
  "Cosmic__BaseUrl=$simulator_url" "Cosmic__BucketSlug=demo-bucket" "Cosmic__WriteKey=simulator-key"
  "Pixazo__BaseUrl=$simulator_url" "Pixazo__SubscriptionKey=simulator-key"
  "Comet__BaseUrl=$simulator_url" "Comet__ApiKey=simulator-key"
  "Media__AllowedNetworks=127.0.0.1/32"
  "Workflows__PublicBaseUrl=$host_url" "Workflows__WebhookSigningKey=$webhook_key"
  "Workflows__PollInitialInterval=00:00:01" "Workflows__PollMaxInterval=00:00:03"
  "Callbacks__SigningKey=$callback_key" "Callbacks__SecondarySigningKey=$callback_next_key" "Callbacks__FirstRetryInterval=00:00:01"
  "RequestQueueName=$requests_queue" "Workflows__ResultsQueue=$results_queue" "BlobInboxContainerName=$inbox"
)
if [[ "$functions" == 1 ]]; then
  # The Functions app: its settings file written for this run from the sample (the polling inbox function on, the Event
  # Grid one off: Azurite raises no Event Grid events); the stand-in host serves it on the chosen port.
  app="the Functions app (src/MediaGen.Functions) under the stand-in Functions host"
  node scripts/local-settings.mjs local.settings.sample.json "$run_dir/local.settings.json" "${app_settings[@]}" \
    "AzureWebJobs.BlobInbox.Disabled=true" "AzureWebJobs.BlobInboxPolling.Disabled=false"
  dotnet tools/MediaGen.StandInHost/bin/Release/net10.0/MediaGen.StandInHost.dll --app src/MediaGen.Functions/bin/Release/net10.0 \
    --settings "$run_dir/local.settings.json" --host-json host.json --port "$host_port" >"$run_dir/logs/host.log" 2>&1 &
  echo $! > "$run_dir/host.pid"
  # It indexes the app, starts the worker and the extensions before it answers: allow longer than the standalone host.
  wait_for_line "$run_dir/logs/host.log" "^ready: $host_url" 180 "$(cat "$run_dir/host.pid")" >/dev/null
  dashboard="$host_url/api/dashboard/"
  demo_env=()   # the blob trigger keeps its own receipts (azure-webjobs-hosts), no marker blobs
else
  app="the standalone host (src/MediaGen.Host)"
  env "${app_settings[@]}" "ASPNETCORE_URLS=$host_url" \
    "BlobInbox__ProcessedContainerName=$inbox-processed" "BlobInbox__PollingInterval=00:00:01" ASPNETCORE_ENVIRONMENT=Development \
    dotnet src/MediaGen.Host/bin/Release/net10.0/MediaGen.Host.dll >"$run_dir/logs/host.log" 2>&1 &
  echo $! > "$run_dir/host.pid"
  wait_for_line "$run_dir/logs/host.log" 'Now listening on: http://[0-9.:]+' >/dev/null
  dashboard="$host_url/dashboard/"
  demo_env=("DEMO_INBOX_PROCESSED=$inbox-processed")
fi

check() { # check NAME URL (readiness: the host's engine creates its task hub just after start-up, so allow ~30 s)
  local body i
  for i in $(seq 1 60); do body="$(curl -fsS --max-time 10 "$2" 2>/dev/null)" && break; sleep 0.5; done
  body="$(curl -fsS --max-time 10 "$2")" || { echo "run.sh: $1 is not healthy at $2 (log: .run/logs/$1.log)" >&2; return 1; }
  printf '  %-10s %s  ->  %s\n' "$1" "$2" "$body"
}

echo
echo "MediaGen is up: $app"
printf '  %-10s %s (blob)  %s (queue)  data: .run/azurite\n' azurite "$blob_url" "$queue_url"
check simulator "$simulator_url/health"
check host "$host_url/api/health"
echo "  API key:   $api_key   (header x-functions-key; generated for this run)"
[[ "$functions" == 1 ]] || echo "  OpenAPI:   $host_url/openapi/v1.json"
echo "  dashboard: $dashboard   (enter the API key above; with --serve it stays up)"
echo "  logs:      .run/logs/"
echo

status=0
DEMO_HOST_URL="$host_url" DEMO_API_KEY="$api_key" DEMO_CALLBACK_KEY="$callback_key" DEMO_CALLBACK_NEXT_KEY="$callback_next_key" \
DEMO_BLOB_URL="$blob_url" DEMO_QUEUE_URL="$queue_url" \
DEMO_ACCOUNT=devstoreaccount1 DEMO_ACCOUNT_KEY="$account_key" \
DEMO_REQUESTS_QUEUE="$requests_queue" DEMO_RESULTS_QUEUE="$results_queue" \
DEMO_INBOX="$inbox" DEMO_INTAKE_CALLER=default \
  env "${demo_env[@]}" node scripts/demo.mjs || status=$?
if [[ "$status" != 0 ]]; then
  echo "run.sh: the demo failed (exit $status); see .run/logs/host.log" >&2
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
