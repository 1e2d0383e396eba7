/**
 * What `assay ood` reports about a set of rows scored against a reference: the share flagged at the
 * target false-positive rate with its interval, what chance alone would flag (exchangeable.ts), each
 * detector's own share, and the most unusual rows with the features that make them so.
 */
import { wilsonInterval } from "../stats/wilson.js";
import type { Batch } from "../table/types.js";
import { type ExchangeableCount, flagsUnderExchangeability } from "./exchangeable.js";
import { explainRow, type FeatureContribution } from "./explain.js";
import type { Encoded } from "./feature-space.js";
import type { DetectorName, FittedOod, OodScores } from "./ood.js";
import { conformalPValue } from "./p-value.js";

interface FlaggedShare {
  count: number;
  share: number | null;
  ci: [number, number] | null;
}

interface UnusualRow {
  /** 0-based row of the scored table. */
  row: number;
  score: number;
  pValue: number;
  detectors: Partial<Record<DetectorName, number>>;
  features: FeatureContribution[];
}

export interface OodSummary {
  targetFpr: number;
  rows: number;
  fitRows: number;
  calibrationRows: number;
  detectors: DetectorName[];
  columns: { numeric: string[]; categorical: string[]; skipped: { name: string; reason: string }[] };
  flagged: FlaggedShare;
  /** What exchangeable rows would give; null when the target is below 1/(calibration rows + 1). */
  chance: ExchangeableCount | null;
  byDetector: { detector: DetectorName; flagged: FlaggedShare }[];
  topRows: UnusualRow[];
  /** 1 for each flagged row. */
  flags: Uint8Array;
}

function flaggedShare(flags: Uint8Array, level: number): FlaggedShare {
  let count = 0;
  for (const f of flags) count += f;
  const n = flags.length;
  return { count, share: n > 0 ? count / n : null, ci: wilsonInterval(count, n, level) };
}

export function summariseOod(
  fitted: FittedOod,
  scores: OodScores,
  encoded: Encoded,
  batch: Batch,
  options: { targetFpr: number; level?: number; top?: number; features?: number },
): OodSummary {
  const level = options.level ?? 0.95;
  const { detector } = fitted;
  const flags = Uint8Array.from(scores.pValue, (p) => (p <= options.targetFpr ? 1 : 0));
  const flagged = flaggedShare(flags, level);
  const byDetector = detector.detectors.map((d) => {
    const calibration = fitted.calibrationByDetector[d]!;
    const own = Uint8Array.from(scores.byDetector[d]!, (s) =>
      conformalPValue(calibration, s) <= options.targetFpr ? 1 : 0,
    );
    return { detector: d, flagged: flaggedShare(own, level) };
  });
  const order = Array.from({ length: scores.n }, (_, i) => i).sort(
    (a, b) => scores.ensemble[b] - scores.ensemble[a] || a - b,
  );
  const topRows = order.slice(0, options.top ?? 10).map((i) => ({
    row: i,
    score: scores.ensemble[i],
    pValue: scores.pValue[i],
    detectors: Object.fromEntries(detector.detectors.map((d) => [d, scores.byDetector[d]![i]])),
    features: explainRow(fitted, encoded, i, batch, i).slice(0, options.features ?? 3),
  }));
  return {
    targetFpr: options.targetFpr,
    rows: scores.n,
    fitRows: detector.fitRows,
    calibrationRows: fitted.calibrationRows.length,
    detectors: detector.detectors,
    columns: {
      numeric: detector.space.numeric.map((f) => f.name),
      categorical: detector.space.categorical.map((f) => f.name),
      skipped: detector.space.skipped,
    },
    flagged,
    chance: flagsUnderExchangeability(
      fitted.calibrationRows.length,
      options.targetFpr,
      scores.n,
      flagged.count,
      level,
    ),
    byDetector,
    topRows,
    flags,
  };
}
