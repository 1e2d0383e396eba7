#!/usr/bin/env bash
# bench/validate-rules: what a contract's hand-written rules cost. `assay validate flights-3m.parquet`
# with the inferred schema plus the six rules of examples/flights/flights.contract.yaml (two foreign
# keys into airports.csv, an expression, a regular expression, a conditional rule, a row count against
# the same file as the previous batch: a Parquet count is metadata) against its anchor, the same
# command with the inferred schema alone. Both as whole node processes, least CPU time (user + sys) and best wall time of N runs. Goal: rules ≤ 1.3 × the anchor.
# Usage: bash bench/validate-rules.sh [runs]   (needs `npm run build` first)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
DATA=node_modules/vega-datasets/data/flights-3m.parquet
OUT=bench/out; mkdir -p "$OUT"
export ASSAY_EVIDENCE=off
SCHEMA="$OUT/flights-3m.schema.yaml"
RULES="$OUT/flights-3m.rules.schema.yaml"
node dist/src/cli/main.js schema infer "$DATA" --out "$SCHEMA" 2>/dev/null
{ cat "$SCHEMA"; echo "tables:"; echo "  airports: $PWD/node_modules/vega-datasets/data/airports.csv";
  sed -n '/^rules:/,$p' examples/flights/flights.contract.yaml; } > "$RULES"
PREVIOUS="previous=$DATA"

measure() { # "wall cpu": best wall time and least CPU time of N runs (exit 1 = anomalies found is fine)
  local wall=999999 cpu=999999
  for _ in $(seq "$RUNS"); do
    local t0 t1 rc; t0=$(date +%s.%N)
    /usr/bin/time -o "$OUT/.cpu" -f "%U %S %x" "$@" >/dev/null 2>&1 || true
    t1=$(date +%s.%N)
    rc=$(tail -1 "$OUT/.cpu" | awk '{print $3}')
    if [ "$rc" -gt 1 ]; then echo "FAILED (exit $rc): $*" >&2; exit 2; fi
    wall=$(python3 -c "print(min($wall, $t1 - $t0))")
    cpu=$(python3 -c "print(min($cpu, $(tail -1 "$OUT/.cpu" | awk '{print $1 + $2}')))")
  done
  echo "$wall $cpu"
}

read -r aw ac < <(measure node dist/src/cli/main.js validate "$DATA" --schema "$SCHEMA" --json)
read -r rw rc < <(measure node dist/src/cli/main.js validate "$DATA" --schema "$RULES" --table "$PREVIOUS" --json)
echo "flights-3m  validate with 6 rules: wall ${rw}s cpu ${rc}s   without: wall ${aw}s cpu ${ac}s"
echo "ratio  wall $(python3 -c "print(round($rw / $aw, 2))")x   cpu $(python3 -c "print(round($rc / $ac, 2))")x   (goal <= 1.3x)"
