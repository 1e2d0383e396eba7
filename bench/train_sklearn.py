#!/usr/bin/python3
"""Anchor for bench/train.ts and test/model/baselines/gbdt: scikit-learn's HistGradientBoostingClassifier
with native categoricals on adult (train on adult_train.csv, test ROC AUC on adult_test.csv).

Params as Assay's gbdt defaults map: learning_rate 0.1, max_iter 100, max_leaf_nodes 31,
min_samples_leaf 20, l2_regularization 0, max_bins 255, no early stopping.
Text columns are ordinal-encoded (sorted categories; '?' is a category of its own, as in Assay).
usage: /usr/bin/python3 bench/train_sklearn.py [train.csv test.csv label positive] > out.json
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score

args = sys.argv[1:]
train_path = args[0] if len(args) > 0 else "examples/adult/adult_train.csv"
test_path = args[1] if len(args) > 1 else "examples/adult/adult_test.csv"
label = args[2] if len(args) > 2 else "income-per-year"
positive = args[3] if len(args) > 3 else ">50K"

train = pd.read_csv(train_path, keep_default_na=False, na_values=[""])
test = pd.read_csv(test_path, keep_default_na=False, na_values=[""])
features = [c for c in train.columns if c != label]
categorical = [c for c in features if train[c].dtype == object]


def encode(df):
    out = pd.DataFrame(index=df.index)
    for c in features:
        if c in categorical:
            cats = sorted(set(train[c].dropna()))
            index = {v: i for i, v in enumerate(cats)}
            out[c] = df[c].map(lambda v: index.get(v, np.nan)).astype(float)
        else:
            out[c] = df[c].astype(float)
    return out


xtr, xte = encode(train), encode(test)
ytr = (train[label].astype(str) == positive).astype(int).to_numpy()
yte = (test[label].astype(str) == positive).astype(int).to_numpy()
params = dict(
    learning_rate=0.1,
    max_iter=100,
    max_leaf_nodes=31,
    min_samples_leaf=20,
    l2_regularization=0.0,
    max_bins=255,
    early_stopping=False,
)
mask = [c in categorical for c in features]
results = []
for seed in range(int(__import__("os").environ.get("REPEATS", "3"))):
    t = time.perf_counter()
    c = time.process_time()
    model = HistGradientBoostingClassifier(categorical_features=mask, random_state=seed, **params)
    model.fit(xtr, ytr)
    fit_ms = (time.perf_counter() - t) * 1000
    cpu_ms = (time.process_time() - c) * 1000
    auc = roc_auc_score(yte, model.predict_proba(xte)[:, 1])
    results.append({"seed": seed, "fitMs": round(fit_ms, 1), "cpuMs": round(cpu_ms, 1), "testRocAuc": auc})
print(
    json.dumps(
        {
            "tool": "scikit-learn HistGradientBoostingClassifier",
            "sklearnVersion": __import__("sklearn").__version__,
            "trainRows": len(ytr),
            "testRows": len(yte),
            "params": params,
            "categorical": categorical,
            "runs": results,
            "testRocAuc": float(np.median([r["testRocAuc"] for r in results])),
            "fitMsMedian": float(np.median([r["fitMs"] for r in results])),
            "cpuMsMedian": float(np.median([r["cpuMs"] for r in results])),
        },
        indent=2,
    )
)
