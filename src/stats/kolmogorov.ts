import { smirnovSf } from "./smirnov.js";

/**
 * The two-sided Kolmogorov distribution for finite n: P(Dₙ ≥ x), Dₙ = sup|Fₙ − F|.
 *
 * Why it is written here: @stdlib has no Kolmogorov distribution, and the two-sample KS test's
 * asymptotic p-value (SciPy's `kstwo.sf(D, round(nm/(n+m)))`) needs the finite-n law, not the
 * Kolmogorov limit. We follow the algorithm choice of Simard & L'Ecuyer (2011), as SciPy does:
 *   - n·x ≤ 1 and n·x ≥ n − 1: Ruben–Gambino closed forms;
 *   - x ≥ 0.5, or n·x² ≥ 2.2 (n > 140) / ≥ 4 (n ≤ 140): 2 × the one-sided Smirnov tail (exact there);
 *   - n·x² ≥ 370 (n > 140): 0;
 *   - small n·x^1.5 (or n ≤ 140): the Durbin matrix (Marsaglia–Tsang–Wang);
 *   - otherwise: the Pelz–Good asymptotic series.
 * For n ≤ 140 and 0.754693 < n·x² ≤ 4 SciPy uses Pomeranz's recursion; we use the Durbin matrix,
 * which is exact too (agreement ~1e-12).
 */
export function kolmogorovSf(n: number, x: number): number {
  if (!Number.isInteger(n) || n <= 0 || Number.isNaN(x)) return Number.NaN;
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    // P(Dₙ ≤ x) = n!/nⁿ · (2t − 1)ⁿ for 1/(2n) ≤ x ≤ 1/n
    let logCdf = n * Math.log(2 * t - 1);
    for (let i = 1; i <= n; i++) logCdf += Math.log(i / n);
    return clip(1 - Math.exp(logCdf));
  }
  if (t >= n - 1) return clip(2 * (1 - x) ** n);
  if (x >= 0.5) return clip(2 * smirnovSf(n, x));
  const nx2 = t * x;
  if (n <= 140) {
    if (nx2 <= 4) return clip(1 - durbinCdf(n, x));
    return clip(2 * smirnovSf(n, x));
  }
  if (nx2 >= 370) return 0;
  if (nx2 >= 2.2) return clip(2 * smirnovSf(n, x));
  if (n <= 100_000 && n * x ** 1.5 <= 1.4) return clip(1 - durbinCdf(n, x));
  return clip(pelzGoodSf(n, x));
}

function clip(p: number): number {
  return p < 0 ? 0 : Math.min(p, 1);
}

const SCALE_EXP = 128;
const SCALE_UP = 2 ** SCALE_EXP;
const SCALE_DOWN = 2 ** -SCALE_EXP;

/**
 * Durbin's matrix formula, P(Dₙ < x) = n!/nⁿ · (Hⁿ)ₖₖ with k = ⌈nx⌉, h = k − nx, m = 2k − 1
 * (Marsaglia, Tsang & Wang 2003). Powers are rescaled by 2^128 with a separate exponent.
 */
