/**
 * `assay explain <data> --model SPEC [--label COL]`: what the model leans on — global attributions
 * (mean |SHAP|), local attributions of chosen rows, partial dependence and ALE with bootstrap bands,
 * and the fidelity of a shallow surrogate tree (docs/explain.md).
 */

import { encodeBinaryLabel } from "../evaluate/labels.js";
import { attributions, meanAbsolute } from "../explain/attributions.js";
import { attributionChecks, effectChecks, surrogateChecks } from "../explain/explanation-checks.js";
import {
  accumulatedLocalEffects,
  type FeatureEffect,
  partialDependence,
} from "../explain/feature-effects.js";
import type { ShapLink } from "../explain/kernel-shap.js";
import { surrogateFidelity } from "../explain/surrogate.js";
import { permutationImportance } from "../learning/permutation-importance.js";
import { findColumn } from "../model/features.js";
import { readTable, takeRows } from "../model/index.js";
import type { Model } from "../model/model.js";
import type { CheckResult } from "../report/report.js";
import { makeReport } from "../report/report.js";
import { seededRandom } from "../stats/random.js";
import { sampleWithoutReplacement } from "../stats/sample-without-replacement.js";
import type { Batch } from "../table/types.js";
import { listOption, numberOption, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { modelFromArgs } from "./model-args.js";
import { printJson, progress, saveEvidence } from "./output.js";
import { requireColumn, sourceFromArgs } from "./source-args.js";

const HELP = `usage: assay explain <data> --model SPEC [--label COL] [options]

Explains what a model leans on, for any model (ONNX, HTTP, module, built-in):
  attributions     per-row SHAP values: exact TreeSHAP for the built-in tree and gbdt, Kernel SHAP
                   (seeded, against a background sample, with a standard error) for any other;
                   averaged as mean |SHAP| they rank the features
  local            the attributions of the rows you name (--rows): f(x) = base + Σ φ
  effects          partial dependence and accumulated local effects of the top features, with 95%
                   bootstrap bands over the rows
  surrogate        how much of the model a person can read: the held-out agreement of depth 2–5
                   trees trained on the model's decisions, with their rules (binary models)

options:
  --model SPEC       the model (as evaluate takes it); --features a,b,c for a bare .onnx
  --label COL        the label: adds permutation importance (held-out loss rise, 95% CI; the
                     implementation assay features uses)
  --positive V       the label's positive class
  --rows 0,5,17      row numbers (0-based) to explain one by one (default 0,1,2)
  --sample N         rows whose attributions are averaged (default 200 TreeSHAP, 20 Kernel SHAP)
  --background N     background rows of Kernel SHAP and of the gbdt's covers (default 100)
  --samples N        Kernel SHAP coalitions per row (default 2048; all of them when 2^M − 2 ≤ N)
  --link L           identity (default) or logit: Kernel SHAP of the log-odds
  --method M         auto (default: TreeSHAP where exact) or kernel
  --effects K        features with effect curves, most attributed first (default 4)
  --threshold T      decision threshold of the surrogate (default 0.5)
  --min-fidelity F   fail when the depth-5 surrogate agrees less than F (default: report only)
  --seed S           seed of the samples (default 1)
  --sql "…"          read the rows with a query
  --json             print the report as JSON

exit: 0 done (or fidelity ≥ --min-fidelity), 1 fidelity below it, 2 usage or input error`;

const OPTIONS = {
  model: { type: "string" },
  features: { type: "string" },
  label: { type: "string" },
  positive: { type: "string" },
  rows: { type: "string" },
  sample: { type: "string" },
  background: { type: "string" },
  samples: { type: "string" },
  link: { type: "string" },
  method: { type: "string" },
  effects: { type: "string" },
  threshold: { type: "string" },
  "min-fidelity": { type: "string" },
  seed: { type: "string" },
  sql: { type: "string" },
  json: { type: "boolean" },
} as const;

export async function run(argv: string[]): Promise<number> {
  const { values: v, positionals, help } = parseCommand(argv, OPTIONS, HELP);
  if (help) return 0;
  if (v.model === undefined) throw new UsageError("explain needs --model SPEC (see --help)");
  const link = (v.link as string | undefined) ?? "identity";
  if (link !== "identity" && link !== "logit")
    throw new UsageError(`--link must be identity or logit, not '${link}'`);
  const method = (v.method as string | undefined) ?? "auto";
  if (method !== "auto" && method !== "kernel")
    throw new UsageError(`--method must be auto or kernel, not '${method}'`);
  const seed = numberOption(v.seed, "--seed", { min: 0 }) ?? 1;
  const backgroundSize = numberOption(v.background, "--background", { min: 1 }) ?? 100;
  const samples = numberOption(v.samples, "--samples", { min: 2 });
  const effectCount = numberOption(v.effects, "--effects", { min: 0 }) ?? 4;
  const threshold = numberOption(v.threshold, "--threshold") ?? 0.5;
  const minFidelity = numberOption(v["min-fidelity"], "--min-fidelity", { min: 0, max: 1 });
  const source = await sourceFromArgs(positionals, v.sql, "data");
  const label = v.label as string | undefined;
  if (label !== undefined) requireColumn(source, label, "--label");
  const loaded = await modelFromArgs(v);
  const model = loaded!.model;
  try {
    const features = model.features ?? source.columns.map((c) => c.name).filter((c) => c !== label);
    for (const f of features) requireColumn(source, f, "the model's features");
    const table = await readTable(source, label === undefined ? features : [...features, label]);
    if (table.length === 0) throw new UsageError(`${source.name} has no rows to explain`);
    const rowNumbers = (listOption(v.rows) ?? ["0", "1", "2"]).map((r) => {
      const n = Number(r);
      if (!Number.isInteger(n) || n < 0 || n >= table.length)
        throw new UsageError(`--rows: '${r}' is not a row number in 0…${table.length - 1}`);
      return n;
    });
    const random = seededRandom(seed);
    const pick = (k: number) =>
      takeRows(table, sampleWithoutReplacement(table.length, Math.min(k, table.length), random));
    const background = pick(backgroundSize);
    const treeFirst = method === "auto" && model.kind === "baseline";
    const sampleSize = numberOption(v.sample, "--sample", { min: 1 }) ?? (treeFirst ? 200 : 20);
    const kernel = { samples, seed, link: link as ShapLink, method: method as "auto" | "kernel" };
    const bar = progress(`explaining ${model.name}`);
    let results: CheckResult[];
    let top: string[];
    try {
      const global = await attributions(model, pick(sampleSize), background, features, kernel);
      bar.update(0.4);
      const local = await attributions(model, takeRows(table, rowNumbers), background, features, kernel);
      const importance = meanAbsolute(global);
      top = [...importance.keys()]
        .sort((a, b) => importance[b] - importance[a])
        .slice(0, effectCount)
        .map((j) => global.features[j]);
      const effectRows = pick(500);
      const effects: FeatureEffect[] = [];
      for (const feature of top) {
        effects.push(await partialDependence(model, effectRows, feature, { seed }));
        const ale = await accumulatedLocalEffects(model, effectRows, feature, { seed });
        if (ale) effects.push(ale);
      }
      bar.update(0.8);
      const surrogate =
        model.metadata.task === "binary"
          ? await surrogateFidelity(model, pick(4000), features, { threshold, seed })
          : [];
      const fidelityGate = surrogate.length > 0 ? minFidelity : undefined;
      const permutation =
        label === undefined
          ? []
          : await permutationChecks(model, table, label, v.positive as string | undefined, features, seed);
      results = [
        ...permutation,
        ...attributionChecks(global, local, rowNumbers),
        ...effectChecks(
          [...effects].sort((a, b) => (a.method < b.method ? 1 : a.method > b.method ? -1 : 0)),
        ),
        ...surrogateChecks(surrogate, undefined).slice(0, -1),
        ...surrogateChecks(surrogate.slice(-1), fidelityGate),
      ];
    } finally {
      bar.done();
    }
    const report = makeReport("explanation", {
      inputs: [{ name: source.name, digest: await source.digest(), rows: table.length }],
      config: {
        model: loaded!.spec,
        features,
        label: label ?? null,
        rows: rowNumbers,
        sample: sampleSize,
        background: backgroundSize,
        samples: samples ?? null,
        link,
        method,
        effects: effectCount,
        threshold,
        minFidelity: minFidelity ?? null,
        seed,
      },
      results,
    });
    saveEvidence(report);
    if (v.json) printJson(report);
    else process.stdout.write(renderText(model.name, source.name, results));
    return results.some((r) => r.status === "fail") ? 1 : 0;
  } finally {
    await model.close();
  }
}

async function permutationChecks(
  model: Model,
  table: Batch,
  label: string,
  positive: string | undefined,
  features: string[],
  seed: number,
): Promise<CheckResult[]> {
  const column = findColumn(table, label);
  const labels =
    model.metadata.task === "binary" || column.type === "string"
      ? encodeBinaryLabel(column, positive).values
      : (column.values as Float64Array);
  const result = await permutationImportance(model, table, labels, { features, seed });
  return result.features.map((f) => ({
    check: "explain.permutation_importance",
    subject: { column: f.feature },
    status: "pass",
    value: f.importance,
    ...(f.ci ? { ci: f.ci } : {}),
    significant: f.significant,
    loss: result.loss,
    n: result.rows,
    message: `permuting it raises the ${result.loss} by ${Number(f.importance.toPrecision(4))}${f.ci ? ` (95% CI ${f.ci.map((x) => Number(x.toPrecision(3))).join(" … ")})` : ""}${f.significant ? "" : ": not distinguishable from 0"}`,
  }));
}

function renderText(
  modelName: string,
  sourceName: string,
  results: {
    check: string;
    status: string;
    message: string;
    subject?: { column?: string; slice?: string };
  }[],
): string {
  const lines = [`explanation of ${modelName} on ${sourceName}`];
  let last = "";
  for (const r of results) {
    if (r.check !== last) lines.push(`${r.check.replace("explain.", "")}:`);
    last = r.check;
    const subject = r.subject?.column ?? r.subject?.slice ?? "";
    lines.push(`  ${r.status === "fail" ? "FAIL " : ""}${subject.padEnd(18)} ${r.message}`);
  }
  return `${lines.join("\n")}\n`;
}
