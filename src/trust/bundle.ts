/**
 * The trust bundle (format `assay.trust-bundle`, version 1): a calibrated conformal predictor and an
 * out-of-distribution reference, written by `assay conformal --out` and read by whatever scores rows
 * one at a time (the SDK, the monitoring service, a browser). `scoreWithBundle` is that scoring: a
 * pure function of the bundle, one row and the model's output for it. docs/trust.md lists the fields.
 */

import { jsonSafe } from "../report/report.js";
import { apsNonconformity } from "./aps.js";
import {
  CLASSIFICATION_METHODS,
  type ConformalMethod,
  type ConformalResult,
  REGRESSION_METHODS,
} from "./conformal.js";
import { TrustError } from "./errors.js";
import { encodeRecord } from "./feature-space.js";
import { cellKeys, MISSING_GROUP } from "./groups.js";
import { lacNonconformity } from "./lac.js";
import { checkOodDetector, type OodDetector, scoreOod } from "./ood.js";
import type { QuantileConvention } from "./quantile.js";
import { checkScale } from "./residual.js";
import { setMembers } from "./sets.js";

const TRUST_BUNDLE_FORMAT = "assay.trust-bundle";
const TRUST_BUNDLE_VERSION = 1;

export interface TrustBundle {
  format: typeof TRUST_BUNDLE_FORMAT;
  version: 1;
  createdAt: string;
  model: {
    name: string;
    kind: string;
    /** sha256 of the model file; null for score columns and endpoints. */
    digest: string | null;
    features: string[] | null;
    task: "binary" | "multiclass" | "regression";
  };
  conformal: {
    method: ConformalMethod;
    alpha: number;
    convention: QuantileConvention;
    /** null: +∞ (the calibration set was too small for α; every set is full). */
    qhat: number | null;
    rank: number;
    calibrationRows: number;
    /** Class labels in model-output order (binary: [negative, positive]); null for regression. */
    classes: string[] | null;
    /** Normalised regression: where σ comes from (a column of the row, or the caller). */
    scale: { column: string } | { model: string } | null;
    /** Group-conditional thresholds: the row's cell (its values of `columns`) picks its qhat. */
    mondrian: { columns: string[]; qhats: Record<string, number | null> } | null;
    calibrationDigest: string | null;
  };
  /** null when the bundle was written without OOD detection. */
  ood: { targetFpr: number; detector: OodDetector } | null;
}

/** What a model returned for one row: P(positive), class probabilities, or a regression prediction. */
export type RowScore = number | ArrayLike<number> | Record<string, number>;

export interface TrustScore {
  /** The prediction set (class labels) or interval. */
  set: string[] | { lower: number; upper: number };
  ood: { score: number; pValue: number } | null;
  /** true: defer to a person — the set is not a single class, or the row is out of distribution. */
  abstain: boolean;
  /** Why it abstains, in words (empty when it does not). */
  reasons: string[];
}

export function parseTrustBundle(value: unknown, where = "trust bundle"): TrustBundle {
  const b = value as TrustBundle;
  if (!b || typeof b !== "object") throw new TrustError(`${where}: not a JSON object`);
  if (b.format !== TRUST_BUNDLE_FORMAT)
    throw new TrustError(`${where}: format is '${String(b.format)}', expected '${TRUST_BUNDLE_FORMAT}'`);
  if (b.version !== TRUST_BUNDLE_VERSION)
    throw new TrustError(
      `${where}: version ${String(b.version)} is not one this assay reads (${TRUST_BUNDLE_VERSION})`,
    );
  const c = b.conformal;
  if (!c || ![...CLASSIFICATION_METHODS, ...REGRESSION_METHODS].includes(c.method))
    throw new TrustError(`${where}: conformal.method is missing or unknown`);
  if (c.qhat !== null && typeof c.qhat !== "number")
    throw new TrustError(`${where}: conformal.qhat is not a number`);
  const classification = (CLASSIFICATION_METHODS as readonly string[]).includes(c.method);
  if (classification && (!Array.isArray(c.classes) || c.classes.length < 2))
    throw new TrustError(`${where}: a classification bundle needs at least two classes`);
  if (b.ood !== null && b.ood !== undefined) {
    if (!(b.ood.targetFpr > 0 && b.ood.targetFpr < 1))
      throw new TrustError(`${where}: ood.targetFpr must be in (0, 1)`);
    checkOodDetector(b.ood.detector, where);
  }
  return { ...b, ood: b.ood ?? null };
}

