/**
 * `assay robustness <data> --label COL --model SPEC`: accuracy under feature noise at increasing levels
 * (per feature and all together, with bootstrap intervals), and a black-box adversarial search for the
 * smallest change that flips each decision, with its calls per flip measured against random search.
 */
import { existsSync, readFileSync } from "node:fs";
import { encodeBinaryLabel } from "../evaluate/labels.js";
import { findColumn } from "../model/features.js";
import { readTable, takeRows } from "../model/index.js";
import { makeReport } from "../report/report.js";
import { adversarialSearch } from "../robustness/adversarial.js";
import { summariseAdversarial } from "../robustness/adversarial-summary.js";
import { noiseCurves } from "../robustness/noise-curve.js";
import { randomSearch } from "../robustness/random-search.js";
import { renderRobustnessText, robustnessChecks } from "../robustness/robustness-report.js";
import { parseSchema } from "../schema/yaml-read.js";
import { seededRandom } from "../stats/random.js";
import { sampleWithoutReplacement } from "../stats/sample-without-replacement.js";
import type { Batch } from "../table/types.js";
import { listOption, numberOption, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { modelFromArgs } from "./model-args.js";
import { printJson, saveEvidence, writeTextFile } from "./output.js";
import { requireColumn, sourceFromArgs } from "./source-args.js";

const HELP = `usage: assay robustness <data> --label COL --model SPEC [options]

Noise: accuracy when each feature (and all together) gets Gaussian noise of 0 … L standard deviations
(text features: that share of values replaced by a random category), with 95% bootstrap intervals.
Adversarial: for each row, the smallest L∞ change of the numeric features (in SDs, within the data's
range, --immutable ones fixed) that flips the decision — or one categorical change — found by a
black-box search; reports pointwise robustness, adversarial frequency (share of rows flippable within
--epsilon) and adversarial severity (mean distance of those flips), the easiest rows to flip, and the
search's model calls per flip against random search in the same ball.

options:
  --sql "…"                a DuckDB query instead of the file
  --label COL              the label (required); --positive V its positive class
  --model SPEC             the model (as assay evaluate takes it; required); --features a,b,c
  --rows N                 rows used, a seeded sample (default 2000)
  --levels a,b,…           noise levels in SDs (default 0,0.1,0.25,0.5,1)
  --epsilon E              radius of adversarial frequency and severity, in SDs (default 0.25)
  --max-radius R           largest radius searched (default 2)
  --immutable a,b          features the search must not change (e.g. age, sex)
  --schema FILE            keep changed features inside the contract's ranges (default: the data's)
  --random-budget N        queries per row for random search (default 256; 0 skips it)
  --max-drop D             warn when accuracy at the largest level is surely D below clean (default 0.05)
  --max-frequency F        fail when the adversarial frequency is surely above F (Wilson lower bound)
  --threshold T            decision threshold (default 0.5)
  --resamples N            bootstrap resamples (default 500)
  --seed S                 seed of the sample, the noise and random search (default 1)
  --top N                  easiest rows to list (default 10)
  --no-adversarial         noise curves only
  --json                   print the report as JSON
  --html FILE              write an HTML report (the noise curves as a chart, the adversarial metrics)

exit: 0 no check failed, 1 --max-frequency exceeded, 2 usage or input error`;

const OPTIONS = {
  sql: { type: "string" },
  label: { type: "string" },
  positive: { type: "string" },
  model: { type: "string" },
  features: { type: "string" },
  rows: { type: "string" },
  levels: { type: "string" },
  epsilon: { type: "string" },
  "max-radius": { type: "string" },
  immutable: { type: "string" },
  schema: { type: "string" },
  "random-budget": { type: "string" },
  "max-drop": { type: "string" },
  "max-frequency": { type: "string" },
  threshold: { type: "string" },
  resamples: { type: "string" },
  seed: { type: "string" },
  top: { type: "string" },
  "no-adversarial": { type: "boolean" },
  timeout: { type: "string" },
  retries: { type: "string" },
  "batch-size": { type: "string" },
  json: { type: "boolean" },
  html: { type: "string" },
} as const;

export async function run(argv: string[]): Promise<number> {
  const { values: v, positionals, help } = parseCommand(argv, OPTIONS, HELP);
  if (help) return 0;
  const label = v.label as string | undefined;
  if (label === undefined) throw new UsageError("robustness needs --label COL (see --help)");
  if (typeof v.model !== "string") throw new UsageError("robustness needs --model SPEC (see --help)");
  const rowsWanted = numberOption(v.rows, "--rows", { min: 1 }) ?? 2000;
  const levels = (listOption(v.levels) ?? ["0", "0.1", "0.25", "0.5", "1"]).map(
    (x) => numberOption(x, "--levels", { min: 0 })!,
  );
  if (levels.length === 0) throw new UsageError("--levels needs at least one level");
  if (!levels.includes(0)) levels.unshift(0);
  levels.sort((a, b) => a - b);
  const epsilon = numberOption(v.epsilon, "--epsilon", { min: 0 }) ?? 0.25;
  const maxRadius = numberOption(v["max-radius"], "--max-radius", { min: 0.001 }) ?? 2;
  const randomBudget = numberOption(v["random-budget"], "--random-budget", { min: 0, max: 100_000 }) ?? 256;
  const maxDrop = numberOption(v["max-drop"], "--max-drop", { min: 0, max: 1 }) ?? 0.05;
  const maxFrequency = numberOption(v["max-frequency"], "--max-frequency", { min: 0, max: 1 }) ?? null;
  const threshold = numberOption(v.threshold, "--threshold", { min: 0, max: 1 }) ?? 0.5;
  const resamples = numberOption(v.resamples, "--resamples", { min: 0, max: 100_000 }) ?? 500;
  const seed = numberOption(v.seed, "--seed", { min: 0 }) ?? 1;
  const top = numberOption(v.top, "--top", { min: 0, max: 1000 }) ?? 10;
  const immutable = listOption(v.immutable) ?? [];
  const ranges: Record<string, { min: number | null; max: number | null }> = {};
  if (typeof v.schema === "string") {
    if (!existsSync(v.schema)) throw new UsageError(`${v.schema}: no such schema file`);
    for (const c of parseSchema(readFileSync(v.schema, "utf8"), v.schema).columns)
      if (c.range) ranges[c.name] = { min: c.range.min, max: c.range.max };
  }
  const source = await sourceFromArgs(positionals, v.sql, "data");
  requireColumn(source, label, "--label");
  const opened = await modelFromArgs(v, "binary");
  if (!opened) throw new UsageError("robustness needs --model SPEC");
  const model = opened.model;
  try {
    if (model.kind === "score")
      throw new UsageError("robustness perturbs inputs: it needs a model that scores rows, not score:COL");
    for (const f of model.features ?? []) requireColumn(source, f, "the model's features");
    for (const f of immutable) requireColumn(source, f, "--immutable");
    const table = await readTable(source);
    if (table.length === 0)
      throw new UsageError(`${source.name}: no rows (header only?): nothing to perturb`);
    const { data, rows: sourceRows } = sample(table, rowsWanted, seed);
    const labelInfo = encodeBinaryLabel(
      findColumn(data, label),
      (v.positive as string | undefined) ?? model.metadata.positiveClass,
    );
    const labels = labelInfo.values;
    const inputs: Batch = { ...data, columns: data.columns.filter((c) => c.name !== label) };
    const features = model.features ?? inputs.columns.map((c) => c.name);
    const curves = await noiseCurves(model, inputs, labels, features, {
      levels,
      threshold,
      seed,
      resamples,
      level: 0.95,
    });
    let adversarial = null;
    if (!v["no-adversarial"]) {
      const search = await adversarialSearch(model, inputs, features, {
        threshold,
        maxRadius,
        immutable,
        ranges,
      });
      const targets = search.flips
        .filter((f) => f.radius !== null)
        .map((f) => ({ row: f.row, radius: f.radius as number }));
      const random =
        randomBudget > 0 && targets.length > 0
          ? await randomSearch(model, inputs, features, targets, {
              threshold,
              immutable,
              budget: randomBudget,
              ranges,
              seed,
            })
          : null;
      adversarial = summariseAdversarial(search, random, {
        epsilon,
        maxRadius,
        top,
        level: 0.95,
        seed,
        resamples,
      });
      // Row numbers of the source (0-based), not of the sample.
      adversarial.easiest = adversarial.easiest.map((f) => ({ ...f, row: sourceRows[f.row] }));
    }
    const results = robustnessChecks(curves, adversarial, { maxDrop, maxFrequency });
    const report = makeReport(
      "robustness",
      {
        inputs: [{ name: source.name, digest: await source.digest(), rows: table.length }],
        config: {
          label,
          positive: labelInfo.positive,
          rows: data.length,
          levels,
          epsilon,
          maxRadius,
          immutable,
          schema: v.schema ?? null,
          randomBudget,
          maxDrop,
          maxFrequency,
          threshold,
          resamples,
          seed,
          model: {
            spec: opened.spec,
            name: model.name,
            kind: model.kind,
            digest: model.metadata.digest ?? null,
          },
        },
        results,
      },
      {
        rows: data.length,
        positiveClass: { value: labelInfo.positive, count: labelInfo.positives, rows: labelInfo.rows },
        noise: curves,
        adversarial,
      },
    );
    saveEvidence(report);
    if (typeof v.html === "string") {
      // Loaded only when asked for: the chart renderer costs 0.4 s of start-up.
      const { htmlPage } = await import("../report/html.js");
      const { robustnessSections } = await import("../robustness/robustness-html.js");
      const sections = await robustnessSections(curves, adversarial);
      writeTextFile(
        v.html,
        htmlPage(
          "Robustness",
          `${model.name} on ${source.name} (${data.length} rows) · assay ${report.assayVersion} · ${report.createdAt}`,
          sections.join("\n"),
          { report },
        ),
      );
    }
    if (v.json) printJson(report);
    else
      process.stdout.write(
        renderRobustnessText(
          `robustness of ${model.name} on ${source.name} (${data.length} rows)`,
          curves,
          adversarial,
        ),
      );
    return report.summary.status === "fail" ? 1 : 0;
  } finally {
    await model.close();
  }
}

/** At most `rows` rows, a seeded sample in data order, with their row numbers in the source. */
function sample(table: Batch, rows: number, seed: number): { data: Batch; rows: Uint32Array } {
  const chosen = sampleWithoutReplacement(table.length, rows, seededRandom(seed));
  return { data: chosen.length === table.length ? table : takeRows(table, chosen), rows: chosen };
}
