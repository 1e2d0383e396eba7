#!/bin/sh
# bench/train: Assay's gbdt and scikit-learn's HistGradientBoostingClassifier (native categoricals,
# the same params, one OpenMP thread: Assay trains on one thread) on adult, in the same run: fit time
# (wall and CPU) and test ROC AUC. usage: bench/train.sh [repeats]
set -e
cd "$(dirname "$0")/.."
mkdir -p bench/out
npx tsc -p . >/dev/null
node dist/bench/train.js "${1:-3}" > bench/out/train.json
OMP_NUM_THREADS=1 REPEATS="${1:-3}" /usr/bin/python3 bench/train_sklearn.py > bench/out/train-sklearn.json
/usr/bin/python3 - <<'PY'
import json
a = json.load(open("bench/out/train.json"))
s = json.load(open("bench/out/train-sklearn.json"))
print(f"adult train {a['trainRows']} rows → test {a['testRows']} rows, 100 trees, 31 leaves")
print(f"  assay gbdt      ROC AUC {a['testRocAuc']:.5f}  fit wall {a['fitMsMedian']} ms  cpu {a['cpuMsMedian']} ms")
print(f"  sklearn HGB     ROC AUC {s['testRocAuc']:.5f}  fit wall {s['fitMsMedian']:.0f} ms  cpu {s['cpuMsMedian']:.0f} ms")
print(f"  AUC difference  {a['testRocAuc'] - s['testRocAuc']:+.5f}   cpu ratio {a['cpuMsMedian'] / s['cpuMsMedian']:.2f}x")
PY