function durbinCdf(n: number, x: number): number {
  if (x >= 1) return 1;
  const nx = n * x;
  if (nx <= 0.5) return 0;
  const k = Math.ceil(nx);
  const h = k - nx;
  const m = 2 * k - 1;
  // H[i][j] = 1/(i − j + 1)! for i − j + 1 ≥ 0, with corrections on the first column and last row.
  const inverseFactorial = new Float64Array(m + 1);
  inverseFactorial[0] = 1;
  for (let i = 1; i <= m; i++) inverseFactorial[i] = inverseFactorial[i - 1] / i;
  const H = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++) {
      const d = i - j + 1;
      if (d >= 0) H[i * m + j] = inverseFactorial[d];
    }
  for (let i = 0; i < m; i++) {
    // first column: (1 − h^(i+1)) / (i+1)!
    H[i * m] = (1 - h ** (i + 1)) * inverseFactorial[i + 1];
    // last row, mirrored: (1 − h^(m−j)) / (m−j)!
    H[(m - 1) * m + i] = (1 - h ** (m - i)) * inverseFactorial[m - i];
  }
  H[(m - 1) * m] = (1 + Math.max(2 * h - 1, 0) ** m - 2 * h ** m) * inverseFactorial[m];

  let result: Float64Array | null = null;
  let resultExp = 0;
  let base: Float64Array = H;
  let baseExp = 0;
  let power = n;
  const centre = (k - 1) * m + (k - 1);
  while (power > 0) {
    if (power % 2 === 1) {
      result = result === null ? base.slice() : multiply(result, base, m);
      resultExp += baseExp;
    }
    power = Math.floor(power / 2);
    if (power > 0) {
      base = multiply(base, base, m);
      baseExp *= 2;
      if (Math.abs(base[centre]) > SCALE_UP) {
        for (let i = 0; i < base.length; i++) base[i] *= SCALE_DOWN;
        baseExp += SCALE_EXP;
      }
    }
  }
  let p = (result as Float64Array)[centre];
  for (let i = 1; i <= n; i++) {
    p = (p * i) / n;
    if (Math.abs(p) < SCALE_DOWN) {
      p *= SCALE_UP;
      resultExp -= SCALE_EXP;
    }
  }
  return clip(p * 2 ** resultExp);
}

function multiply(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    const row = i * m;
    for (let l = 0; l < m; l++) {
      const a_il = a[row + l];
      if (a_il === 0) continue;
      const brow = l * m;
      for (let j = 0; j < m; j++) out[row + j] += a_il * b[brow + j];
    }
  }
  return out;
}

/**
 * The Pelz–Good (1976) expansion of P(Dₙ ≥ x) in powers of n^(−1/2), z = x√n:
 *   P(Dₙ < x) ≈ K₀(z) + K₁(z)/√n + K₂(z)/n + K₃(z)/n^(3/2),
 * each Kᵢ written as a theta series that converges fast for small z.
 */
function pelzGoodSf(n: number, x: number): number {
  if (x <= 0) return 1;
  if (x >= 1) return 0;
  const z = Math.sqrt(n) * x;
  const z2 = z * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const pi2 = Math.PI * Math.PI;
  const pi4 = pi2 * pi2;
  const pi6 = pi4 * pi2;
  if (-pi2 / 8 / z2 < -708) return 1;
  const maxK = Math.ceil((16 * z) / Math.PI);
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let t2 = 0;
  let t3 = 0;
  for (let k = maxK; k >= 1; k--) {
    const odd = 2 * k - 1;
    const o2 = odd * odd;
    const o4 = o2 * o2;
    const o6 = o4 * o2;
    const w = Math.exp((-o2 * pi2) / (8 * z2));
    s0 += w;
    s1 += (-z2 + (pi2 / 4) * o2) * w;
    s2 += (6 * z6 + 2 * z4 + ((2 * z4 - 5 * z2) * pi2 * o2) / 4 + (pi4 * (1 - 2 * z2) * o4) / 16) * w;
    s3 +=
      (-30 * z6 -
        90 * z6 * z2 +
        (pi2 * (135 * z4 - 96 * z6) * o2) / 4 +
        (pi4 * (-60 * z2 + 212 * z4) * o4) / 16 +
        (pi6 * (5 - 30 * z2) * o6) / 64) *
      w;
    const k2 = k * k;
    const v = Math.exp((-pi2 * k2) / (2 * z2));
    t2 += k2 * v;
    t3 += (3 * z2 - pi2 * k2) * k2 * v;
  }
  const root2pi = Math.sqrt(2 * Math.PI);
  const K0 = (root2pi / z) * s0;
  const K1 = (root2pi / (6 * z4)) * s1;
  const K2 = (root2pi / (72 * z6 * z)) * s2 - ((pi2 * root2pi) / (36 * z2 * z)) * t2;
  const K3 = (root2pi / (6480 * z6 * z4)) * s3 + ((pi2 * root2pi) / (216 * z6)) * t3;
  const rootN = Math.sqrt(n);
  return 1 - K0 - K1 / rootN - K2 / n - K3 / (n * rootN);
}
