#!/usr/bin/env bash
# Flakiness soak (issue 11.7): runs the whole test suite (the README's test command, scripts/test.sh) PAIRS times, two
# suites at once each time, so every run shares the machine with another full suite (on a 2-core machine: a loaded
# machine). Each suite runs in its own fresh clone of HEAD (with ../shared beside it, as CI has it), so the runs share
# nothing but the machine. Prints each run's "Total:" line and one summary line; exits 1 when any run failed.
# About 25-30 min per pair on 2 cores.
#   scripts/soak.sh            # 3 pairs: 6 runs
#   PAIRS=1 scripts/soak.sh
#   KEEP=1 scripts/soak.sh     # keep the runs' logs (under $TMPDIR/mediagen-soak-*) for a look at failures
# Last line: soak runs=… passed=… failed=… (each run's log: <work>/run<N>.log).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pairs="${PAIRS:-3}"
shared="$(cd "$root/.." && pwd)/shared"
if [[ ! -d "$shared" ]]; then
  echo "soak: ../shared (the provider documents) must be beside the checkout" >&2
  exit 2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/mediagen-soak-XXXXXX")"
cleanup() { [[ "${KEEP:-0}" == 1 ]] || rm -rf "$work"; }
trap cleanup EXIT
rev="$(git -C "$root" rev-parse HEAD)"
echo "soak: $pairs pairs of suites at once, clones of ${rev:0:7} (HEAD when the soak started) under $work"

passed=0 failed=0 run=0
for ((pair = 1; pair <= pairs; pair++)); do
  pids=()
  for side in a b; do
    run=$((run + 1))
    clone="$work/$pair$side"
    git clone -q "$root" "$clone/main"
    git -C "$clone/main" checkout -q --detach "$rev"
    ln -s "$shared" "$clone/shared"
    (cd "$clone/main" && CI=true bash scripts/test.sh < /dev/null > "$work/run$run.log" 2>&1) &
    pids+=("$!:$run")
  done

  for entry in "${pids[@]}"; do
    pid="${entry%%:*}" n="${entry##*:}"
    if wait "$pid"; then
      passed=$((passed + 1))
      verdict=passed
    else
      failed=$((failed + 1))
      verdict=FAILED
    fi

    echo "  run $n (pair $pair): $verdict — $(grep -a '^Total:' "$work/run$n.log" | tail -n 1 || echo 'no Total line')"
    if [[ "$verdict" == FAILED ]]; then
      grep -aE '^\s+Failed [A-Za-z]|\[FAIL\]' "$work/run$n.log" | sort -u | head -n 20 | sed 's/^/    /' || true
    fi
  done

  # The clones (builds, node_modules) take GBs: only the logs are kept.
  rm -rf "$work/${pair}a" "$work/${pair}b"
done

echo "soak runs=$run passed=$passed failed=$failed"
[[ "$failed" == 0 ]]
