"""The anchor for bench/drift.sh: the same drift statistics with pandas + SciPy (Debian packages).

usage: python3 drift_scipy.py REFERENCE.csv CURRENT.csv OUT.json
Reads both CSVs with pandas (Debian's pandas has no Parquet engine: pyarrow/fastparquet are not
packaged with it here), computes per column what `assay drift` computes, and prints the seconds
spent in the statistics step alone (arrays already in memory) as JSON on stdout.
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from scipy import stats
from scipy.spatial.distance import jensenshannon

EPS = 1e-4


def numeric(ref, cur):
    ref_missing, cur_missing = int(np.isnan(ref).sum()), int(np.isnan(cur).sum())
    a, b = ref[np.isfinite(ref)], cur[np.isfinite(cur)]
    ks = stats.ks_2samp(a, b)
    w = stats.wasserstein_distance(a, b)
    edges = np.quantile(a, np.arange(1, 10) / 10)
    pa = np.bincount(np.searchsorted(edges, a, side="left"), minlength=10) / len(a)
    pb = np.bincount(np.searchsorted(edges, b, side="left"), minlength=10) / len(b)
    ea, eb = np.where(pa == 0, EPS, pa), np.where(pb == 0, EPS, pb)
    psi = float(np.sum((eb - ea) * np.log(eb / ea)))
    js = float(jensenshannon(pa, pb, base=2))
    out_of_range = float(((b < a.min()) | (b > a.max())).mean())
    return {
        "ks": {"statistic": float(ks.statistic), "pValue": float(ks.pvalue)},
        "wasserstein": float(w), "wassersteinNorm": float(w / a.std()), "psi": psi, "js": js,
        "outOfRange": out_of_range, "missingRate": missing(ref_missing, len(ref), cur_missing, len(cur)),
    }


def categorical(ref, cur):
    ref_missing, cur_missing = int(ref.isna().sum()), int(cur.isna().sum())
    ca, cb = ref.value_counts(), cur.value_counts()
    cats = ca.index.union(cb.index)
    na, nb = ca.reindex(cats, fill_value=0).to_numpy(), cb.reindex(cats, fill_value=0).to_numpy()
    chi2, p, dof, _ = stats.chi2_contingency(np.array([na, nb]))
    pa, pb = na / na.sum(), nb / nb.sum()
    ea, eb = np.where(pa == 0, EPS, pa), np.where(pb == 0, EPS, pb)
    return {
        "chi2": {"statistic": float(chi2), "pValue": float(p), "dof": int(dof)},
        "js": float(jensenshannon(pa, pb, base=2)), "linf": float(np.abs(pa - pb).max()),
        "psi": float(np.sum((eb - ea) * np.log(eb / ea))), "unseen": float(pb[na == 0].sum()),
        "missingRate": missing(ref_missing, len(ref), cur_missing, len(cur)),
    }


def missing(x1, n1, x2, n2):
    pool = (x1 + x2) / (n1 + n2)
    var = pool * (1 - pool) * (1 / n1 + 1 / n2)
    z = 0.0 if var == 0 else (x2 / n2 - x1 / n1) / np.sqrt(var)
    return {"statistic": float(z), "pValue": float(2 * stats.norm.sf(abs(z)))}


def main():
    ref_path, cur_path, out_path = sys.argv[1:4]
    ref = pd.read_csv(ref_path, parse_dates=["date"])
    cur = pd.read_csv(cur_path, parse_dates=["date"])
    arrays = {}
    for name in ref.columns:
        if name == "date":
            arrays[name] = ("numeric", ref[name].astype("int64").to_numpy() / 1e6, cur[name].astype("int64").to_numpy() / 1e6)
        elif pd.api.types.is_numeric_dtype(ref[name]):
            arrays[name] = ("numeric", ref[name].to_numpy(dtype=float), cur[name].to_numpy(dtype=float))
        else:
            arrays[name] = ("categorical", ref[name], cur[name])
    started = time.perf_counter()
    result = {name: (numeric(a, b) if kind == "numeric" else categorical(a, b)) for name, (kind, a, b) in arrays.items()}
    stats_seconds = time.perf_counter() - started
    ks_seconds = {}
    for name, (kind, a, b) in arrays.items():
        if kind == "numeric":
            t = time.perf_counter()
            stats.ks_2samp(a[np.isfinite(a)], b[np.isfinite(b)])
            ks_seconds[name] = time.perf_counter() - t
    with open(out_path, "w") as f:
        json.dump(result, f)
    print(json.dumps({"statsSeconds": stats_seconds, "ksSeconds": ks_seconds}))


if __name__ == "__main__":
    main()
