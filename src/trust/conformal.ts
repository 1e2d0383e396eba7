/**
 * Split conformal prediction: calibrate a threshold on one labelled set, form sets (classification)
 * or intervals (regression) on another, and measure what they deliver — coverage with its interval,
 * sizes, coverage by size, by group, and optionally with a qhat per group (Mondrian).
 */
import { seededRandom } from "../stats/random.js";
import { apsNonconformity } from "./aps.js";
import { type ClassifierOutput, classCount, rowCount } from "./classifier-output.js";
import {
  type CoverageEstimate,
  coverageEstimate,
  mean,
  type SetSizeRow,
  setSizeTable,
  type WidthRow,
  widthTable,
} from "./coverage.js";
import { TrustError } from "./errors.js";
import { type ExchangeableCount, exchangeableCount, orderStatisticQuantile } from "./exchangeable.js";
import { cellKeys, rowsByKey } from "./groups.js";
import { lacNonconformity } from "./lac.js";
import { type MondrianGroup, mondrianCalibration, mondrianQhats } from "./mondrian.js";
import { conformalQuantile, type QuantileConvention } from "./quantile.js";
import { residualIntervals, residualScores } from "./residual.js";
import { labelScores, predictionSets } from "./sets.js";

export const CLASSIFICATION_METHODS = ["lac", "aps", "aps-randomized"] as const;
export const REGRESSION_METHODS = ["residual", "normalized"] as const;
type ClassificationMethod = (typeof CLASSIFICATION_METHODS)[number];
type RegressionMethod = (typeof REGRESSION_METHODS)[number];
export type ConformalMethod = ClassificationMethod | RegressionMethod;

export interface ClassificationSide {
  output: ClassifierOutput;
  /** Class index of each row's true label. */
  labels: Uint32Array;
  /** Group keys, one array per group column (see groups.ts). */
  groups?: string[][];
}

export interface RegressionSide {
  actual: Float64Array;
  predicted: Float64Array;
  /** σ(x) per row, for the normalised method. */
  scale?: Float64Array;
  groups?: string[][];
}

export type ConformalInput =
  | { task: "classification"; calibration: ClassificationSide; evaluation: ClassificationSide }
  | { task: "regression"; calibration: RegressionSide; evaluation: RegressionSide };

export interface ConformalOptions {
  alpha: number;
  method: ConformalMethod;
  convention?: QuantileConvention;
  /** Confidence level of the coverage intervals (default 0.95). */
  level?: number;
  /** Seed of the uniforms of randomised APS. */
  seed?: number;
  groupColumns?: string[];
  mondrian?: boolean;
  minGroupRows?: number;
}

export interface GroupCoverage {
  group: string;
  n: number;
  coverage: CoverageEstimate;
  meanSetSize: number | null;
  meanIntervalWidth: number | null;
}

interface MondrianCell extends GroupCoverage, Omit<MondrianGroup, "group"> {
  /** What exchangeability allows the covered count to be, given the cell's own calibration. */
  chance: ExchangeableCount | null;
}

export interface ConformalResult {
  task: "classification" | "regression";
  method: ConformalMethod;
  alpha: number;
  convention: QuantileConvention;
  level: number;
  calibrationRows: number;
  evaluationRows: number;
  /** The pooled threshold; +∞ when the calibration set is too small for α. */
  qhat: number;
  /** Its 1-based rank among the sorted calibration scores. */
  rank: number;
  coverage: CoverageEstimate;
  /** What exchangeability allows the covered count to be (pooled calibration only; null with Mondrian). */
  chance: ExchangeableCount | null;
  /**
   * With probability `probability` over the calibration draw, this predictor's coverage is at least
   * `atLeast` (the Beta(k, n + 1 − k) quantile; pooled calibration only).
   */
  calibrationConditional: { probability: number; atLeast: number } | null;
  meanSetSize: number | null;
  meanIntervalWidth: number | null;
  setSizes: SetSizeRow[] | null;
  widths: WidthRow[] | null;
  groups: Record<string, GroupCoverage[]>;
  mondrian: { columns: string[]; minRows: number; cells: MondrianCell[] } | null;
  /** Per evaluation row, for selective prediction, bundles and charts (not serialised as is). */
  rows: {
    qhat: Float64Array;
    covered: Uint8Array;
    /** Set sizes (classification). */
    sizes: Uint32Array | null;
    /** Nonconformity of every class (classification), n × k. */
    matrix: Float64Array | null;
    lower: Float64Array | null;
    upper: Float64Array | null;
    /** Interval widths (regression). */
    widths: Float64Array | null;
  };
}

