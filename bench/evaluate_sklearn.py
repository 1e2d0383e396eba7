#!/usr/bin/python3
"""Anchor for bench/evaluate.ts: scikit-learn's metrics on the same 1M rows (bench/out/evaluate-1m.csv).

scikit-learn has no bootstrap; this times one pass of each metric and prints the values, so the
TypeScript numbers can be checked against them. usage: /usr/bin/python3 bench/evaluate_sklearn.py
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from sklearn import metrics

path = sys.argv[1] if len(sys.argv) > 1 else "bench/out/evaluate-1m.csv"
df = pd.read_csv(path, float_precision="round_trip")
y = df["y"].to_numpy()
s = df["score"].to_numpy()
t = time.perf_counter()
pred = (s >= 0.5).astype(int)
values = {
    "accuracy": metrics.accuracy_score(y, pred),
    "precision": metrics.precision_score(y, pred),
    "recall": metrics.recall_score(y, pred),
    "f1": metrics.f1_score(y, pred),
    "rocAuc": metrics.roc_auc_score(y, s),
    "prAuc": metrics.average_precision_score(y, s),
    "logLoss": metrics.log_loss(y, s),
    "brier": metrics.brier_score_loss(y, s),
    "balancedAccuracy": metrics.balanced_accuracy_score(y, pred),
    "mcc": metrics.matthews_corrcoef(y, pred),
}
ms = (time.perf_counter() - t) * 1000
print(json.dumps({"rows": len(y), "sklearnMetricsOnlyMs": round(ms, 1), "values": values}, indent=2))
