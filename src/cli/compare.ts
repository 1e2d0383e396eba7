/**
 * `assay compare <source> --label COL --old SPEC --new SPEC`: the update gate between two models
 * scored on the same labelled rows.
 */
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { type Comparison, compareModels } from "../compat/compare.js";
import { comparisonHtml } from "../compat/comparison-html.js";
import { DEFAULT_GATE, type GateThresholds } from "../compat/gate.js";
import { GOLDEN_FORMAT, type GoldenSet, locateGoldenRows, parseGoldenSet } from "../compat/golden.js";
import { invertedModelChecks } from "../compat/inverted.js";
import { DEFAULT_RESAMPLES, DEFAULT_SEED } from "../compat/paired-bootstrap.js";
import { comparisonReport } from "../compat/report.js";
import { columnPartition, type Partition } from "../compat/slices.js";
import { describingColumns, type ExcludedColumn } from "../evaluate/input-columns.js";
import { describePositive, encodeBinaryLabel } from "../evaluate/labels.js";
import { FILE_EXTENSIONS, openSource } from "../io/source.js";
import { type Model, predictTable, readTable } from "../model/index.js";
import { loadModel } from "../model/node/index.js";
import { formatFixed, formatInterval, formatPValue } from "../report/format.js";
import type { CheckResult } from "../report/report.js";
import type { Adjustment } from "../stats/multiple-testing.js";
import { inContext } from "../table/errors.js";
import type { Relation } from "../table/relation.js";
import type { Batch, Column } from "../table/types.js";
import { listOption, numberOption, parseCommand } from "./args.js";
import { runMulticlassCompare } from "./compare-multiclass.js";
import { UsageError } from "./errors.js";
import { printJson, progress, saveEvidence, writeTextFile } from "./output.js";
import { resolveModelSpec } from "./registered-model.js";
import { sourceFromArgs } from "./source-args.js";

const HELP = `usage: assay compare <source> --label COL [--positive V] --old SPEC --new SPEC [options]

Compares an old and a new binary classifier (or two multiclass ones, --task multiclass) on the same
labelled rows: flips (old right → new wrong), NFR, BTC, BEC, error persistence, exact McNemar, every
evaluate metric as a paired difference with a seeded paired bootstrap CI, per-group and per-slice
deltas with multiple-testing control, and a gate.

SPEC: a model descriptor (.yaml/.json), FILE.onnx (with --features), an http(s):// endpoint, a JS
module, score:COL (a score column of <source>), score:COL@FILE (a score column of another file,
row-aligned with <source>), or registry:NAME[@VERSION] (a model registered with assay registry add);
multiclass also score-prefix:P (columns P<class>) and probabilities:COL (a JSON array column).

options:
  --sql "…"                 read the rows with a DuckDB query instead of a file
  --label COL               the label column (required)
  --positive V              the label value of the positive class
  --old SPEC, --new SPEC    the two models (required)
  --features a,b,c          feature columns in order, for bare .onnx specs
  --task multiclass         two models with a probability per class (a descriptor with task: multiclass,
                            score-prefix:P for columns P<class>, probabilities:COL for a JSON array
                            column): right = the arg-max class is the label; flips, NFR, BTC and BEC
                            overall and per class, paired deltas of the multiclass metrics, each class
                            a slice of the gate (default: binary, or multiclass when a spec says so)
  --classes a,b,c           multiclass: the class of each output column (default: the descriptors')
  --threshold T             score ≥ T predicts positive (default 0.5)
  --sensitive a,b           sensitive attributes: per-group deltas
  --slices a,b|auto         slice columns, cut as assay evaluate slices them; auto = every low-cardinality
                            text column and every numeric column that is not the label or a score
  --golden-out FILE         write the regressed rows (old right, new wrong) as a golden set (JSON)
  --golden FILE             check the new model on a golden set cut earlier
  --key COL                 identify golden rows by this column (default: row number, same data only)
  --max-nfr X               ceiling on the negative flip rate (default ${DEFAULT_GATE.maxNegativeFlipRate})
  --accuracy-tolerance X    allowed accuracy loss, new vs old (default ${DEFAULT_GATE.accuracyTolerance})
  --group-tolerance X       allowed accuracy loss in a group or slice (default ${DEFAULT_GATE.groupTolerance})
  --min-rows N              fewer rows → insufficient (default ${DEFAULT_GATE.minRows})
  --min-group-rows N        smaller groups are reported, not tested (default ${DEFAULT_GATE.minGroupRows})
  --golden-min X            share of golden rows the new model must get right (default ${DEFAULT_GATE.goldenMinPassRate})
  --fairness-tolerance X    a fairness gap (DP/EO/EOpp difference) that surely widens by more fails (default ${DEFAULT_GATE.fairnessTolerance})
  --adjust holm|bh          multiple-testing control over groups and slices (default holm)
  --alpha A                 significance level after adjustment (default ${DEFAULT_GATE.alpha})
  --resamples N             bootstrap resamples (default ${DEFAULT_RESAMPLES}, fewer above 200,000 rows; 0 = no intervals)
  --seed S                  bootstrap seed (default ${DEFAULT_SEED})
  --json                    print the report as JSON
  --html FILE               write an HTML report

exit: 0 pass / warn / insufficient, 1 the gate failed, 2 usage or input error`;

