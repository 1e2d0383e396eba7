/**
 * The comparison of an old and a new multiclass classifier on the same labelled rows: a row is right
 * when its arg-max class is the label, so flips, NFR, BTC/BEC, McNemar, groups, slices and the gate are
 * compare.ts's; the paired metric deltas are evaluate's multiclass metrics (accuracy, macro/weighted
 * F1, log loss, classwise ECE …); and every class gets its own flip table: among the rows of class c,
 * how many the old model got right and the new one wrong (a class-c user's regressions), with BTC, BEC
 * and the NFR's Wilson interval. The class partition also enters the gate as slices of the label, so a
 * class whose recall drops significantly (after multiple-testing control) fails the update.
 */
import {
  countRows,
  type MulticlassRows,
  multiclassStatistics,
  prepareRows,
  SUMMARY_METRICS,
} from "../evaluate/multiclass-counts.js";
import { wilsonInterval } from "../stats/wilson.js";
import { InputError } from "../table/errors.js";
import { type CompareInput, type Comparison, compareModels } from "./compare.js";
import { compatibilityMeasures, flipCounts } from "./flips.js";
import type { MetricPass } from "./metric-pass.js";
import type { Partition } from "./slices.js";

interface MulticlassCompareInput
  extends Omit<CompareInput, "oldScores" | "newScores" | "threshold" | "labels" | "metricPasses"> {
  oldProbabilities: Float64Array;
  newProbabilities: Float64Array;
  /** Class indices into `classNames`. */
  labels: Uint32Array;
  classNames: string[];
  /** The label column's name, for the class slices ("purpose = A43"). */
  label: string;
}

interface ClassCompatibility {
  class: string;
  n: number;
  bothCorrect: number;
  negativeFlips: number;
  positiveFlips: number;
  bothWrong: number;
  /** Negative flips / rows of the class. */
  negativeFlipRate: number | null;
  negativeFlipRateCi: [number, number] | null;
  /** Old and new recall of the class. */
  accuracyOld: number | null;
  accuracyNew: number | null;
  btc: number | null;
  bec: number | null;
}

export interface MulticlassComparison extends Comparison {
  task: "multiclass";
  classes: string[];
  perClass: ClassCompatibility[];
}

function multiclassMetricPass(rows: MulticlassRows): MetricPass {
  return {
    names: SUMMARY_METRICS,
    compute: (weights) =>
      multiclassStatistics(countRows(rows, weights), rows.classes).subarray(0, SUMMARY_METRICS.length),
  };
}

export function compareMulticlassModels(input: MulticlassCompareInput): MulticlassComparison {
  const { labels, classNames } = input;
  const k = classNames.length;
  for (const [what, p] of [
    ["old", input.oldProbabilities],
    ["new", input.newProbabilities],
  ] as const)
    if (p.length !== labels.length * k)
      throw new InputError(
        `the ${what} model gives ${p.length / labels.length} probabilities per row, not ${k}`,
      );
  const oldRows = prepareRows(labels, input.oldProbabilities, k);
  const newRows = prepareRows(labels, input.newProbabilities, k);
  const oldCorrect = Uint8Array.from(labels, (y, i) => (oldRows.predicted[i] === y ? 1 : 0));
  const newCorrect = Uint8Array.from(labels, (y, i) => (newRows.predicted[i] === y ? 1 : 0));
  const byClass: Uint32Array[] = classNames.map(() => new Uint32Array(0));
  const members = classNames.map(() => [] as number[]);
  for (let i = 0; i < labels.length; i++) members[labels[i]].push(i);
  members.forEach((m, c) => (byClass[c] = Uint32Array.from(m)));
  const classPartition: Partition = {
    column: input.label,
    kind: "slice",
    groups: classNames
      .map((name, c) => ({ value: name, slice: `${input.label} = ${name}`, rows: byClass[c] }))
      .filter((g) => g.rows.length > 0),
  };
  const comparison = compareModels({
    ...input,
    // compareModels reads correctness from scores against 0/1 labels: 1 = right, threshold 0.5
    oldScores: oldCorrect,
    newScores: newCorrect,
    labels: new Uint8Array(labels.length).fill(1),
    threshold: 0.5,
    partitions: [...(input.partitions ?? []), classPartition],
    metricPasses: { old: multiclassMetricPass(oldRows), new: multiclassMetricPass(newRows) },
    binaryFairness: false,
  });
  const level = input.bootstrap?.level ?? 0.95;
  const perClass = classNames.map((name, c): ClassCompatibility => {
    const counts = flipCounts(oldCorrect, newCorrect, byClass[c]);
    const m = compatibilityMeasures(counts);
    const finite = (x: number) => (Number.isFinite(x) ? x : null);
    return {
      class: name,
      n: counts.n,
      bothCorrect: counts.bothCorrect,
      negativeFlips: counts.negativeFlips,
      positiveFlips: counts.positiveFlips,
      bothWrong: counts.bothWrong,
      negativeFlipRate: finite(m.negativeFlipRate),
      negativeFlipRateCi: counts.n > 0 ? wilsonInterval(counts.negativeFlips, counts.n, level) : null,
      accuracyOld: finite(m.accuracyOld),
      accuracyNew: finite(m.accuracyNew),
      btc: finite(m.btc),
      bec: finite(m.bec),
    };
  });
  return { ...comparison, task: "multiclass", classes: classNames, threshold: Number.NaN, perClass };
}
