#!/bin/sh
# Runs bench/trust.ts and its scikit-learn / NumPy anchor on the same rows, one after the other, and
# prints both documents and the ratios: AUROC difference (goal ≤ 0.01) and scoring speed (goal ≥ 2×).
set -e
cd "$(dirname "$0")/.."
npx tsc -p . >/dev/null 2>&1
mkdir -p bench/out
node dist/bench/trust.js "$@" > bench/out/trust.json
/usr/bin/python3 bench/trust_sklearn.py > bench/out/trust-sklearn.json
cat bench/out/trust.json bench/out/trust-sklearn.json
/usr/bin/python3 - <<'PY'
import json
ours = json.load(open("bench/out/trust.json"))["results"]
anchor = json.load(open("bench/out/trust-sklearn.json"))["results"]
for task in anchor:
    for detector in ["isolationForest", "mahalanobis"]:
        a, b = ours[task][detector], anchor[task][detector]
        print(f"{task:14} {detector:16} AUROC assay {a['auroc']:.4f} anchor {b['auroc']:.4f} diff {a['auroc'] - b['auroc']:+.4f}"
              f"  scoring {a['rowsPerSecond']:,.0f} vs {b['rowsPerSecond']:,.0f} rows/s = {a['rowsPerSecond'] / b['rowsPerSecond']:.1f}x"
              f"  fit {a['fitMs']:.1f} vs {b['fitMs']:.1f} ms = {b['fitMs'] / a['fitMs']:.1f}x faster")
        if "allocatingRowsPerSecond" in a:
            print(f"{'':14} {'':16} allocating a fresh output per call: {a['allocatingRowsPerSecond']:,.0f} vs "
                  f"{b['allocatingRowsPerSecond']:,.0f} rows/s = {a['allocatingRowsPerSecond'] / b['allocatingRowsPerSecond']:.1f}x")
e = ours["ensemble14Columns"]
print(f"full detector, 14 columns: fit {e['fitMs']:.0f} ms, scoring {e['rowsPerSecond']:,.0f} rows/s ({e['rows']} rows)")
PY
