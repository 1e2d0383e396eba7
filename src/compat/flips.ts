/**
 * Flip counts between an old and a new model on the same rows: the 2×2 table of correctness that every
 * backward-compatibility measure is read from.
 */

/** 1 where the prediction (score ≥ threshold) equals the label, else 0. */
export function correctness(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  threshold = 0.5,
): Uint8Array {
  const n = scores.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (scores[i] >= threshold ? 1 : 0) === labels[i] ? 1 : 0;
  return out;
}

/** The paired 2×2 table of correctness (old × new). */
export interface FlipCounts {
  n: number;
  bothCorrect: number;
  /** Old right, new wrong: the regressions users notice (b in McNemar's notation). */
  negativeFlips: number;
  /** Old wrong, new right (c in McNemar's notation). */
  positiveFlips: number;
  bothWrong: number;
}

/** Counts the four cells; `rows` restricts the count to a subset (a slice or a group). */
export function flipCounts(
  oldCorrect: Uint8Array,
  newCorrect: Uint8Array,
  rows?: ArrayLike<number>,
): FlipCounts {
  if (oldCorrect.length !== newCorrect.length)
    throw new Error(`flipCounts: ${oldCorrect.length} old rows for ${newCorrect.length} new rows`);
  const cells = [0, 0, 0, 0]; // index = 2·old + new
  if (rows === undefined)
    for (let i = 0; i < oldCorrect.length; i++) cells[2 * oldCorrect[i] + newCorrect[i]]++;
  else
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k];
      cells[2 * oldCorrect[i] + newCorrect[i]]++;
    }
  return {
    n: cells[0] + cells[1] + cells[2] + cells[3],
    bothCorrect: cells[3],
    negativeFlips: cells[2],
    positiveFlips: cells[1],
    bothWrong: cells[0],
  };
}

/** The compatibility measures of a flip table. A ratio with a zero denominator is NaN (reported as null). */
interface CompatibilityMeasures {
  accuracyOld: number;
  accuracyNew: number;
  /** new − old. */
  accuracyDelta: number;
  /** Negative flips / n. */
  negativeFlipRate: number;
  /** Positive flips / n. */
  positiveFlipRate: number;
  /**
   * NFR relative to what independent errors would give, NFR / (accuracyOld · errorRateNew)
   * (Yan et al. 2021): 1 means the new model's errors fall on old-correct rows as often as chance.
   */
  relativeNegativeFlipRate: number;
  /** Backward trust compatibility: both correct / old correct. */
  btc: number;
  /** Backward error compatibility: both wrong / new wrong (errors of new that old also made). */
  bec: number;
  /** Both wrong / old wrong (errors of old that new still makes). */
  errorPersistence: number;
}

export function compatibilityMeasures(c: FlipCounts): CompatibilityMeasures {
  const oldCorrect = c.bothCorrect + c.negativeFlips;
  const newCorrect = c.bothCorrect + c.positiveFlips;
  const oldWrong = c.n - oldCorrect;
  const newWrong = c.n - newCorrect;
  const accuracyOld = oldCorrect / c.n;
  const accuracyNew = newCorrect / c.n;
  const negativeFlipRate = c.negativeFlips / c.n;
  return {
    accuracyOld,
    accuracyNew,
    accuracyDelta: accuracyNew - accuracyOld,
    negativeFlipRate,
    positiveFlipRate: c.positiveFlips / c.n,
    relativeNegativeFlipRate: negativeFlipRate / (accuracyOld * (newWrong / c.n)),
    btc: c.bothCorrect / oldCorrect,
    bec: c.bothWrong / newWrong,
    errorPersistence: c.bothWrong / oldWrong,
  };
}

/** Row indices (ascending) where the old model was right and the new one wrong: the golden set's rows. */
export function regressedRows(oldCorrect: Uint8Array, newCorrect: Uint8Array): Uint32Array {
  let count = 0;
  for (let i = 0; i < oldCorrect.length; i++) if (oldCorrect[i] === 1 && newCorrect[i] === 0) count++;
  const out = new Uint32Array(count);
  let k = 0;
  for (let i = 0; i < oldCorrect.length; i++) if (oldCorrect[i] === 1 && newCorrect[i] === 0) out[k++] = i;
  return out;
}
