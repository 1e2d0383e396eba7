#!/usr/bin/python3
"""Anchor for bench/compare.ts: the same paired bootstrap with numpy (and scikit-learn's weighted
ROC AUC) on bench/out/compare.csv. Prints flips, McNemar (scipy), point deltas, their percentile
intervals and the time per resample. usage: /usr/bin/python3 bench/compare_numpy.py [resamples]
"""
import json
import sys
import time

import numpy as np
from scipy import stats

resamples = int(sys.argv[1]) if len(sys.argv) > 1 else 50
data = np.loadtxt("bench/out/compare.csv", delimiter=",", skiprows=1)
y, s_old, s_new = data[:, 0].astype(int), data[:, 1], data[:, 2]
n = len(y)
c_old = ((s_old >= 0.5).astype(int) == y)
c_new = ((s_new >= 0.5).astype(int) == y)
b = int(np.sum(c_old & ~c_new))
c = int(np.sum(~c_old & c_new))
eps = 1e-15


def metrics(w, s, correct):
    total = w.sum()
    p = np.clip(s, eps, 1 - eps)
    values = {
        "accuracy": np.dot(w, correct) / total,
        "brier": np.dot(w, (s - y) ** 2) / total,
        "logLoss": np.dot(w, -(y * np.log(p) + (1 - y) * np.log(1 - p))) / total,
    }
    try:
        from sklearn.metrics import roc_auc_score

        values["rocAuc"] = roc_auc_score(y, s, sample_weight=w)
    except ImportError:
        values["rocAuc"] = float("nan")
    return values


ones = np.ones(n)
point_old, point_new = metrics(ones, s_old, c_old), metrics(ones, s_new, c_new)
rng = np.random.default_rng(1)
samples = {k: [] for k in point_old}
start = time.perf_counter()
for _ in range(resamples):
    w = np.bincount(rng.integers(0, n, n), minlength=n).astype(float)
    o, v = metrics(w, s_old, c_old), metrics(w, s_new, c_new)
    for k in samples:
        samples[k].append(v[k] - o[k])
per = (time.perf_counter() - start) * 1000 / resamples
print(json.dumps({
    "rows": n, "resamples": resamples, "bootstrapMsPerResample": round(per, 2),
    "negativeFlips": b, "positiveFlips": c,
    "mcnemarPValue": float(stats.binomtest(min(b, c), b + c, 0.5).pvalue) if b + c else 1.0,
    "deltas": {k: {"value": point_new[k] - point_old[k], "ci": list(np.percentile(samples[k], [2.5, 97.5]))} for k in samples},
}, indent=2))