const OPTIONS = {
  sql: { type: "string" },
  label: { type: "string" },
  positive: { type: "string" },
  old: { type: "string" },
  new: { type: "string" },
  features: { type: "string" },
  task: { type: "string" },
  classes: { type: "string" },
  threshold: { type: "string" },
  sensitive: { type: "string" },
  slices: { type: "string" },
  "golden-out": { type: "string" },
  golden: { type: "string" },
  key: { type: "string" },
  "max-nfr": { type: "string" },
  "accuracy-tolerance": { type: "string" },
  "group-tolerance": { type: "string" },
  "min-rows": { type: "string" },
  "min-group-rows": { type: "string" },
  "golden-min": { type: "string" },
  "fairness-tolerance": { type: "string" },
  adjust: { type: "string" },
  alpha: { type: "string" },
  resamples: { type: "string" },
  seed: { type: "string" },
  json: { type: "boolean" },
  html: { type: "string" },
} as const;

const MAX_AUTO_SLICE_VALUES = 50;

export async function run(argv: string[]): Promise<number> {
  const { values: v, positionals, help } = parseCommand(argv, OPTIONS, HELP);
  if (help) return 0;
  const label = requireString(v.label, "--label COL");
  const oldSpec = requireString(v.old, "--old SPEC");
  const newSpec = requireString(v.new, "--new SPEC");
  const threshold = numberOption(v.threshold, "--threshold", { min: 0, max: 1 }) ?? 0.5;
  const adjust = (v.adjust ?? "holm") as string;
  if (adjust !== "holm" && adjust !== "bh")
    throw new UsageError(`--adjust must be holm or bh, got '${adjust}'`);
  const gate: GateThresholds = {
    maxNegativeFlipRate:
      numberOption(v["max-nfr"], "--max-nfr", { min: 0, max: 1 }) ?? DEFAULT_GATE.maxNegativeFlipRate,
    accuracyTolerance:
      numberOption(v["accuracy-tolerance"], "--accuracy-tolerance", { min: 0, max: 1 }) ??
      DEFAULT_GATE.accuracyTolerance,
    groupTolerance:
      numberOption(v["group-tolerance"], "--group-tolerance", { min: 0, max: 1 }) ??
      DEFAULT_GATE.groupTolerance,
    minRows: numberOption(v["min-rows"], "--min-rows", { min: 0 }) ?? DEFAULT_GATE.minRows,
    minGroupRows:
      numberOption(v["min-group-rows"], "--min-group-rows", { min: 0 }) ?? DEFAULT_GATE.minGroupRows,
    goldenMinPassRate:
      numberOption(v["golden-min"], "--golden-min", { min: 0, max: 1 }) ?? DEFAULT_GATE.goldenMinPassRate,
    alpha: numberOption(v.alpha, "--alpha", { min: 0, max: 1 }) ?? DEFAULT_GATE.alpha,
    adjustment: adjust as Adjustment,
    fairnessTolerance:
      numberOption(v["fairness-tolerance"], "--fairness-tolerance", { min: 0, max: 1 }) ??
      DEFAULT_GATE.fairnessTolerance,
  };
  const requestedResamples = numberOption(v.resamples, "--resamples", { min: 0, max: 100_000 });
  const seed = numberOption(v.seed, "--seed", { min: 0 }) ?? DEFAULT_SEED;
  const sensitive = listOption(v.sensitive) ?? [];
  const sliceList = listOption(v.slices) ?? [];
  const features = listOption(v.features);
  const key = typeof v.key === "string" ? v.key : undefined;

  const source = await sourceFromArgs(positionals, v.sql);
  const columnNames = source.columns.map((c) => c.name);
  for (const [flag, names] of [
    ["--label", [label]],
    ["--sensitive", sensitive],
    ["--slices", sliceList.filter((s) => s !== "auto")],
    ["--key", key ? [key] : []],
  ] as const)
    for (const name of names)
      if (!columnNames.includes(name))
        throw new UsageError(
          `${flag}: ${source.name} has no column '${name}' (columns: ${columnNames.join(", ")})`,
        );

  const multiclass = {
    source,
    label,
    oldSpec,
    newSpec,
    gate,
    resamples: requestedResamples,
    seed,
    sensitive,
    slices: sliceList,
    v,
  };
  const columnSpec = /^(score-prefix|probabilities):/;
  if (v.task === "multiclass" || columnSpec.test(oldSpec) || columnSpec.test(newSpec))
    return runMulticlassCompare(multiclass);
  if (v.task !== undefined && v.task !== "binary")
    throw new UsageError(`--task must be binary or multiclass, got '${v.task}'`);
  const oldModel = await openModel(oldSpec, features, "old");
  const newModel = await openModel(newSpec, features, "new");
  if (v.task === undefined && [oldModel, newModel].some((m) => m.model?.metadata.task === "multiclass")) {
    // a descriptor that says `task: multiclass` needs no --task
    await oldModel.model?.close();
    await newModel.model?.close();
    return runMulticlassCompare(multiclass);
  }
  try {
    const goldenOut = typeof v["golden-out"] === "string" ? v["golden-out"] : undefined;
    const wanted = new Set<string>([label, ...sensitive, ...(key ? [key] : [])]);
    let sliceColumns = sliceList.includes("auto")
      ? autoSliceColumns(source, label, [oldModel, newModel], sensitive)
      : sliceList;
    for (const s of sliceColumns) wanted.add(s);
    let everything = goldenOut !== undefined;
    for (const m of [oldModel, newModel])
      if (m.model === null) continue;
      else if (m.model.features === null) everything = true;
      else for (const f of m.model.features) wanted.add(f);
    const table = await readTable(source, everything ? undefined : [...wanted]);
    const rows = table.length;
    if (rows === 0) throw new UsageError(`${source.name}: no rows to compare`);
    const resamples = requestedResamples ?? defaultResamples(rows);
    const positive = typeof v.positive === "string" ? v.positive : positiveOf(oldModel, newModel);
    const labelInfo = encodeBinaryLabel(column(table, label), positive);
    const labels = labelInfo.values;
    const oldScores = await scoresOf(oldModel, table, source);
    const newScores = await scoresOf(newModel, table, source);

    // discovered slices describe rows: no other model's score or prediction, no row index
    let excludedColumns: ExcludedColumn[] = [];
    if (sliceList.includes("auto")) {
      const candidates = { ...table, columns: table.columns.filter((c) => sliceColumns.includes(c.name)) };
      const described = describingColumns(candidates, { label });
      sliceColumns = described.columns;
      excludedColumns = described.excluded;
    }
    const partitions: Partition[] = sensitive.map((c) => columnPartition(column(table, c), "sensitive"));
    for (const c of sliceColumns) {
      const values = column(table, c);
      // Discovered slices skip id-like text columns: their groups would be too small to test.
      if (sliceList.includes("auto") && distinctText(values) > MAX_AUTO_SLICE_VALUES) continue;
      partitions.push(columnPartition(values, "slice"));
    }
    const digest = await source.digest();
    let golden: GoldenSet | null = null;
    let goldenRows: Uint32Array | null = null;
    let goldenUnmatched = 0;
    if (typeof v.golden === "string") {
      golden = readGolden(v.golden);
      if (golden.label !== label)
        throw new UsageError(`${v.golden}: golden set was cut for label '${golden.label}', not '${label}'`);
      if (golden.positive !== null && golden.positive !== labelInfo.positive)
        throw new UsageError(
          `${v.golden}: golden set was cut with positive = "${golden.positive}", not "${labelInfo.positive}": its rows were right or wrong for the other class`,
        );
      const keyColumn = golden.key ? table.columns.find((c) => c.name === golden?.key) : undefined;
      const located = locateGoldenRows(golden, {
        digest,
        rows,
        keyValues: keyColumn ? cellValues(keyColumn) : undefined,
      });
      goldenRows = located.rows;
      goldenUnmatched = located.unmatched;
    }

    const result = compareModels({
      oldScores,
      newScores,
      labels,
      threshold,
      partitions,
      goldenRows,
      bootstrap: { resamples, seed },
      gate,
    });

    if (goldenOut)
      writeGolden(goldenOut, result, table, source, digest, {
        label,
        positive: labelInfo.positive,
        key,
        threshold,
        oldSpec,
        newSpec,
      });

    const inverted = invertedModelChecks({ old: oldScores, new: newScores }, labelInfo, {
      old: oldSpec,
      new: newSpec,
    });
    const report = comparisonReport(result, {
      inputs: [
        { name: source.name, digest, rows },
        ...[oldModel, newModel]
          .filter((m) => m.model?.metadata.digest)
          .map((m) => ({ name: m.model?.name ?? m.spec, digest: String(m.model?.metadata.digest), rows })),
      ],
      config: {
        label,
        positive: labelInfo.positive,
        old: oldSpec,
        new: newSpec,
        threshold,
        sensitive,
        slices: sliceColumns,
        excludedColumns,
        gate,
        bootstrap: { resamples, seed, level: 0.95, resampling: "rows (pairs), unstratified" },
        golden: v.golden ?? null,
        goldenOut: goldenOut ?? null,
      },
      goldenUnmatched,
      positiveClass: labelInfo,
      inverted,
    });
    const status = report.summary.status;
    saveEvidence(report);
    if (typeof v.html === "string") writeTextFile(v.html, await comparisonHtml(report, result));
    if (v.json) printJson(report);
    else {
      process.stdout.write(textSummary(result, oldSpec, newSpec, describePositive(labelInfo), inverted));
      if (sliceList.includes("auto"))
        process.stdout.write(
          `slices by: ${sliceColumns.join(", ") || "none"}${excludedColumns.length > 0 ? `; left out: ${excludedColumns.map((x) => `${x.column} (${x.reason})`).join(", ")}` : ""}
`,
        );
    }
    return status === "fail" ? 1 : 0;
  } finally {
    await oldModel.model?.close();
    await newModel.model?.close();
  }
}

