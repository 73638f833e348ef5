#!/usr/bin/env bash
# The README's test command: installs what it needs (scripts/bootstrap.sh), builds with warnings as
# errors and runs every test project. Integration tests start their own Azurite and simulator on
# free loopback ports, so nothing needs to be running first. Extra arguments go to `dotnet test`
# (e.g. --filter "FullyQualifiedName~Storage").
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash scripts/bootstrap.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The test projects run in parallel, each starting Azurite and worker processes: on a loaded 2-core machine a test
# host once took longer than vstest's default 90 s to answer its runner, and the project was aborted untested.
export VSTEST_CONNECTION_TIMEOUT="${VSTEST_CONNECTION_TIMEOUT:-300}"

dotnet build MediaGen.sln -c Release --nologo -v quiet -clp:ErrorsOnly --no-restore

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
# A hung test fails the run (with a dump of what hung) instead of eating CI's time.
dotnet test MediaGen.sln -c Release --no-build --nologo --blame-hang-timeout 8m "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line over all test projects, in the plain "N passed, N failed" form.
awk '
  /^(Passed|Failed)! +- Failed: / {
    gsub(/,/, ""); for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1)
    }
    n++
  }
  END { printf "\n%d test projects ran.\nTotal: %d passed, %d failed, %d skipped\n", n, p, f, s }
' "$log"
exit "$status"
