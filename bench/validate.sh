#!/usr/bin/env bash
# bench/validate: `assay validate flights-3m.parquet --schema S` against its anchor `assay profile
# flights-3m.parquet`, both as whole node processes (start-up, DuckDB, reading, output), best of N runs.
# S is the schema inferred from the same file. Goal: validate ≤ 1.5 × profile.
# Also the same on a corrupted copy (delay ×60, 1% of origins lower-cased), where every anomaly fetches
# its offending rows: the cost of a failing validation.
# Usage: bash bench/validate.sh [runs]   (needs `npm run build` first)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
DATA=node_modules/vega-datasets/data/flights-3m.parquet
OUT=bench/out; mkdir -p "$OUT"
export ASSAY_EVIDENCE=off
SCHEMA="$OUT/flights-3m.schema.yaml"
node dist/src/cli/main.js schema infer "$DATA" --out "$SCHEMA" 2>/dev/null

best() { # best wall time of N runs of a command, in seconds (exit 1 = anomalies found is fine)
  local best=999999
  for _ in $(seq "$RUNS"); do
    local t0 t1 rc=0; t0=$(date +%s.%N); "$@" >/dev/null || rc=$?; t1=$(date +%s.%N)
    if [ "$rc" -gt 1 ]; then echo "FAILED (exit $rc): $*" >&2; echo "nan"; return; fi
    best=$(python3 -c "print(min($best, $t1 - $t0))")
  done
  echo "$best"
}

cpu() { # least CPU time (user + sys, all threads) of N runs, in seconds: steadier than wall time on a busy machine
  local best=999999
  for _ in $(seq "$RUNS"); do
    local t rc; /usr/bin/time -o "$OUT/.cpu" -f "%U %S %x" "$@" >/dev/null 2>&1 || true
    rc=$(tail -1 "$OUT/.cpu" | awk '{print $3}')
    if [ "$rc" -gt 1 ]; then echo "FAILED (exit $rc): $*" >&2; continue; fi
    t=$(tail -1 "$OUT/.cpu" | awk '{print $1 + $2}')
    best=$(python3 -c "print(min($best, $t))")
  done
  echo "$best"
}

profile=$(best node dist/src/cli/main.js profile "$DATA" --json)
validate=$(best node dist/src/cli/main.js validate "$DATA" --schema "$SCHEMA" --json)
ratio=$(python3 -c "print(round($validate / $profile, 2))")
echo "flights-3m  assay validate: ${validate}s   assay profile: ${profile}s   ratio ${ratio}x (goal <= 1.5x)"
if [ -x /usr/bin/time ]; then
  pcpu=$(cpu node dist/src/cli/main.js profile "$DATA" --json)
  vcpu=$(cpu node dist/src/cli/main.js validate "$DATA" --schema "$SCHEMA" --json)
  echo "flights-3m  CPU time: validate ${vcpu}s   profile ${pcpu}s   ratio $(python3 -c "print(round($vcpu / $pcpu, 2))")x"
fi

BAD="$OUT/flights-3m-corrupt.parquet"
if [ ! -f "$BAD" ]; then
  node --input-type=module -e "
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const c = await (await DuckDBInstance.create(':memory:')).connect();
    await c.run(\"COPY (SELECT date, delay * 60 AS delay, distance, CASE WHEN hash(date, distance, delay) % 100 = 0 THEN lower(origin) ELSE origin END AS origin, destination FROM '$DATA') TO '$BAD' (FORMAT parquet, COMPRESSION zstd)\");
  "
fi
failing=$(best node dist/src/cli/main.js validate "$BAD" --schema "$SCHEMA" --json)
ratio2=$(python3 -c "print(round($failing / $profile, 2))")
echo "flights-3m corrupted  assay validate: ${failing}s   ratio to profile ${ratio2}x"