/**
 * 1,000 resamples up to 200,000 rows; beyond, fewer (never below 200) so that rows × resamples stays
 * near 2·10⁸ and a comparison of millions of rows takes about a minute, not ten. --resamples overrides.
 */
export function defaultResamples(rows: number): number {
  return Math.max(200, Math.min(DEFAULT_RESAMPLES, Math.floor((DEFAULT_RESAMPLES * 200_000) / rows)));
}

function requireString(value: unknown, what: string): string {
  if (typeof value !== "string" || value.trim() === "") throw new UsageError(`missing ${what} (see --help)`);
  return value;
}

interface OpenedModel {
  spec: string;
  role: "old" | "new";
  model: Model | null;
  /** score:COL@FILE: a score column of another, row-aligned file. */
  external?: { column: string; path: string };
}

async function openModel(
  spec: string,
  features: string[] | undefined,
  role: "old" | "new",
): Promise<OpenedModel> {
  const external = /^score:(.+)@(.+)$/.exec(spec);
  if (external && FILE_EXTENSIONS.includes(extname(external[2]).toLowerCase()))
    return { spec, role, model: null, external: { column: external[1], path: external[2] } };
  const { target, features: targetFeatures } = resolveModelSpec(spec, features, `--${role}`);
  try {
    return { spec, role, model: await loadModel(target, { features: targetFeatures, name: role }) };
  } catch (error) {
    throw inContext(error, `--${role}`);
  }
}

