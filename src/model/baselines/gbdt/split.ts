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
import { BINS, type Histograms } from "./histogram.js";

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
  const score = (gl: number, hl: number, nl: number): number => {
    const nr = N - nl;
    const hr = H - hl;
    if (nl < o.minLeaf || nr < o.minLeaf || hl < o.minHessian || hr < o.minHessian) return -1;
    const gr = G - gl;
    return (gl * gl) / (hl + o.lambda) + (gr * gr) / (hr + o.lambda) - parent;
  };
  const order = new Int32Array(BINS);
  binning.forEach((f, j) => {
    const off = j * BINS * 3;
    const m = off + MISSING * 3;
    const gm = hist[m];
    const hm = hist[m + 1];
    const nm = hist[m + 2];
    const nb = binCount(f);
    let used = 0;
    if (f.kind === "numeric") for (let b = 0; b < nb; b++) order[used++] = b;
    else {
      for (let b = 0; b < nb; b++) if (hist[off + b * 3 + 2] > 0) order[used++] = b;
      const ratio = (b: number) => hist[off + b * 3] / (hist[off + b * 3 + 1] + o.categoricalSmoothing);
      order.subarray(0, used).sort((a, b) => ratio(a) - ratio(b) || a - b);
    }
    let gl = 0;
    let hl = 0;
    let nl = 0;
    let bestGain = best ? best.gain : 1e-12;
    let pick = -1;
    let pickMissingLeft = false;
    let pickG = 0;
    let pickH = 0;
    let pickN = 0;
    for (let k = 0; k < used; k++) {
      const b = off + order[k] * 3;
      gl += hist[b];
      hl += hist[b + 1];
      nl += hist[b + 2];
      if (hist[b + 2] === 0) continue;
      const last = k === used - 1;
      if (last && nm === 0) break;
      const right = score(gl, hl, nl);
      if (right > bestGain) {
        bestGain = right;
        pick = k;
        pickMissingLeft = false;
        pickG = gl;
        pickH = hl;
        pickN = nl;
      }
      if (nm > 0 && !last) {
        const left = score(gl + gm, hl + hm, nl + nm);
        if (left > bestGain) {
          bestGain = left;
          pick = k;
          pickMissingLeft = true;
          pickG = gl + gm;
          pickH = hl + hm;
          pickN = nl + nm;
        }
      }
    }
    if (pick >= 0)
      best = {
        gain: bestGain,
        feature: j,
        threshold: order[pick],
        categories:
          f.kind === "categorical" ? Array.from(order.subarray(0, pick + 1)).sort((a, b) => a - b) : null,
        missingLeft: pickMissingLeft,
        leftRows: pickN,
        leftGradient: pickG,
        leftHessian: pickH,
      };
  });
  return best;
}
