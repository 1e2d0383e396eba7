/**
 * The best split of one node from its histograms. Gain (XGBoost's, without γ):
 * G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ). Numeric features scan bin prefixes with the missing rows
 * sent left and then right (and "all values left, missing right" when there are missing rows).
 * Categorical features sort their categories by G/(H + smoothing) and scan prefixes of that order
 * (Fisher 1958; LightGBM's native categorical split), missing again tried on both sides. A child
 * needs at least `minLeaf` rows and hessian ≥ `minHessian`.
 */
import type { FeatureBinning } from "./binning.js";
import { binCount, MISSING } from "./binning.js";
import type { Histograms } from "./histogram.js";

export interface Split {
  gain: number;
  feature: number;
  /** Numeric: bins ≤ threshold go left. */
  threshold: number;
  /** Categorical: the bins (category indices) that go left. */
  categories: number[] | null;
  missingLeft: boolean;
  leftRows: number;
  leftGradient: number;
  leftHessian: number;
}

export interface SplitOptions {
  lambda: number;
  minLeaf: number;
  minHessian: number;
  categoricalSmoothing: number;
}

export function bestSplit(
  hist: Histograms,
  binning: FeatureBinning[],
  total: { gradient: number; hessian: number; rows: number },
  o: SplitOptions,
): Split | null {
  const { gradient: G, hessian: H, rows: N } = total;
  const parent = (G * G) / (H + o.lambda);
  let best: Split | null = null;
  const consider = (
    gain: number,
    feature: number,
    threshold: number,
    categories: number[] | null,
    missingLeft: boolean,
    gl: number,
    hl: number,
    nl: number,
  ) => {
    if (!(gain > 1e-12) || (best && gain <= best.gain)) return;
    best = {
      gain,
      feature,
      threshold,
      categories,
      missingLeft,
      leftRows: nl,
      leftGradient: gl,
      leftHessian: hl,
    };
  };
  const score = (gl: number, hl: number, nl: number): number => {
    const nr = N - nl;
    const hr = H - hl;
    if (nl < o.minLeaf || nr < o.minLeaf || hl < o.minHessian || hr < o.minHessian) return -1;
    const gr = G - gl;
    return (gl * gl) / (hl + o.lambda) + (gr * gr) / (hr + o.lambda) - parent;
  };
  binning.forEach((f, j) => {
    const h = hist[j];
    const m = MISSING * 3;
    const gm = h[m];
    const hm = h[m + 1];
    const nm = h[m + 2];
    const nb = binCount(f);
    let order: number[];
    if (f.kind === "numeric") order = Array.from({ length: nb }, (_, b) => b);
    else {
      order = [];
      for (let b = 0; b < nb; b++) if (h[b * 3 + 2] > 0) order.push(b);
      const ratio = (b: number) => h[b * 3] / (h[b * 3 + 1] + o.categoricalSmoothing);
      order.sort((a, b) => ratio(a) - ratio(b) || a - b);
    }
    let gl = 0;
    let hl = 0;
    let nl = 0;
    for (let k = 0; k < order.length; k++) {
      const b = order[k] * 3;
      gl += h[b];
      hl += h[b + 1];
      nl += h[b + 2];
      if (h[b + 2] === 0 && f.kind === "numeric") continue;
      const last = k === order.length - 1;
      if (last && nm === 0) break;
      const cats = f.kind === "categorical" ? () => order.slice(0, k + 1) : () => null;
      const right = score(gl, hl, nl);
      if (right > 0) consider(right, j, order[k], cats(), false, gl, hl, nl);
      if (nm > 0 && !last) {
        const left = score(gl + gm, hl + hm, nl + nm);
        if (left > 0) consider(left, j, order[k], cats(), true, gl + gm, hl + hm, nl + nm);
      }
    }
  });
  return best;
}
