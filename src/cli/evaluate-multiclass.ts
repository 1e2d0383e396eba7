/**
 * `assay evaluate --task multiclass`: a classifier with a probability per class — an ONNX model with an
 * [N, k] output, an endpoint or module returning probability lists, probability columns
 * (--score-prefix p_) or a JSON array column (--probabilities COL).
 */
import { evaluateMulticlassModel } from "../evaluate/multiclass-model.js";
import {
  MULTICLASS_FAIL_UNDER,
  multiclassChecks,
  renderMulticlassHtml,
  renderMulticlassText,
} from "../evaluate/multiclass-output.js";
import { type Model, readTable } from "../model/index.js";
import { loadModel } from "../model/node/index.js";
import { makeReport } from "../report/report.js";
import { DEFAULT_LEVEL, DEFAULT_RESAMPLES, DEFAULT_SEED } from "../stats/bootstrap.js";
import type { Relation } from "../table/relation.js";
import { listOption, numberOption } from "./args.js";
import { UsageError } from "./errors.js";
import { printJson, progress, saveEvidence, writeTextFile } from "./output.js";
import { resolveModelSpec } from "./registered-model.js";
import { requireColumn } from "./source-args.js";

/** The flags of binary evaluation that have no multiclass meaning. */
const BINARY_ONLY = ["positive", "threshold", "validation", "slices", "train", "baseline-features"];

/** The model a multiclass flag names: --score-prefix P, --probabilities COL, or --model SPEC. */
export function multiclassSpec(v: Record<string, unknown>): string | undefined {
  if (v["score-prefix"] !== undefined) return `score-prefix:${v["score-prefix"]}`;
  if (v.probabilities !== undefined) return `probabilities:${v.probabilities}`;
  return v.model as string | undefined;
}

/** Loads a multiclass model for `source`: its classes from --classes, else the descriptor's. */
export async function loadMulticlassModel(
  spec: string,
  source: Relation,
  v: Record<string, unknown>,
  flag = "--model",
): Promise<Model> {
  const resolved = resolveModelSpec(spec, listOption(v.features), flag);
  const model = await loadModel(resolved.target, {
    features: resolved.features,
    task: "multiclass",
    classes: listOption(v.classes),
    columns: source.columns.map((c) => c.name),
    http: {
      timeoutMs: numberOption(v.timeout, "--timeout", { min: 1 }),
      retries: numberOption(v.retries, "--retries", { min: 0 }),
      batchSize: numberOption(v["batch-size"], "--batch-size", { min: 1 }),
    },
  });
  for (const f of model.features ?? [])
    requireColumn(source, f, model.kind === "score" ? flag : "the model's features");
  return model;
}

export async function runMulticlass(
  source: Relation,
  label: string,
  v: Record<string, unknown>,
): Promise<number> {
  for (const flag of BINARY_ONLY)
    if (v[flag] !== undefined)
      throw new UsageError(`--${flag} is for binary classifiers, not --task multiclass`);
  if (v.score !== undefined)
    throw new UsageError(
      "--score holds one score per row; a multiclass model needs --score-prefix P or --probabilities COL",
    );
  const given = ["model", "score-prefix", "probabilities"].filter((f) => v[f] !== undefined);
  if (given.length !== 1)
    throw new UsageError(
      given.length === 0
        ? "say what to evaluate: --model SPEC, --score-prefix P or --probabilities COL"
        : `give one of --model, --score-prefix, --probabilities, not ${given.map((g) => `--${g}`).join(" and ")}`,
    );
  const spec = multiclassSpec(v)!;
  const resamples = numberOption(v.resamples, "--resamples", { min: 0 }) ?? DEFAULT_RESAMPLES;
  if (!Number.isInteger(resamples)) throw new UsageError("--resamples must be a whole number");
  const seed = numberOption(v.seed, "--seed", { min: 0 }) ?? DEFAULT_SEED;
  const level = numberOption(v.level, "--level", { min: 0.5, max: 0.999 }) ?? DEFAULT_LEVEL;
  const topK = listOption(v["top-k"])?.map((t) => {
    const k = Number(t);
    if (!Number.isInteger(k) || k < 1) throw new UsageError(`--top-k expects whole numbers ≥ 1, got '${t}'`);
    return k;
  });
  const failUnder = parseFailUnder(v["fail-under"] as string | undefined);
  const sensitive = listOption(v.sensitive) ?? [];
  for (const s of sensitive) requireColumn(source, s, "--sensitive");
  const model = await loadMulticlassModel(spec, source, v);
  try {
    const table = await readTable(source);
    const bar = progress(`scoring with ${model.name}`);
    const evaluation = await evaluateMulticlassModel(table, model, {
      label,
      topK,
      resamples,
      seed,
      level,
      sensitive,
      fairness: { minGroupSize: numberOption(v["min-group-rows"], "--min-group-rows", { min: 1 }) },
      onProgress: bar.update,
    }).finally(() => bar.done());
    const tooBig = (topK ?? []).filter((k) => k >= evaluation.classes.length);
    if (tooBig.length > 0)
      throw new UsageError(
        `--top-k ${tooBig.join(",")}: the model has ${evaluation.classes.length} classes; k must be smaller`,
      );
    const report = makeReport(
      "evaluation",
      {
        inputs: [{ name: source.name, digest: await source.digest(), rows: table.length }],
        config: {
          task: "multiclass",
          label,
          classes: evaluation.classes,
          classOrder: evaluation.classOrder,
          model: { spec, name: model.name, kind: model.kind, features: model.features, ...model.metadata },
          topK: evaluation.topK.map((t) => t.k),
          sensitive,
          bootstrap: { resamples, seed, level },
          failUnder,
        },
        results: multiclassChecks(evaluation, failUnder),
      },
      {
        model: {
          name: model.name,
          kind: model.kind,
          features: model.features,
          digest: model.metadata.digest ?? null,
        },
        ...evaluation,
      },
    );
    saveEvidence(report);
    if (v.html !== undefined) writeTextFile(v.html as string, renderMulticlassHtml(report, evaluation));
    if (v.json) printJson(report);
    else process.stdout.write(renderMulticlassText(report, evaluation));
    return report.summary.status === "fail" ? 1 : 0;
  } finally {
    await model.close();
  }
}

function parseFailUnder(text: string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of listOption(text) ?? []) {
    const [name, value] = part.split("=");
    if (!MULTICLASS_FAIL_UNDER.includes(name))
      throw new UsageError(
        `--fail-under: unknown metric '${name}' for --task multiclass (known: ${MULTICLASS_FAIL_UNDER.join(", ")})`,
      );
    out[name] = numberOption(value, `--fail-under ${name}`)!;
  }
  return out;
}
