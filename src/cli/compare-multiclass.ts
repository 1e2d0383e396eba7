/**
 * `assay compare --task multiclass`: the update gate between two multiclass models (each a model with
 * a probability per class, score-prefix:P columns or probabilities:COL) on the same labelled rows,
 * with flips and backward compatibility per class.
 */
import { comparisonHtml } from "../compat/comparison-html.js";
import type { GateThresholds } from "../compat/gate.js";
import { compareMulticlassModels, type MulticlassComparison } from "../compat/multiclass.js";
import { comparisonReport } from "../compat/report.js";
import { columnPartition, type Partition } from "../compat/slices.js";
import { classIndices } from "../evaluate/class-labels.js";
import { type Model, predictTable, readTable } from "../model/index.js";
import { formatFixed, formatInterval, formatPValue, textTable } from "../report/format.js";
import { inContext } from "../table/errors.js";
import type { Relation } from "../table/relation.js";
import type { Batch } from "../table/types.js";
import { UsageError } from "./errors.js";
import { loadMulticlassModel } from "./evaluate-multiclass.js";
import { printJson, progress, saveEvidence, writeTextFile } from "./output.js";

interface MulticlassCompareArgs {
  source: Relation;
  label: string;
  oldSpec: string;
  newSpec: string;
  gate: GateThresholds;
  resamples: number | undefined;
  seed: number;
  sensitive: string[];
  slices: string[];
  v: Record<string, unknown>;
}

/** Binary-only flags: a multiclass comparison has no threshold, positive class or golden set (yet). */
const BINARY_ONLY = ["positive", "threshold", "golden", "golden-out", "key"];

export async function runMulticlassCompare(a: MulticlassCompareArgs): Promise<number> {
  for (const flag of BINARY_ONLY)
    if (a.v[flag] !== undefined)
      throw new UsageError(`--${flag} is for binary models, not --task multiclass`);
  if (a.slices.includes("auto"))
    throw new UsageError("--slices auto is for binary models; name the slice columns");
  const models: Model[] = [];
  try {
    for (const [flag, spec] of [
      ["--old", a.oldSpec],
      ["--new", a.newSpec],
    ] as const) {
      try {
        models.push(await loadMulticlassModel(spec, a.source, a.v, flag));
      } catch (error) {
        throw inContext(error, flag);
      }
    }
    const table = await readTable(a.source);
    if (table.length === 0) throw new UsageError(`${a.source.name}: no rows to compare`);
    const [oldOut, newOut] = [
      await probabilitiesOf(models[0], table, "old", a.label),
      await probabilitiesOf(models[1], table, "new", a.label),
    ];
    const classNames = classesOf(models, oldOut.classes, newOut.classes);
    const labelColumn = table.columns.find((c) => c.name === a.label)!;
    const labels = classIndices(labelColumn, classNames);
    const partitions: Partition[] = [
      ...a.sensitive.map((c) => columnPartition(table.columns.find((x) => x.name === c)!, "sensitive")),
      ...a.slices.map((c) => columnPartition(table.columns.find((x) => x.name === c)!, "slice")),
    ];
    const result = compareMulticlassModels({
      oldProbabilities: oldOut.probabilities,
      newProbabilities: newOut.probabilities,
      labels,
      classNames,
      label: a.label,
      partitions,
      bootstrap: { resamples: a.resamples ?? 1000, seed: a.seed },
      gate: a.gate,
    });
    const digest = await a.source.digest();
    const report = comparisonReport(result, {
      inputs: [
        { name: a.source.name, digest, rows: table.length },
        ...models
          .filter((m) => m.metadata.digest)
          .map((m) => ({ name: m.name, digest: String(m.metadata.digest), rows: table.length })),
      ],
      config: {
        task: "multiclass",
        label: a.label,
        classes: classNames,
        old: a.oldSpec,
        new: a.newSpec,
        sensitive: a.sensitive,
        slices: a.slices,
        bootstrap: {
          resamples: a.resamples ?? 1000,
          seed: a.seed,
          level: 0.95,
          resampling: "rows (pairs), unstratified",
        },
      },
    });
    report.task = "multiclass";
    report.classes = classNames;
    report.perClass = result.perClass;
    saveEvidence(report);
    if (typeof a.v.html === "string") writeTextFile(a.v.html, await comparisonHtml(report, result));
    if (a.v.json) printJson(report);
    else process.stdout.write(textSummary(result, a.oldSpec, a.newSpec));
    return report.summary.status === "fail" ? 1 : 0;
  } finally {
    for (const m of models) await m.close();
  }
}

