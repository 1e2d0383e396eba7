import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { StageOutcome } from "../check/suite.js";
import { compareModels } from "../compat/compare.js";
import { DEFAULT_GATE } from "../compat/gate.js";
import { invertedModelChecks } from "../compat/inverted.js";
import { DEFAULT_SEED } from "../compat/paired-bootstrap.js";
import { comparisonReport } from "../compat/report.js";
import { driftBetween } from "../drift/between.js";
import { driftReport } from "../drift/report.js";
import { encodeBinaryLabel } from "../evaluate/labels.js";
import { evaluateModel } from "../evaluate/model-evaluation.js";
import { evaluationReport } from "../evaluate/report.js";
import { duckdb, queryRows } from "../io/duckdb.js";
import { type DuckDBRelation, guard } from "../io/source.js";
import { lintRelation } from "../lint/lint.js";
import { lintReport } from "../lint/report.js";
import { type Model, predictTable, readTable } from "../model/index.js";
import { loadModel } from "../model/node/index.js";
import { validationReport } from "../schema/report.js";
import type { RuleTable } from "../schema/rules/plan.js";
import type { Schema } from "../schema/types.js";
import { validateRelation } from "../schema/validate.js";
import { inContext } from "../table/errors.js";
import type { Batch } from "../table/types.js";
import { defaultResamples } from "./compare.js";
import { UsageError } from "./errors.js";
import { resolveModelSpec } from "./registered-model.js";

/**
 * The stages `assay check` runs, each through the stage's own functions (validateRelation, lintRelation,
 * driftBetween, evaluateModel, compareModels) and its own Report, failing by that command's exit rule.
 */
async function timed(
  name: string,
  work: () => Promise<{ report: StageOutcome["report"]; failed: boolean }>,
): Promise<StageOutcome> {
  const started = performance.now();
  const { report, failed } = await work();
  return { name, report, failed, seconds: (performance.now() - started) / 1000 };
}

/** `assay validate`: fails on an error-severity anomaly (inferred checks and the contract's rules). */
export function validateStage(
  current: DuckDBRelation,
  schema: Schema,
  schemaPath: string,
  tables: Record<string, RuleTable>,
  maxExamples: number,
): Promise<StageOutcome> {
  return timed("validate", async () => {
    const second = await duckdb();
    const outcome = await validateRelation(current, schema, {
      queryConcurrent: (sql) => guard(current.name, queryRows(second, sql)),
      maxExamples,
      tables,
    });
    const text = readFileSync(schemaPath, "utf8");
    const report = validationReport(outcome, {
      input: { name: current.name, digest: await current.digest() },
      schema,
      schemaFile: { name: basename(schemaPath), digest: createHash("sha256").update(text).digest("hex") },
      config: { schema: schemaPath, examples: maxExamples, tables: Object.keys(tables) },
    });
    const failed = outcome.results.some((r) => r.status === "fail" && r.severity === "error");
    return { report, failed };
  });
}

/** `assay lint`: fails on a finding at error severity (leakage, heavy overlap with the reference). */
export function lintStage(
  current: DuckDBRelation,
  reference: DuckDBRelation | undefined,
  label: string | undefined,
  maxExamples: number,
): Promise<StageOutcome> {
  return timed("lint", async () => {
    const outcome = await lintRelation(current, { label, against: reference, maxExamples });
    const inputs = [{ name: current.name, digest: await current.digest(), rows: outcome.rows }];
    if (reference)
      inputs.push({
        name: reference.name,
        digest: await reference.digest(),
        rows: await reference.rowCount(),
      });
    const report = lintReport(outcome, {
      inputs,
      config: { label: label ?? null, against: reference?.name ?? null, examples: maxExamples },
    });
    return { report, failed: outcome.results.some((r) => r.status === "fail") };
  });
}

/** `assay drift`: fails when the dataset drifts (the default policy, docs/drift.md). */
export function driftStage(
  reference: DuckDBRelation,
  current: DuckDBRelation,
  columns?: string[],
): Promise<StageOutcome> {
  return timed("drift", async () => {
    const outcome = await driftBetween(reference, current, { columns });
    return { report: driftReport(outcome), failed: outcome.drift.drifted };
  });
}

