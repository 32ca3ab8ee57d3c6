#!/usr/bin/env bash
# Leave-one-category-out cross-validation of the anomaly scorer's parameters on a NAB data tree
# (see NabCrossValidation.java). Prints the defaults' scores, the parameters tuned on every
# category, and per held-out category the scores of parameters tuned without it.
#
# usage: benchmarks/nab/cross-validate.sh [NAB_DIR]
#   NAB_DIR  holds data/, labels/combined_windows.json, config/profiles.json
#            (default: ../shared/data/dev/nab beside the repository)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
nab="${1:-$root/../shared/data/dev/nab}"
[ -f "$nab/labels/combined_windows.json" ] || { echo "no NAB labels under $nab" >&2; exit 2; }

# Compile the scorer first (incremental: quick when nothing changed), so results match the sources.
"$root/mvnw" -B -q -f "$root/pom.xml" -pl streams-app -am compile
classes="$root/streams-app/target/classes"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
javac -d "$scratch" "$root/benchmarks/nab/NabScore.java"
java -cp "$scratch:$classes" "$root/benchmarks/nab/NabCrossValidation.java" --nab "$nab"