export function runConformal(input: ConformalInput, options: ConformalOptions): ConformalResult {
  const { alpha, method } = options;
  if (!(alpha > 0 && alpha < 1)) throw new TrustError(`alpha must be in (0, 1), got ${alpha}`);
  const level = options.level ?? 0.95;
  const convention = options.convention ?? "finite-sample";
  const scored = input.task === "classification" ? classification(input, options) : regression(input, method);
  const calKeys = groupCells(input.calibration.groups, options);
  const evalKeys = groupCells(input.evaluation.groups, options);
  let qhats: Float64Array;
  let pooled = conformalQuantile(scored.calibration, alpha, convention);
  let mondrian: ConformalResult["mondrian"] = null;
  let cellsByGroup: Map<string, MondrianGroup> | null = null;
  if (options.mondrian) {
    if (!calKeys || !evalKeys) throw new TrustError("Mondrian calibration needs group columns");
    const m = mondrianCalibration(scored.calibration, calKeys, alpha, {
      convention,
      minRows: options.minGroupRows,
    });
    pooled = m.pooled;
    qhats = mondrianQhats(m, evalKeys);
    cellsByGroup = m.groups;
    mondrian = { columns: options.groupColumns ?? [], minRows: m.minRows, cells: [] };
  } else qhats = new Float64Array(scored.evaluationRows).fill(pooled.qhat);

  const outcome = scored.evaluate(qhats);
  const summarise = (group: string, rows: Uint32Array): GroupCoverage => ({
    group,
    n: rows.length,
    coverage: coverageEstimate(outcome.covered, level, rows),
    meanSetSize: outcome.sizes ? mean(outcome.sizes, rows) : null,
    meanIntervalWidth: outcome.widths ? mean(outcome.widths, rows) : null,
  });
  const groups: Record<string, GroupCoverage[]> = {};
  (options.groupColumns ?? []).forEach((column, j) => {
    const keys = input.evaluation.groups?.[j];
    if (keys) groups[column] = [...rowsByKey(keys)].map(([g, rows]) => summarise(g, rows));
  });
  if (mondrian && cellsByGroup && evalKeys) {
    const evalRows = rowsByKey(evalKeys);
    const names = [...new Set([...cellsByGroup.keys(), ...evalRows.keys()])].sort();
    mondrian.cells = names.map((g) => {
      const cal = cellsByGroup.get(g) ?? {
        group: g,
        calibrationRows: 0,
        qhat: pooled.qhat,
        rank: null,
        status: "insufficient" as const,
        reason:
          "no calibration rows in this group, so it uses the pooled qhat and its coverage is not guaranteed",
      };
      const summary = summarise(g, evalRows.get(g) ?? new Uint32Array(0));
      const chance =
        cal.status === "ok" && cal.rank !== null
          ? exchangeableCount(cal.calibrationRows, cal.rank, summary.n, summary.coverage.covered, level)
          : null;
      return { ...cal, ...summary, chance };
    });
  }
  const all = summarise(
    "all",
    Uint32Array.from({ length: scored.evaluationRows }, (_, i) => i),
  );
  return {
    task: input.task,
    method,
    alpha,
    convention,
    level,
    calibrationRows: scored.calibration.length,
    evaluationRows: scored.evaluationRows,
    qhat: pooled.qhat,
    rank: pooled.rank,
    coverage: all.coverage,
    chance: mondrian
      ? null
      : exchangeableCount(scored.calibration.length, pooled.rank, all.n, all.coverage.covered, level),
    calibrationConditional:
      mondrian || !Number.isFinite(pooled.qhat)
        ? null
        : { probability: level, atLeast: orderStatisticQuantile(pooled.n, pooled.rank, 1 - level) },
    meanSetSize: all.meanSetSize,
    meanIntervalWidth: all.meanIntervalWidth,
    setSizes: outcome.sizes ? setSizeTable(outcome.sizes, outcome.covered, scored.classes, level) : null,
    widths: outcome.widths ? widthTable(outcome.widths, outcome.covered, level) : null,
    groups,
    mondrian,
    rows: {
      qhat: qhats,
      covered: outcome.covered,
      sizes: outcome.sizes,
      matrix: outcome.matrix,
      lower: outcome.lower,
      upper: outcome.upper,
      widths: outcome.widths,
    },
  };
}