function positiveOf(...models: OpenedModel[]): string | undefined {
  for (const m of models) if (m.model?.metadata.positiveClass) return m.model.metadata.positiveClass;
  return undefined;
}

async function scoresOf(m: OpenedModel, table: Batch, source: Relation): Promise<Float64Array> {
  let scores: Float64Array;
  if (m.external) {
    const other = await openSource({ path: m.external.path });
    const info = other.columns.find((c) => c.name === m.external?.column);
    if (!info) throw new UsageError(`--${m.role}: ${other.name} has no column '${m.external.column}'`);
    const t = await readTable(other, [m.external.column]);
    const c = t.columns[0];
    if (c.type === "string")
      throw new UsageError(`--${m.role}: score column '${m.external.column}' is text; it must hold numbers`);
    scores = Float64Array.from(c.values as Float64Array, (x, i) => (c.valid[i] ? x : Number.NaN));
  } else {
    const bar = progress(`scoring with the ${m.role} model`);
    try {
      scores = (await predictTable(m.model as Model, table, { onProgress: (f) => bar.update(f) })).scores;
    } catch (error) {
      throw inContext(error, `--${m.role}`);
    } finally {
      bar.done();
    }
  }
  if (scores.length !== table.length)
    throw new UsageError(
      `--${m.role} (${m.spec}) gives ${scores.length} scores for the ${table.length} rows of ${source.name}; the models must score the same rows`,
    );
  for (let i = 0; i < scores.length; i++)
    if (!(scores[i] >= 0 && scores[i] <= 1))
      throw new UsageError(
        `--${m.role} (${m.spec}): row ${i} has score ${Number.isNaN(scores[i]) ? "missing/NaN" : scores[i]}; scores must be probabilities of the positive class in [0, 1]`,
      );
  return scores;
}

