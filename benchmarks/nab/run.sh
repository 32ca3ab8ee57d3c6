#!/usr/bin/env bash
# Runs `./guardstream score-series` over every series of a NAB data tree and prints the NAB score
# per profile (standard, reward_low_FP_rate, reward_low_FN_rate) as JSON.
#
# usage: benchmarks/nab/run.sh [NAB_DIR] [RESULTS_DIR]
#   NAB_DIR      holds data/, labels/combined_windows.json, config/profiles.json
#                (default: ../shared/data/dev/nab beside the repository)
#   RESULTS_DIR  where the scored CSVs go (default: a temporary directory, removed afterwards)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
nab="${1:-$root/../shared/data/dev/nab}"
results="${2:-}"
cleanup=""
if [ -z "$results" ]; then
  results="$(mktemp -d)"
  cleanup="$results"
fi
trap '[ -n "$cleanup" ] && rm -rf "$cleanup"' EXIT

[ -f "$nab/labels/combined_windows.json" ] || { echo "no NAB labels under $nab" >&2; exit 2; }

# Build once (the launcher rebuilds when sources changed), then score without rebuild checks.
"$root/guardstream" --version >/dev/null
count=0
while IFS= read -r series; do
  rel="${series#"$nab/data/"}"
  mkdir -p "$results/$(dirname "$rel")"
  GUARDSTREAM_SKIP_BUILD=1 "$root/guardstream" score-series --input "$series" --output "$results/$rel" >/dev/null
  count=$((count + 1))
done < <(find "$nab/data" -name '*.csv' | sort)
echo "scored $count series into $results" >&2

java "$root/benchmarks/nab/NabScore.java" --nab "$nab" --results "$results"