interface Scored {
  calibration: Float64Array;
  evaluationRows: number;
  classes: number;
  evaluate(qhats: Float64Array): {
    covered: Uint8Array;
    sizes: Uint32Array | null;
    widths: Float64Array | null;
    matrix: Float64Array | null;
    lower: Float64Array | null;
    upper: Float64Array | null;
  };
}

function classification(
  input: Extract<ConformalInput, { task: "classification" }>,
  options: ConformalOptions,
): Scored {
  const { calibration, evaluation } = input;
  const k = classCount(calibration.output);
  if (classCount(evaluation.output) !== k)
    throw new TrustError(
      `the calibration rows have ${k} classes but the evaluation rows ${classCount(evaluation.output)}`,
    );
  const random = seededRandom(options.seed ?? 0);
  const matrixOf = (side: ClassificationSide): Float64Array => {
    switch (options.method) {
      case "lac":
        return lacNonconformity(side.output);
      case "aps":
        return apsNonconformity(side.output);
      case "aps-randomized":
        return apsNonconformity(
          side.output,
          Float64Array.from({ length: rowCount(side.output) }, () => random.next()),
        );
      default:
        throw new TrustError(
          `method '${options.method}' is for regression; classification takes lac, aps or aps-randomized`,
        );
    }
  };
  const calMatrix = matrixOf(calibration);
  const evalMatrix = matrixOf(evaluation);
  return {
    calibration: labelScores(calMatrix, k, calibration.labels),
    evaluationRows: evaluation.labels.length,
    classes: k,
    evaluate(qhats) {
      const { sizes, covered } = predictionSets(evalMatrix, k, qhats, evaluation.labels);
      return { covered, sizes, widths: null, matrix: evalMatrix, lower: null, upper: null };
    },
  };
}

function regression(input: Extract<ConformalInput, { task: "regression" }>, method: ConformalMethod): Scored {
  if (method !== "residual" && method !== "normalized")
    throw new TrustError(`method '${method}' is for classification; regression takes residual or normalized`);
  const { calibration, evaluation } = input;
  const normalized = method === "normalized";
  if (normalized && (!calibration.scale || !evaluation.scale))
    throw new TrustError("the normalized method needs a scale (σ) for every row of both sets");
  const scaleOf = (side: RegressionSide) => (normalized ? side.scale : undefined);
  const evalScores = residualScores(evaluation.actual, evaluation.predicted, scaleOf(evaluation));
  return {
    calibration: residualScores(calibration.actual, calibration.predicted, scaleOf(calibration)),
    evaluationRows: evaluation.actual.length,
    classes: 0,
    evaluate(qhats) {
      const { lower, upper } = residualIntervals(evaluation.predicted, qhats, scaleOf(evaluation));
      const covered = Uint8Array.from(evalScores, (s, i) => (s <= qhats[i] ? 1 : 0));
      // 2·qhat·σ rather than upper − lower, whose rounding differs from row to row.
      const scale = scaleOf(evaluation);
      const widths = Float64Array.from(qhats, (q, i) => 2 * q * (scale ? scale[i] : 1));
      return { covered, sizes: null, widths, matrix: null, lower, upper };
    },
  };
}

function groupCells(groups: string[][] | undefined, options: ConformalOptions): string[] | null {
  if (!groups || groups.length === 0) return null;
  return cellKeys(options.groupColumns ?? groups.map((_, j) => `group${j}`), groups);
}