function column(table: Batch, name: string): Column {
  const c = table.columns.find((x) => x.name === name);
  if (!c) throw new UsageError(`no column named '${name}'`);
  return c;
}

/** Distinct present values of a text column (0 for numbers, which are cut into at most four buckets). */
function distinctText(c: Column): number {
  if (c.type !== "string") return 0;
  const seen = new Set<string>();
  for (let i = 0; i < c.values.length && seen.size <= MAX_AUTO_SLICE_VALUES; i++)
    if (c.valid[i]) seen.add(c.values[i]!);
  return seen.size;
}

function cellValues(c: Column): (string | number | null)[] {
  return Array.from(c.values as ArrayLike<string | number | null>, (x, i) => (c.valid[i] ? x : null));
}

function autoSliceColumns(
  source: Relation,
  label: string,
  models: OpenedModel[],
  sensitive: string[],
): string[] {
  const exclude = new Set([label, ...sensitive]);
  for (const m of models) {
    if (m.model?.kind === "score" && m.model.features) for (const f of m.model.features) exclude.add(f);
    if (m.external) exclude.add(m.external.column);
  }
  return source.columns
    .filter((c) => !exclude.has(c.name) && c.type !== "date" && c.type !== "timestamp")
    .map((c) => c.name)
    .slice(0, 64);
}

