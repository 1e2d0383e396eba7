#!/usr/bin/env bash
# bench/profile: `assay profile flights-3m.parquet --json` against DuckDB computing the same exact statistics
# (count, missing, distinct, min, max, mean, std, quantiles, top values) as a whole node process, in one run.
# Also peak RSS for flights-3m and for a 30M-row file (flights concatenated 10×).
# Usage: bash bench/profile.sh [runs]   (needs `npm run build` first)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
DATA=node_modules/vega-datasets/data/flights-3m.parquet
OUT=bench/out; mkdir -p "$OUT"
export ASSAY_EVIDENCE=off

best() { # best wall time of N runs of a command, in seconds
  local best=999999
  for _ in $(seq "$RUNS"); do
    local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N)
    best=$(python3 -c "print(min($best, $t1 - $t0))")
  done
  echo "$best"
}
peak_rss_mb() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f", $1/1024}'; }

assay=$(best node dist/src/cli/main.js profile "$DATA" --json)
anchor=$(best node bench/duckdb-exact-profile.mjs "$DATA")
ratio=$(python3 -c "print(round($assay / $anchor, 2))")
echo "flights-3m  assay profile: ${assay}s   duckdb exact SQL profile (node process): ${anchor}s   ratio ${ratio}x (goal <= 1.2x)"

if [ ! -f "$OUT/flights-30m.parquet" ]; then
  node -e "
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const c = await (await DuckDBInstance.create(':memory:')).connect();
    const parts = Array.from({ length: 10 }, () => \"SELECT * FROM '$DATA'\").join(' UNION ALL ');
    await c.run(\"COPY (\" + parts + \") TO '$OUT/flights-30m.parquet' (FORMAT parquet, COMPRESSION zstd)\");
  " --input-type=module
fi
if [ -x /usr/bin/time ]; then
  echo "peak RSS flights-3m: $(peak_rss_mb node dist/src/cli/main.js profile "$DATA" --json) MB"
  echo "peak RSS flights-30m: $(peak_rss_mb node dist/src/cli/main.js profile "$OUT/flights-30m.parquet" --json) MB (goal < 1500)"
  echo "peak RSS flights-30m, stream engine: $(peak_rss_mb node dist/src/cli/main.js profile "$OUT/flights-30m.parquet" --json --engine stream) MB"
else
  echo "peak RSS: /usr/bin/time not installed (apt-get install time)"
fi
t30=$(RUNS=1 best node dist/src/cli/main.js profile "$OUT/flights-30m.parquet" --json)
echo "flights-30m assay profile: ${t30}s"
