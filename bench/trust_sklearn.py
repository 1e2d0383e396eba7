#!/usr/bin/python3
"""Anchor for bench/trust.ts: scikit-learn's IsolationForest and a NumPy Mahalanobis (LedoitWolf) on the
same rows (bench/out/trust-*.csv, written by bench/trust.ts). Times fit and scoring (median of repeats)
and the AUROC held-out vs shifted. usage: /usr/bin/python3 bench/trust_sklearn.py [repeats] [seeds]
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from sklearn.covariance import LedoitWolf
from sklearn.ensemble import IsolationForest
from sklearn.metrics import roc_auc_score

repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
seeds = int(sys.argv[2]) if len(sys.argv) > 2 else 10
read = lambda name: pd.read_csv(f"bench/out/trust-{name}.csv", float_precision="round_trip").to_numpy(dtype=float)
reference = read("reference")
held = read("heldout")


WARMUP = 3  # untimed runs first, as bench/trust.ts does


def timed(work):
    times, value = [], None
    for _ in range(WARMUP):
        work()
    for _ in range(repeats):
        t = time.perf_counter()
        value = work()
        times.append((time.perf_counter() - t) * 1000)
    return float(np.median(times)), value


results = {}
mu, sd = reference.mean(0), reference.std(0)
for task in ["noise", "hours-monthly"]:
    both = np.vstack([held, read(task)])
    truth = np.r_[np.zeros(len(held)), np.ones(len(both) - len(held))]
    fit_ms, forest = timed(lambda: IsolationForest(random_state=0).fit(reference))
    score_ms, _ = timed(lambda: forest.score_samples(both))
    auc = np.mean([roc_auc_score(truth, -IsolationForest(random_state=s).fit(reference).score_samples(both)) for s in range(seeds)])
    zr, zb = (reference - mu) / sd, (both - mu) / sd
    mfit_ms, lw = timed(lambda: LedoitWolf().fit(zr))
    # NumPy Mahalanobis from the fitted precision: ((z − m) P) · (z − m), summed per row
    def numpy_mahalanobis():
        c = zb - lw.location_
        return np.einsum("ij,jk,ik->i", c, lw.precision_, c)
    # The same into buffers made once (subtract(out=), einsum(out=)), as bench/trust.ts times ours.
    centred, d2_out = np.empty_like(zb), np.empty(len(zb))
    def numpy_mahalanobis_into():
        np.subtract(zb, lw.location_, out=centred)
        return np.einsum("ij,jk,ik->i", centred, lw.precision_, centred, out=d2_out)
    malloc_ms, d2 = timed(numpy_mahalanobis)
    mscore_ms, _ = timed(numpy_mahalanobis_into)
    results[task] = {
        "rows": int(len(both)),
        "isolationForest": {"fitMs": fit_ms, "scoreMs": score_ms, "rowsPerSecond": len(both) / (score_ms / 1000), "auroc": float(auc), "seeds": seeds},
        "mahalanobis": {"fitMs": mfit_ms, "scoreMs": mscore_ms, "rowsPerSecond": len(both) / (mscore_ms / 1000), "allocatingRowsPerSecond": len(both) / (malloc_ms / 1000), "auroc": float(roc_auc_score(truth, d2))},
    }
print(json.dumps({"repeats": repeats, "results": results}, indent=2))