export function scoreWithBundle(
  bundle: TrustBundle,
  row: Record<string, unknown>,
  score: RowScore,
  options: { uniform?: number; scale?: number } = {},
): TrustScore {
  const c = bundle.conformal;
  const qhat = qhatFor(bundle, row);
  const reasons: string[] = [];
  let set: TrustScore["set"];
  if (c.classes) {
    const output = classifierOutput(c.classes, score);
    const uniform = c.method === "aps-randomized" ? [options.uniform ?? Math.random()] : undefined;
    const scores = c.method === "lac" ? lacNonconformity(output) : apsNonconformity(output, uniform);
    set = setMembers(scores, qhat).map((k) => c.classes![k]);
    if (set.length !== 1)
      reasons.push(
        set.length === 0 ? "no class is plausible at this α" : `${set.length} classes are plausible`,
      );
  } else {
    if (typeof score !== "number")
      throw new TrustError("a regression bundle scores a number (the prediction)");
    const sigma = c.method === "normalized" ? scaleOf(c.scale, row, options.scale) : 1;
    set = { lower: score - qhat * sigma, upper: score + qhat * sigma };
  }
  let ood: TrustScore["ood"] = null;
  if (bundle.ood) {
    const scored = scoreOod(bundle.ood.detector, encodeRecord(bundle.ood.detector.space, row));
    ood = { score: scored.ensemble[0], pValue: scored.pValue[0] };
    if (ood.pValue <= bundle.ood.targetFpr)
      reasons.push(`out of distribution (p = ${ood.pValue.toPrecision(2)} ≤ ${bundle.ood.targetFpr})`);
  }
  return { set, ood, abstain: reasons.length > 0, reasons };
}

function qhatFor(bundle: TrustBundle, row: Record<string, unknown>): number {
  const c = bundle.conformal;
  const pooled = c.qhat ?? Number.POSITIVE_INFINITY;
  if (!c.mondrian) return pooled;
  // The same keys as groups.ts gives a column: text as is, numbers and booleans as their text.
  const keys = c.mondrian.columns.map((col) => {
    const v = row[col];
    return [v === null || v === undefined ? MISSING_GROUP : String(v)];
  });
  const cell = cellKeys(c.mondrian.columns, keys)[0];
  if (!(cell in c.mondrian.qhats)) return pooled;
  return c.mondrian.qhats[cell] ?? Number.POSITIVE_INFINITY;
}

function classifierOutput(classes: string[], score: RowScore) {
  const k = classes.length;
  if (typeof score === "number") {
    if (k !== 2)
      throw new TrustError(`this bundle has ${k} classes; give one probability per class, not a number`);
    if (!(score >= 0 && score <= 1))
      throw new TrustError(`a binary score is P(positive) in [0, 1], got ${score}`);
    return { kind: "binary" as const, scores: Float64Array.of(score) };
  }
  const probabilities = new Float64Array(k);
  if (isArrayLike(score)) {
    if (score.length !== k)
      throw new TrustError(`expected ${k} probabilities (${classes.join(", ")}), got ${score.length}`);
    for (let j = 0; j < k; j++) probabilities[j] = score[j];
  } else
    classes.forEach((name, j) => {
      const p = (score as Record<string, number>)[name];
      if (typeof p !== "number") throw new TrustError(`no probability for class '${name}'`);
      probabilities[j] = p;
    });
  return { kind: "multiclass" as const, probabilities, classes: k };
}

function isArrayLike(x: unknown): x is ArrayLike<number> {
  return Array.isArray(x) || ArrayBuffer.isView(x);
}

function scaleOf(
  scale: TrustBundle["conformal"]["scale"],
  row: Record<string, unknown>,
  given?: number,
): number {
  if (given !== undefined) return checkScale(given, 0);
  if (scale && "column" in scale) return checkScale(Number(row[scale.column]), 0);
  throw new TrustError("this bundle normalises by a scale model: pass its output as options.scale");
}

/** The bundle as JSON text: typed arrays become arrays (JSON.stringify alone would write them as objects). */
export function serializeTrustBundle(bundle: TrustBundle): string {
  return `${JSON.stringify(jsonSafe(bundle))}\n`;
}

/** Builds the bundle `assay conformal --out` writes. */
export function makeTrustBundle(parts: {
  model: TrustBundle["model"];
  result: Pick<
    ConformalResult,
    "method" | "alpha" | "convention" | "qhat" | "rank" | "calibrationRows" | "mondrian"
  >;
  classes: string[] | null;
  scale: TrustBundle["conformal"]["scale"];
  calibrationDigest: string | null;
  ood: TrustBundle["ood"];
  createdAt: string;
}): TrustBundle {
  const { result } = parts;
  const finite = (q: number) => (Number.isFinite(q) ? q : null);
  return {
    format: TRUST_BUNDLE_FORMAT,
    version: TRUST_BUNDLE_VERSION,
    createdAt: parts.createdAt,
    model: parts.model,
    conformal: {
      method: result.method,
      alpha: result.alpha,
      convention: result.convention,
      qhat: finite(result.qhat),
      rank: result.rank,
      calibrationRows: result.calibrationRows,
      classes: parts.classes,
      scale: parts.scale,
      mondrian: result.mondrian
        ? {
            columns: result.mondrian.columns,
            qhats: Object.fromEntries(
              result.mondrian.cells
                .filter((c) => c.calibrationRows > 0)
                .map((c) => [c.group, finite(c.qhat)]),
            ),
          }
        : null,
      calibrationDigest: parts.calibrationDigest,
    },
    ood: parts.ood,
  };
}
