/**
 * Gradient histograms: for each feature, the sums of gradient, hessian and row count per bin (256
 * bins, the last one MISSING) over one node's rows, in one pass over the rows' row-major bins. A
 * child's histogram is its parent's minus its sibling's, so each split builds only the smaller child.
 */
export const BINS = 256;

/**
 * hist[(j·BINS + b)·3] = Σ gradient, [… + 1] = Σ hessian, [… + 2] = rows, for feature j and bin b.
 */
export type Histograms = Float64Array;

export function buildHistograms(
  bins: Uint8Array,
  p: number,
  gradient: Float64Array,
  hessian: Float64Array,
  rows: Uint32Array,
  start: number,
  end: number,
): Histograms {
  const h = new Float64Array(p * BINS * 3);
  for (let k = start; k < end; k++) {
    const i = rows[k];
    const g = gradient[i];
    const e = hessian[i];
    const base = i * p;
    for (let j = 0, off = 0; j < p; j++, off += BINS * 3) {
      const at = off + bins[base + j] * 3;
      h[at] += g;
      h[at + 1] += e;
      h[at + 2]++;
    }
  }
  return h;
}

export function subtractHistograms(parent: Histograms, child: Histograms): Histograms {
  const out = new Float64Array(parent.length);
  for (let b = 0; b < parent.length; b++) out[b] = parent[b] - child[b];
  return out;
}