async function probabilitiesOf(model: Model, table: Batch, role: string, label: string) {
  const bar = progress(`scoring with the ${role} model`);
  try {
    const input = model.features
      ? table
      : { ...table, columns: table.columns.filter((c) => c.name !== label) };
    const p = await predictTable(model, input, { onProgress: bar.update });
    if (!p.probabilities || !p.classes)
      throw new UsageError(
        `--${role} (${model.name}) returned one score per row; a multiclass comparison needs a probability per class`,
      );
    for (let i = 0; i < p.probabilities.length; i++)
      if (!(p.probabilities[i] >= 0 && p.probabilities[i] <= 1))
        throw new UsageError(
          `--${role} (${model.name}): row ${Math.floor(i / p.classes)} has a probability outside [0, 1] (${p.probabilities[i]})`,
        );
    return { probabilities: p.probabilities, classes: p.classes };
  } catch (error) {
    throw inContext(error, `--${role}`);
  } finally {
    bar.done();
  }
}

/** Both models must name the same classes in the same order (else their columns mean different things). */
function classesOf(models: Model[], oldK: number, newK: number): string[] {
  const [o, n] = models.map((m) => m.metadata.classes);
  if (oldK !== newK) throw new UsageError(`the old model has ${oldK} classes and the new one ${newK}`);
  // one model naming its classes says nothing about the other's column order
  for (const [role, named] of [
    ["old", o],
    ["new", n],
  ] as const)
    if (!named)
      throw new UsageError(
        `the --${role} model does not name its classes; name the class of each output column with --classes a,b,c (or 'classes' in its descriptor)`,
      );
  if (o!.join("\u0000") !== n!.join("\u0000"))
    throw new UsageError(
      `the models order their classes differently (old: ${o!.join(", ")}; new: ${n!.join(", ")}); compare needs one order`,
    );
  const classes = o!;
  if (classes.length !== oldK)
    throw new UsageError(`${classes.length} classes named but the models output ${oldK}`);
  return classes;
}

function textSummary(r: MulticlassComparison, oldSpec: string, newSpec: string): string {
  const f = (x: number | null, digits = 4) => formatFixed(x, digits, "n/a");
  const ci = (c: [number, number] | null) => formatInterval(c, (x) => f(x), "");
  const m = r.metrics;
  const lines = [
    `compare ${oldSpec} → ${newSpec} on ${r.n} rows (multiclass, ${r.classes.length} classes; right = arg-max is the label)`,
    `  accuracy        ${f(r.accuracyOld)} → ${f(r.accuracyNew)}   Δ ${f(r.accuracyDelta.value)} ${ci(r.accuracyDelta.ci)}`,
    `  macro F1        ${f(m.macroF1?.old ?? null)} → ${f(m.macroF1?.new ?? null)}   Δ ${f(m.macroF1?.delta.value ?? null)} ${ci(m.macroF1?.delta.ci ?? null)}`,
    `  log loss        ${f(m.logLoss?.old ?? null)} → ${f(m.logLoss?.new ?? null)}   Δ ${f(m.logLoss?.delta.value ?? null)} ${ci(m.logLoss?.delta.ci ?? null)}`,
    `  flips           ${r.negativeFlips} negative (old right → new wrong), ${r.positiveFlips} positive; both right ${r.bothCorrect}, both wrong ${r.bothWrong}`,
    `  NFR             ${f(r.negativeFlipRate)} ${ci(r.negativeFlipRateCi)}   BTC ${f(r.btc)}   BEC ${f(r.bec)}   McNemar exact p ${formatPValue(r.mcnemarPValue)}`,
    "",
    "per class (rows of the class; recall old → new):",
    textTable(
      [
        "class",
        "rows",
        "recall old",
        "recall new",
        "neg. flips",
        "pos. flips",
        "NFR",
        "NFR CI",
        "BTC",
        "BEC",
      ],
      r.perClass.map((c) => [
        c.class,
        String(c.n),
        f(c.accuracyOld),
        f(c.accuracyNew),
        String(c.negativeFlips),
        String(c.positiveFlips),
        f(c.negativeFlipRate),
        ci(c.negativeFlipRateCi),
        f(c.btc),
        f(c.bec),
      ]),
    ),
  ];
  for (const c of r.checks.filter((x) => x.status !== "pass" && x.status !== "insufficient"))
    lines.push(`  ${c.status.toUpperCase().padEnd(12)} ${c.message}`);
  lines.push(`verdict: ${r.verdict}`);
  return `${lines.join("\n")}\n`;
}
