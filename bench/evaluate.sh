#!/bin/sh
# Runs bench/evaluate.ts and its scikit-learn anchor side by side; prints both JSON documents and the
# largest metric difference between them.
set -e
cd "$(dirname "$0")/.."
npx tsc -p . >/dev/null
node dist/bench/evaluate.js "$@" > bench/out/evaluate.json
/usr/bin/python3 bench/evaluate_sklearn.py bench/out/evaluate-1m.csv > bench/out/evaluate-sklearn.json
cat bench/out/evaluate.json bench/out/evaluate-sklearn.json
/usr/bin/python3 - <<'PY'
import json
ours = json.load(open("bench/out/evaluate.json"))["metrics"]["values"]
sk = json.load(open("bench/out/evaluate-sklearn.json"))["values"]
print("max |assay - sklearn| over metrics:", max(abs(ours[k] - sk[k]) for k in sk))
PY