function readGolden(path: string): GoldenSet {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new UsageError(`${path}: cannot read the golden set (no such file?)`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(`${path}: not JSON; a golden set is the file written by --golden-out`);
  }
  return parseGoldenSet(parsed, path);
}

function writeGolden(
  path: string,
  result: Comparison,
  table: Batch,
  source: Relation,
  digest: string,
  meta: {
    label: string;
    positive: unknown;
    key?: string;
    threshold: number;
    oldSpec: string;
    newSpec: string;
  },
): void {
  const labelColumn = column(table, meta.label);
  const keyColumn = meta.key ? column(table, meta.key) : undefined;
  const cell = (c: Column, i: number): string | number | null =>
    c.valid[i] ? (c.values[i] as string | number) : null;
  const golden: GoldenSet = {
    format: GOLDEN_FORMAT,
    createdAt: new Date().toISOString(),
    source: { name: source.name, digest, rows: table.length },
    label: meta.label,
    positive: typeof meta.positive === "string" ? meta.positive : null,
    key: meta.key ?? null,
    threshold: meta.threshold,
    oldModel: meta.oldSpec,
    newModel: meta.newSpec,
    rows: Array.from(result.regressedRows, (i) => ({
      row: i,
      ...(keyColumn ? { key: cell(keyColumn, i) } : {}),
      label: cell(labelColumn, i),
      values: Object.fromEntries(table.columns.map((c) => [c.name, cell(c, i)])),
    })),
  };
  writeTextFile(path, `${JSON.stringify(golden, null, 1)}\n`);
}

function textSummary(
  r: Comparison,
  oldSpec: string,
  newSpec: string,
  positive: string,
  inverted: CheckResult[],
): string {
  const f = (x: number | null, digits = 4) => formatFixed(x, digits, "n/a");
  const ci = (c: [number, number] | null) => formatInterval(c, (x) => f(x), "");
  const lines = [
    `compare ${oldSpec} → ${newSpec} on ${r.n} rows (threshold ${r.threshold}), ${positive}`,
    `  accuracy        ${f(r.accuracyOld)} → ${f(r.accuracyNew)}   Δ ${f(r.accuracyDelta.value)} ${ci(r.accuracyDelta.ci)}`,
    `  flips           ${r.negativeFlips} negative (old right → new wrong), ${r.positiveFlips} positive; both right ${r.bothCorrect}, both wrong ${r.bothWrong}`,
    `  NFR             ${f(r.negativeFlipRate)} ${ci(r.negativeFlipRateCi)}   relative NFR ${f(r.relativeNegativeFlipRate, 3)}`,
    `  BTC ${f(r.btc)}   BEC ${f(r.bec)}   error persistence ${f(r.errorPersistence)}   McNemar exact p ${formatPValue(r.mcnemarPValue)}`,
  ];
  const interesting = [...inverted, ...r.checks].filter(
    (c) =>
      c.status !== "pass" &&
      !(
        c.status === "insufficient" &&
        c.check !== "compat.accuracy_delta" &&
        c.check !== "compat.negative_flip_rate"
      ),
  );
  for (const c of interesting) lines.push(`  ${c.status.toUpperCase().padEnd(12)} ${c.message}`);
  lines.push(
    inverted.length > 0
      ? `verdict: fail (the scores run against the label; the update gate alone said ${r.verdict})`
      : `verdict: ${r.verdict}`,
  );
  return `${lines.join("\n")}\n`;
}
