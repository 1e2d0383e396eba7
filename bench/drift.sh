#!/bin/sh
# bench/drift: `assay drift` vs pandas + SciPy on the same data, in one run.
# Data: flights-3m.parquet (vega-datasets), first 1.5M rows as reference, last 1.5M as current.
# Measures (1) the whole CLI (Parquet in, JSON out) vs the Python script end to end (CSV in: Debian's
# pandas has no Parquet engine), (2) the statistics step alone on arrays already in memory, and
# (3) that both compute the same numbers.
# usage: sh bench/drift.sh        (after `npx tsc -p .`; needs /usr/bin/python3 with scipy + pandas)
set -eu
cd "$(dirname "$0")/.."
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
FLIGHTS=node_modules/vega-datasets/data/flights-3m.parquet
PY=/usr/bin/python3

node --input-type=module -e "
import { DuckDBInstance } from '@duckdb/node-api';
const c = await (await DuckDBInstance.create(':memory:')).connect();
await c.run(\"COPY (SELECT * FROM '$FLIGHTS' LIMIT 1500000) TO '$WORK/ref.parquet' (FORMAT parquet)\");
await c.run(\"COPY (SELECT * FROM '$FLIGHTS' OFFSET 1500000) TO '$WORK/cur.parquet' (FORMAT parquet)\");
await c.run(\"COPY (SELECT * FROM '$WORK/ref.parquet') TO '$WORK/ref.csv' (HEADER)\");
await c.run(\"COPY (SELECT * FROM '$WORK/cur.parquet') TO '$WORK/cur.csv' (HEADER)\");
"

now() { date +%s.%N; }
median3() { printf '%s\n%s\n%s\n' "$1" "$2" "$3" | sort -g | sed -n 2p; }

cli_run() {
  s=$(now)
  ASSAY_EVIDENCE=off node dist/src/cli/main.js drift "$WORK/ref.parquet" "$WORK/cur.parquet" --json > "$WORK/assay.json" || true
  e=$(now)
  echo "$e - $s" | bc -l
}
py_run() {
  s=$(now)
  $PY bench/drift_scipy.py "$WORK/ref.csv" "$WORK/cur.csv" "$WORK/scipy.json" > "$WORK/scipy-stats.json"
  e=$(now)
  echo "$e - $s" | bc -l
}

echo "== whole run: assay drift (parquet → JSON) vs pandas + scipy script (CSV → JSON), 3 runs each, interleaved"
c1=$(cli_run); p1=$(py_run); c2=$(cli_run); p2=$(py_run); c3=$(cli_run); p3=$(py_run)
CLI=$(median3 "$c1" "$c2" "$c3"); PYT=$(median3 "$p1" "$p2" "$p3")
printf 'assay drift     median %.3f s   (runs %.3f %.3f %.3f)\n' "$CLI" "$c1" "$c2" "$c3"
printf 'pandas + scipy  median %.3f s   (runs %.3f %.3f %.3f)\n' "$PYT" "$p1" "$p2" "$p3"
printf 'ratio (python / assay): %.1f×   goals: assay ≤ 1.5 s and ≤ half the python time\n' "$(echo "$PYT / $CLI" | bc -l)"

echo "== statistics step only (arrays in memory; best of 5 for assay, the python runs above)"
node dist/bench/drift-stats.js "$WORK/ref.parquet" "$WORK/cur.parquet" 5 > "$WORK/assay-stats.json"
node --input-type=module -e "
import { readFileSync } from 'node:fs';
const a = JSON.parse(readFileSync('$WORK/assay-stats.json', 'utf8'));
const p = JSON.parse(readFileSync('$WORK/scipy-stats.json', 'utf8'));
console.log('assay stats   ', a.statsSeconds.toFixed(3), 's', JSON.stringify(Object.fromEntries(Object.entries(a.perColumn).map(([k, v]) => [k, +v.toFixed(3)]))));
console.log('scipy stats   ', p.statsSeconds.toFixed(3), 's');
console.log('ratio (scipy / assay):', (p.statsSeconds / a.statsSeconds).toFixed(1) + '×   goal ≥ 5×');
for (const [k, v] of Object.entries(p.ksSeconds)) console.log('KS only,', k.padEnd(9), 'assay', a.ksSeconds[k].toFixed(4), 's   scipy ks_2samp', v.toFixed(4), 's   ratio', (v / a.ksSeconds[k]).toFixed(1) + '×');
const ours = JSON.parse(readFileSync('$WORK/assay.json', 'utf8'));
const theirs = JSON.parse(readFileSync('$WORK/scipy.json', 'utf8'));
let worst = 0, where = '';
const rel = (x, y) => (x === y ? 0 : Math.abs(x - y) / Math.max(Math.abs(y), 1e-300));
for (const c of ours.columns) {
  const t = theirs[c.name]; const s = c.stats;
  const pairs = 'ks' in s
    ? [['ks.statistic', s.ks.statistic, t.ks.statistic], ['ks.pValue', s.ks.pValue, t.ks.pValue], ['wasserstein', s.wasserstein, t.wasserstein], ['wassersteinNorm', s.wassersteinNorm, t.wassersteinNorm], ['psi', s.psi, t.psi], ['js', s.js, t.js]]
    : [['chi2.statistic', s.chi2.statistic, t.chi2.statistic], ['chi2.pValue', s.chi2.pValue, t.chi2.pValue], ['js', s.js, t.js], ['linf', s.linf, t.linf], ['psi', s.psi, t.psi]];
  for (const [k, x, y] of pairs) { const r = rel(x ?? 0, y); if (r > worst) { worst = r; where = c.name + ' ' + k + ' ' + x + ' vs ' + y; } }
}
console.log('agreement with scipy: worst relative difference', worst.toExponential(2), where ? '(' + where + ')' : '');
console.log('columns:', ours.columns.map((c) => c.name + '=' + c.status).join(' '), '| dataset drifted:', ours.drifted);
"
