/**
 * The whole comparison of an old and a new binary classifier on the same labelled rows, as pure data:
 * what `assay compare --json` prints beside the report envelope.
 */
import type { CheckResult } from "../report/report.js";
import { wilsonInterval } from "../stats/wilson.js";
import { InputError } from "../table/errors.js";
import { type FairnessDelta, fairnessDelta } from "./fairness-delta.js";
import { compatibilityMeasures, correctness, flipCounts, regressedRows } from "./flips.js";
import { DEFAULT_GATE, type GateThresholds, runGate, type Verdict } from "./gate.js";
import { compareGroups, type GroupComparison } from "./groups.js";
import { mcnemarChiSquare, mcnemarExact } from "./mcnemar.js";
import { binaryMetricPass, type MetricPass } from "./metric-pass.js";
import { type BootstrapSettings, type PairedEstimate, pairedMetricDeltas } from "./paired-bootstrap.js";
import type { Partition } from "./slices.js";

export interface CompareInput {
  oldScores: ArrayLike<number>;
  newScores: ArrayLike<number>;
  labels: ArrayLike<number>;
  threshold?: number;
  partitions?: Partition[];
  /** Rows of a golden set (indices into the rows compared) that the new model must get right. */
  goldenRows?: Uint32Array | null;
  bootstrap?: BootstrapSettings;
  gate?: Partial<GateThresholds>;
  /** Metric passes to use instead of the built-in ones (e.g. evaluate's engine). */
  metricPasses?: { old: MetricPass; new: MetricPass };
  /**
   * false: leave out the binary fairness deltas (a multiclass comparison passes correctness as the
   * scores, so "predicted positive" has no meaning there). Default true.
   */
  binaryFairness?: boolean;
}

export interface Comparison {
  n: number;
  threshold: number;
  bothCorrect: number;
  negativeFlips: number;
  positiveFlips: number;
  bothWrong: number;
  negativeFlipRate: number;
  negativeFlipRateCi: [number, number] | null;
  positiveFlipRate: number;
  relativeNegativeFlipRate: number;
  btc: number;
  bec: number;
  errorPersistence: number;
  mcnemarPValue: number;
  mcnemarChiSquare: { statistic: number; pValue: number };
  accuracyOld: number;
  accuracyNew: number;
  accuracyDelta: { value: number | null; ci: [number, number] | null };
  metrics: Record<string, PairedEstimate>;
  slices: GroupComparison[];
  groups: Record<string, GroupComparison[]>;
  /** Per sensitive attribute: how the update moves the between-group fairness gaps. */
  fairness: Record<string, FairnessDelta>;
  golden: { n: number; correct: number; passRate: number | null } | null;
  regressedRows: Uint32Array;
  gate: GateThresholds;
  verdict: Verdict;
  checks: CheckResult[];
}

export function compareModels(input: CompareInput): Comparison {
  const { oldScores, newScores, labels } = input;
  if (oldScores.length !== labels.length || newScores.length !== labels.length)
    throw new InputError(
      `row counts differ: ${oldScores.length} old scores, ${newScores.length} new scores, ${labels.length} labels`,
    );
  const threshold = input.threshold ?? 0.5;
  const gate = { ...DEFAULT_GATE, ...input.gate };
  const settings = input.bootstrap ?? {};
  const level = settings.level ?? 0.95;
  const oldCorrect = correctness(oldScores, labels, threshold);
  const newCorrect = correctness(newScores, labels, threshold);
  const counts = flipCounts(oldCorrect, newCorrect);
  const measures = compatibilityMeasures(counts);
  const passes = input.metricPasses ?? {
    old: binaryMetricPass(oldScores, labels, threshold),
    new: binaryMetricPass(newScores, labels, threshold),
  };
  const metrics = pairedMetricDeltas(passes.old, passes.new, labels.length, settings);
  const accuracyDelta = metrics.accuracy?.delta ?? { value: measures.accuracyDelta, ci: null };
  const compared = compareGroups(oldCorrect, newCorrect, input.partitions ?? [], {
    ...settings,
    minGroupRows: gate.minGroupRows,
    adjustment: gate.adjustment,
  });
  let golden: Comparison["golden"] = null;
  if (input.goldenRows) {
    let correct = 0;
    for (const i of input.goldenRows) correct += newCorrect[i];
    const n = input.goldenRows.length;
    golden = { n, correct, passRate: n > 0 ? correct / n : null };
  }
  const predicted = (scores: ArrayLike<number>) =>
    Uint8Array.from({ length: labels.length }, (_, i) => (scores[i] >= threshold ? 1 : 0));
  const sensitive = (input.partitions ?? []).filter((p) => p.kind === "sensitive");
  const fairness: FairnessDelta[] = [];
  if (sensitive.length > 0 && input.binaryFairness !== false) {
    const oldPredicted = predicted(oldScores);
    const newPredicted = predicted(newScores);
    for (const p of sensitive)
      fairness.push(
        fairnessDelta(p, labels, oldPredicted, newPredicted, {
          ...settings,
          minGroupRows: gate.minGroupRows,
        }),
      );
  }
  const outcome = runGate({ counts, accuracyDelta, groups: compared, golden, fairness, level }, gate);
  const groups: Record<string, GroupComparison[]> = {};
  for (const g of compared) if (g.kind === "sensitive") (groups[g.column] ??= []).push(g);
  return {
    n: counts.n,
    threshold,
    bothCorrect: counts.bothCorrect,
    negativeFlips: counts.negativeFlips,
    positiveFlips: counts.positiveFlips,
    bothWrong: counts.bothWrong,
    negativeFlipRate: measures.negativeFlipRate,
    negativeFlipRateCi: wilsonInterval(counts.negativeFlips, counts.n, level),
    positiveFlipRate: measures.positiveFlipRate,
    relativeNegativeFlipRate: measures.relativeNegativeFlipRate,
    btc: measures.btc,
    bec: measures.bec,
    errorPersistence: measures.errorPersistence,
    mcnemarPValue: mcnemarExact(counts.negativeFlips, counts.positiveFlips),
    mcnemarChiSquare: mcnemarChiSquare(counts.negativeFlips, counts.positiveFlips),
    accuracyOld: measures.accuracyOld,
    accuracyNew: measures.accuracyNew,
    accuracyDelta,
    metrics,
    slices: compared.filter((g) => g.kind === "slice"),
    groups,
    fairness: Object.fromEntries(fairness.map((f) => [f.attribute, f])),
    golden,
    regressedRows: regressedRows(oldCorrect, newCorrect),
    gate,
    verdict: outcome.verdict,
    checks: outcome.checks,
  };
}
