/**
 * `assay features <train> [<test>] --label COL [--positive V] [--algo gbdt|logreg|tree] [--model SPEC]`:
 * feature usefulness — permutation importance on held-out rows, leave-one-feature-out refits with
 * paired intervals, the features that can be removed, and near-duplicate groups (docs/learning.md).
 */
import { binaryLabels, encodeBinaryLabel } from "../evaluate/labels.js";
import { type FeatureUsefulness, featureUsefulness } from "../learning/feature-usefulness.js";
import { learnerName, learnerOptions, parseParamList, trainLearner } from "../model/baselines/learner.js";
import { findColumn, takeRows } from "../model/features.js";
import { readTable } from "../model/index.js";
import { makeReport } from "../report/report.js";
import { stratifiedFolds } from "../stats/stratified-folds.js";
import type { Batch } from "../table/types.js";
import { listOption, numberOption, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { modelFromArgs } from "./model-args.js";
import { printJson, progress, saveEvidence } from "./output.js";
import { requireColumn, sourceFromArgs } from "./source-args.js";

const HELP = `usage: assay features <train> [<test>] --label COL [--positive V] [options]

Which features earn their place. Each feature is a data dependency that can break; this finds the
ones that add nothing and the ones that duplicate each other:
  permutation importance   the rise of the held-out loss (log loss) when one column is shuffled,
                           with a 95% paired interval over the held-out rows (the model held fixed)
  leave one feature out    the learner refitted without each feature, the held-out loss compared
                           row by row with the full refit's (paired 95% interval)
  removable                a feature whose leave-one-out interval stays below the margin
                           (--tolerance × the full model's loss); the removable ones are then
                           then dropped together, greedily, since two copies of one signal each look
                           removable alone: the set reported keeps its total cost within the margin
  near-duplicates          groups linked by |Spearman| ≥ 0.95 or normalised mutual information ≥ 0.9

Held-out rows: <test> when given, otherwise a seeded stratified 1/round(1/F) of <train> (--holdout F).

options:
  --label COL          the binary label (required)
  --positive V         its positive class
  --algo A             the learner refitted: gbdt (default), logreg or tree
  --params k=v,…       its parameters (as assay train)
  --model SPEC         measure permutation importance of this model instead of the refit on every
                       feature (a saved model.json, ONNX descriptor, endpoint …)
  --no-refit           skip the leave-one-feature-out refits (permutation importance and duplicates only)
  --features a,b,c     the features (default: every column but the label)
  --holdout F          held-out fraction without <test> (default 0.3)
  --repeats N          permutations per feature (default 5)
  --tolerance T        removal margin as a fraction of the held-out loss (default 0.01)
  --correlation R      |Spearman| linking near-duplicates (default 0.95)
  --information I      normalised mutual information linking near-duplicates (default 0.9)
  --seed S             seed of the split and the permutations (default 1)
  --json               print the report as JSON

exit: 0 done (removable features and duplicates are warnings), 2 usage or input error`;

const OPTIONS = {
  label: { type: "string" },
  positive: { type: "string" },
  algo: { type: "string" },
  params: { type: "string" },
  model: { type: "string" },
  "no-refit": { type: "boolean" },
  features: { type: "string" },
  holdout: { type: "string" },
  repeats: { type: "string" },
  tolerance: { type: "string" },
  correlation: { type: "string" },
  information: { type: "string" },
  seed: { type: "string" },
  json: { type: "boolean" },
} as const;

export async function run(argv: string[]): Promise<number> {
  const { values: v, positionals, help } = parseCommand(argv, OPTIONS, HELP);
  if (help) return 0;
  const label = v.label as string | undefined;
  if (label === undefined) throw new UsageError("features needs --label COL (see --help)");
  if (positionals.length === 0 || positionals.length > 2)
    throw new UsageError("features takes a training file and an optional test file");
  if (v["no-refit"] && v.model === undefined)
    throw new UsageError("--no-refit needs --model SPEC: without refits there is no model to permute");
  const algo = learnerName((v.algo as string | undefined) ?? "gbdt");
  const { options, params } = learnerOptions(algo, parseParamList((v.params as string | undefined) ?? ""));
  const holdout = numberOption(v.holdout, "--holdout", { min: 0.05, max: 0.5 }) ?? 0.3;
  const repeats = numberOption(v.repeats, "--repeats", { min: 1, max: 1000 }) ?? 5;
  const tolerance = numberOption(v.tolerance, "--tolerance", { min: 0, max: 1 }) ?? 0.01;
  const correlation = numberOption(v.correlation, "--correlation", { min: 0, max: 1 }) ?? 0.95;
  const information = numberOption(v.information, "--information", { min: 0, max: 1 }) ?? 0.9;
  const seed = numberOption(v.seed, "--seed", { min: 0 }) ?? 1;
  if (!Number.isInteger(repeats)) throw new UsageError(`--repeats must be an integer, got ${repeats}`);

  const trainSource = await sourceFromArgs([positionals[0]], undefined, "training data");
  requireColumn(trainSource, label, "--label");
  const testSource = positionals[1] ? await sourceFromArgs([positionals[1]], undefined, "test data") : null;
  if (testSource) requireColumn(testSource, label, "--label");
  const features =
    listOption(v.features) ?? trainSource.columns.map((c) => c.name).filter((c) => c !== label);
  if (features.includes(label)) throw new UsageError(`--features must not include the label '${label}'`);
  if (features.length < 2)
    throw new UsageError(`features needs at least 2 feature columns (got ${features.length})`);
  for (const f of features) {
    requireColumn(trainSource, f, "--features");
    if (testSource) requireColumn(testSource, f, "--features");
  }
  const loaded = await modelFromArgs(v, "binary");
  const all = await readTable(trainSource, [...features, label]);
  const encoded = encodeBinaryLabel(findColumn(all, label), v.positive as string | undefined);
  if (encoded.positives < 2 || encoded.rows - encoded.positives < 2)
    throw new UsageError(`label '${label}' needs at least 2 rows of each class in ${trainSource.name}`);
  let train: Batch;
  let trainLabels: Uint8Array;
  let heldOut: Batch;
  let heldOutLabels: Uint8Array;
  if (testSource) {
    train = all;
    trainLabels = encoded.values;
    heldOut = await readTable(testSource, [...features, label]);
    heldOutLabels = binaryLabels(findColumn(heldOut, label), encoded.positive);
  } else {
    const fold = stratifiedFolds(encoded.values, Math.round(1 / holdout), seed);
    const keep: number[] = [];
    const held: number[] = [];
    fold.forEach((f, i) => (f === 0 ? held : keep).push(i));
    train = takeRows(all, keep);
    trainLabels = Uint8Array.from(keep, (i) => encoded.values[i]);
    heldOut = takeRows(all, held);
    heldOutLabels = Uint8Array.from(held, (i) => encoded.values[i]);
  }
  const inputs = (b: Batch): Batch => ({ ...b, columns: b.columns.filter((c) => c.name !== label) });
  const fit = v["no-refit"]
    ? null
    : async (rows: Batch, y: ArrayLike<number>, kept: string[]) => trainLearner(algo, rows, y, kept, options);
  const bar = progress(
    `features: ${fit ? `up to ${2 * features.length} refits of ${algo}` : "permutation importance"}`,
  );
  let result: FeatureUsefulness;
  try {
    result = await featureUsefulness(
      {
        train: inputs(train),
        trainLabels,
        heldOut: inputs(heldOut),
        heldOutLabels,
        features,
        fit,
        model: loaded?.model,
        task: "binary",
      },
      { repeats, seed, tolerance, correlation, information, onProgress: bar.update },
    );
  } finally {
    bar.done();
    await loaded?.model.close();
  }
  const report = makeReport(
    "features",
    {
      inputs: [
        { name: trainSource.name, digest: await trainSource.digest(), rows: all.length },
        ...(testSource
          ? [{ name: testSource.name, digest: await testSource.digest(), rows: heldOut.length }]
          : []),
      ],
      config: {
        label,
        positive: encoded.positive,
        features,
        algo: fit ? algo : null,
        params: fit ? params : null,
        model: loaded?.spec ?? null,
        holdout: testSource ? null : holdout,
        repeats,
        tolerance,
        correlation,
        information,
        seed,
      },
      results: result.results,
      summary: {
        removable: result.leaveOneOut?.features.filter((r) => r.removable).map((r) => r.feature) ?? [],
        duplicateGroups: result.duplicates.length,
      },
    },
    {
      trainRows: train.length,
      heldOutRows: heldOut.length,
      permutationImportance: result.permutation,
      leaveOneOut: result.leaveOneOut,
      nearDuplicates: result.duplicates,
    },
  );
  saveEvidence(report);
  if (v.json) printJson(report);
  else
    process.stdout.write(
      renderFeaturesText(
        result,
        `${trainSource.name} (${train.length} train / ${heldOut.length} held-out rows)`,
      ),
    );
  return 0;
}

function renderFeaturesText(r: FeatureUsefulness, title: string): string {
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : "n/a");
  const interval = (c: [number, number] | null) => (c ? `[${f(c[0])}, ${f(c[1])}]` : "n/a");
  const lofo = new Map(r.leaveOneOut?.features.map((x) => [x.feature, x]) ?? []);
  const width = Math.max(8, ...r.permutation.features.map((x) => x.feature.length));
  const lines = [
    `feature usefulness on ${title}`,
    `held-out ${r.permutation.loss} ${f(r.permutation.baselineLoss)}; 95% intervals; ${r.leaveOneOut ? `removal margin ${f(r.leaveOneOut.margin)}` : "no refits"}`,
    "",
    `  ${"feature".padEnd(width)}  ${"permuted: Δloss  95% CI".padEnd(36)}${r.leaveOneOut ? "left out: Δloss  95% CI" : ""}`,
  ];
  for (const p of r.permutation.features) {
    const l = lofo.get(p.feature);
    const pi = `${f(p.importance).padStart(9)}  ${interval(p.ci)}`.padEnd(36);
    const lo = l ? `${f(l.delta).padStart(9)}  ${interval(l.ci)}${l.removable ? "  removable" : ""}` : "";
    lines.push(`  ${p.feature.padEnd(width)}  ${pi}${lo}`);
  }
  const joint = r.leaveOneOut?.jointRemoval;
  if (joint)
    lines.push(
      "",
      `removable together: ${joint.features.join(", ")} — Δloss ${f(joint.delta)} ${interval(joint.ci)}`,
      ...(joint.kept.length > 0 ? [`removable alone but not with them: ${joint.kept.join(", ")}`] : []),
    );
  if (r.duplicates.length > 0) {
    lines.push("", "near-duplicate groups:");
    for (const g of r.duplicates)
      lines.push(
        `  ${g.features.join(", ")}: ${g.links.map((l) => `${l.a}~${l.b} ${l.spearman !== null ? `ρ ${l.spearman.toFixed(3)} ` : ""}NMI ${(l.normalizedMutualInformation ?? Number.NaN).toFixed(3)}`).join("; ")}`,
      );
  }
  return `${lines.join("\n")}\n`;
}
