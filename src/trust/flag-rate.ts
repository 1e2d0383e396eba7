/**
 * How many of m exchangeable rows a conformal flag at level α can catch by chance. With n calibration
 * scores, p ≤ α means the score exceeds the l-th largest calibration score, l = ⌊α(n + 1)⌋; the chance
 * of that, given the calibration set, is Beta(l, n + 1 − l) distributed (for continuous scores), so
 * the number flagged among m new rows is Beta-Binomial(m, l, n + 1 − l). Its mean l/(n + 1) is at most
 * α; its spread includes the luck of the calibration draw, which a binomial interval around α leaves
 * out. Ties among scores only lower the count (they count against the row).
 */
export interface FlagRateUnderExchangeability {
  /** l/(n + 1): the expected share flagged. */
  expectedShare: number;
  /** Central interval of the share flagged, at `level`. */
  band: [number, number];
  /** P(at least `flagged` rows flagged) under exchangeability: the p-value of "this is not a shift". */
  pValue: number;
  level: number;
}

export function flagRateUnderExchangeability(
  calibrationRows: number,
  alpha: number,
  rows: number,
  flagged: number,
  level = 0.95,
): FlagRateUnderExchangeability | null {
  const l = Math.floor(alpha * (calibrationRows + 1) + 1e-9);
  if (l < 1 || rows < 1) return null;
  const pmf = betaBinomialPmf(rows, l, calibrationRows + 1 - l);
  const tail = (1 - level) / 2;
  let cumulative = 0;
  let lo = -1;
  let hi = rows;
  for (let x = 0; x <= rows; x++) {
    cumulative += pmf[x];
    if (lo < 0 && cumulative > tail) lo = x;
    if (cumulative >= 1 - tail) {
      hi = x;
      break;
    }
  }
  let upper = 0;
  for (let x = rows; x >= flagged; x--) upper += pmf[x];
  return {
    expectedShare: l / (calibrationRows + 1),
    band: [lo / rows, hi / rows],
    pValue: Math.min(1, upper),
    level,
  };
}

/** P(X = x), x = 0…m, X ~ Beta-Binomial(m, a, b), by the ratio of consecutive terms (no gamma functions). */
export function betaBinomialPmf(m: number, a: number, b: number): Float64Array {
  const out = new Float64Array(m + 1);
  // log P(0) = log B(a, m + b) − log B(a, b) = Σ_{i<m} log((b + i)/(a + b + i))
  let log = 0;
  for (let i = 0; i < m; i++) log += Math.log((b + i) / (a + b + i));
  const logs = new Float64Array(m + 1);
  logs[0] = log;
  for (let x = 0; x < m; x++)
    logs[x + 1] = logs[x] + Math.log(((m - x) * (a + x)) / ((x + 1) * (b + m - x - 1)));
  let max = Number.NEGATIVE_INFINITY;
  for (const v of logs) if (v > max) max = v;
  let sum = 0;
  for (let x = 0; x <= m; x++) {
    out[x] = Math.exp(logs[x] - max);
    sum += out[x];
  }
  for (let x = 0; x <= m; x++) out[x] /= sum;
  return out;
}