export interface ModelStageOptions {
  label: string;
  positive?: string;
  threshold: number;
  features?: string[];
  sensitive: string[];
}

async function openModel(spec: string, features: string[] | undefined, role: string): Promise<Model> {
  const { target, features: targetFeatures } = resolveModelSpec(spec, features, `--${role}`);
  try {
    return await loadModel(target, { features: targetFeatures, name: role });
  } catch (error) {
    throw inContext(error, `--${role}`);
  }
}

/**
 * model-release: `assay evaluate` of the new model (fails when a metric check fails or its scores run
 * against the label), then, with an old model, `assay compare` (fails when the update gate is not met:
 * negative flips, accuracy and per-group regressions).
 */
export async function modelStages(
  current: DuckDBRelation,
  newSpec: string,
  oldSpec: string | undefined,
  o: ModelStageOptions,
): Promise<StageOutcome[]> {
  if (!current.columns.some((c) => c.name === o.label))
    throw new UsageError(`${current.name}: no column '${o.label}' (--label)`);
  const table = await readTable(current);
  if (table.length === 0) throw new UsageError(`${current.name}: no rows to evaluate`);
  const newModel = await openModel(newSpec, o.features, "new");
  const oldModel = oldSpec !== undefined ? await openModel(oldSpec, o.features, "old") : null;
  try {
    const digest = await current.digest();
    const stages = [
      await timed("evaluate", async () => {
        const evaluation = await evaluateModel(table, newModel, {
          label: o.label,
          positive: o.positive,
          threshold: o.threshold,
          sensitive: o.sensitive,
        });
        const report = evaluationReport(evaluation, {
          input: { name: current.name, digest, rows: table.length },
          model: newModel,
          label: o.label,
          positive: evaluation.positiveClass.positive,
          positiveClass: evaluation.positiveClass,
          config: { label: o.label, model: newSpec, threshold: o.threshold, sensitive: o.sensitive },
        });
        return { report, failed: report.summary.status === "fail" };
      }),
    ];
    if (oldModel && oldSpec !== undefined)
      stages.push(
        await timed("compare", () =>
          compareStage(table, current.name, digest, oldModel, newModel, { oldSpec, newSpec }, o),
        ),
      );
    return stages;
  } finally {
    await newModel.close();
    await oldModel?.close();
  }
}

async function compareStage(
  table: Batch,
  name: string,
  digest: string,
  oldModel: Model,
  newModel: Model,
  specs: { oldSpec: string; newSpec: string },
  o: ModelStageOptions,
) {
  const labelColumn = table.columns.find((c) => c.name === o.label)!;
  const labelInfo = encodeBinaryLabel(
    labelColumn,
    o.positive ?? newModel.metadata.positiveClass ?? oldModel.metadata.positiveClass,
  );
  // the models never see the label
  const features = { ...table, columns: table.columns.filter((c) => c.name !== o.label) };
  const oldScores = (await predictTable(oldModel, features)).scores;
  const newScores = (await predictTable(newModel, features)).scores;
  const resamples = defaultResamples(table.length);
  const result = compareModels({
    oldScores,
    newScores,
    labels: labelInfo.values,
    threshold: o.threshold,
    bootstrap: { resamples, seed: DEFAULT_SEED },
    gate: DEFAULT_GATE,
  });
  const names = { old: specs.oldSpec, new: specs.newSpec };
  const report = comparisonReport(result, {
    inputs: [{ name, digest, rows: table.length }],
    config: {
      label: o.label,
      positive: labelInfo.positive,
      ...names,
      threshold: o.threshold,
      gate: DEFAULT_GATE,
      bootstrap: { resamples, seed: DEFAULT_SEED },
    },
    goldenUnmatched: 0,
    positiveClass: labelInfo,
    inverted: invertedModelChecks({ old: oldScores, new: newScores }, labelInfo, names),
  });
  return { report, failed: report.summary.status === "fail" };
}
