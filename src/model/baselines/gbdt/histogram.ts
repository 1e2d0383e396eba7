/**
 * Gradient histograms: for each feature, the sums of gradient, hessian and row count per bin (256
 * bins, the last one MISSING) over one node's rows. A child's histogram is its parent's minus its
 * sibling's, so each split builds only the smaller child from rows.
 */
export const BINS = 256;

/** hist[j][3·b] = Σ gradient, [3·b + 1] = Σ hessian, [3·b + 2] = rows, for feature j and bin b. */
export type Histograms = Float64Array[];

export function buildHistograms(
  bins: Uint8Array[],
  gradient: Float64Array,
  hessian: Float64Array,
  rows: Uint32Array,
  start: number,
  end: number,
): Histograms {
  return bins.map((column) => {
    const h = new Float64Array(BINS * 3);
    for (let k = start; k < end; k++) {
      const i = rows[k];
      const at = column[i] * 3;
      h[at] += gradient[i];
      h[at + 1] += hessian[i];
      h[at + 2]++;
    }
    return h;
  });
}

export function subtractHistograms(parent: Histograms, child: Histograms): Histograms {
  return parent.map((p, j) => {
    const c = child[j];
    const out = new Float64Array(p.length);
    for (let b = 0; b < p.length; b++) out[b] = p[b] - c[b];
    return out;
  });
}
