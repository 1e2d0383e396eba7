import type { Model } from "../model/model.js";
import { makeReport, type Report, type ReportInput } from "../report/report.js";
import { evaluationChecks } from "./checks.js";
import type { Evaluation } from "./evaluation.js";
import { invertedScoresCheck } from "./inverted-scores.js";
import type { BinaryLabel } from "./labels.js";

export interface EvaluationReportParts {
  /** The rows evaluated (name, digest, row count). */
  input: ReportInput;
  model: Model;
  /** The label column and its positive class, as evaluated. */
  label: string;
  positive?: string;
  /** The label as read (evaluateModel's `positiveClass`): names the positive class as written. */
  positiveClass?: BinaryLabel;
  /** What was asked, after defaults (threshold, bootstrap, slices …). */
  config?: Record<string, unknown>;
  /** Lower bounds on higher-is-better metrics: below one, its check fails. */
  failUnder?: Record<string, number>;
}

/**
 * The evaluation Report (`assay evaluate --json`): a check per metric (failing under a `failUnder`
 * bound), fairness and slice checks, an error when the scores run against the label (ROC AUC interval
 * wholly below 0.5), and the evaluation's fields beside the envelope.
 */
export function evaluationReport(e: Evaluation, parts: EvaluationReportParts): Report {
  const { model, positiveClass } = parts;
  const failUnder = parts.failUnder ?? {};
  const results = evaluationChecks(e, failUnder);
  if (positiveClass) {
    const inverted = invertedScoresCheck({
      check: "evaluate.inverted_scores",
      model: model.name,
      auc: e.metrics.rocAuc.value,
      ci: e.metrics.rocAuc.ci,
      positive: positiveClass,
    });
    if (inverted) results.unshift(inverted);
  }
  return makeReport(
    "evaluation",
    {
      inputs: [parts.input],
      config: {
        label: parts.label,
        positive: positiveClass?.positive ?? parts.positive ?? null,
        ...parts.config,
        model: parts.config?.model ?? {
          name: model.name,
          kind: model.kind,
          features: model.features,
          ...model.metadata,
        },
        failUnder,
      },
      results,
    },
    {
      ...(positiveClass
        ? {
            positiveClass: {
              value: positiveClass.positive,
              count: positiveClass.positives,
              rows: positiveClass.rows,
            },
          }
        : {}),
      model: {
        name: model.name,
        kind: model.kind,
        features: model.features,
        digest: model.metadata.digest ?? null,
      },
      n: e.n,
      positives: e.positives,
      threshold: e.threshold,
      thresholdRule: e.thresholdRule,
      metrics: e.metrics,
      confusion: e.confusion,
      bootstrap: e.bootstrap,
      thresholds: e.thresholds,
      calibration: e.calibration,
      curves: e.curves,
      fairness: e.fairness,
      slices: e.slices,
      sliceSearch: e.sliceSearch,
      baseline: e.baseline,
      columns: e.columns,
    },
  );
}
