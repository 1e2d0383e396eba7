/**
 * Feature usefulness (docs/learning.md): which features a model uses, which can be dropped — each one
 * a data dependency that can break — and which duplicate each other. Composes permutation importance
 * of a model on held-out rows, leave-one-feature-out refits of a learner, and near-duplicate groups
 * of the training rows into the report's checks:
 *  - features.permutation_importance (one per feature; pass, informational),
 *  - features.removable (one per feature; warn when its removal costs less than the margin),
 *  - features.joint_removal (warn: the greedy set of removable features that can go together),
 *  - features.near_duplicates (one per group; warn).
 */
import type { Model, ModelTask } from "../model/model.js";
import type { CheckResult } from "../report/report.js";
import type { Batch } from "../table/types.js";
import { type FeatureFitter, type LeaveOneOut, leaveOneFeatureOut } from "./leave-one-feature-out.js";
import { type DuplicateGroup, type NearDuplicateOptions, nearDuplicateGroups } from "./near-duplicates.js";
import { type PermutationImportance, permutationImportance } from "./permutation-importance.js";

export interface FeatureUsefulnessInput {
  train: Batch;
  trainLabels: ArrayLike<number>;
  heldOut: Batch;
  heldOutLabels: ArrayLike<number>;
  features: string[];
  /** Refits the learner on a subset of the features (leave-one-feature-out); null skips the refits. */
  fit: FeatureFitter | null;
  /** The model whose permutation importance is measured (default: `fit` on every feature). */
  model?: Model;
  task?: ModelTask;
}

export interface FeatureUsefulnessOptions extends NearDuplicateOptions {
  repeats?: number;
  seed?: number;
  level?: number;
  tolerance?: number;
  onProgress?: (fraction: number) => void;
}

export interface FeatureUsefulness {
  permutation: PermutationImportance;
  leaveOneOut: LeaveOneOut | null;
  duplicates: DuplicateGroup[];
  results: CheckResult[];
}

export async function featureUsefulness(
  input: FeatureUsefulnessInput,
  options: FeatureUsefulnessOptions = {},
): Promise<FeatureUsefulness> {
  const { train, trainLabels, heldOut, heldOutLabels, features, fit } = input;
  const task = input.task ?? input.model?.metadata.task ?? "binary";
  const level = options.level ?? 0.95;
  let model = input.model;
  if (!model) {
    if (!fit) throw new Error("featureUsefulness needs a model or a fitter");
    model = await fit(train, trainLabels, features);
  }
  const permutation = await permutationImportance(model, heldOut, heldOutLabels, {
    features,
    repeats: options.repeats,
    seed: options.seed,
    level,
    task,
  });
  if (!input.model) await model.close();
  options.onProgress?.(fit ? 0.1 : 0.9);
  const leaveOneOut = fit
    ? await leaveOneFeatureOut(train, trainLabels, heldOut, heldOutLabels, features, fit, {
        level,
        tolerance: options.tolerance,
        task,
        onRefit: (done, total) => options.onProgress?.(0.1 + (0.8 * done) / total),
      })
    : null;
  const duplicates = nearDuplicateGroups(train, features, options);
  options.onProgress?.(1);
  return { permutation, leaveOneOut, duplicates, results: checks(permutation, leaveOneOut, duplicates) };
}

function checks(
  pi: PermutationImportance,
  lofo: LeaveOneOut | null,
  groups: DuplicateGroup[],
): CheckResult[] {
  const pct = `${Math.round(pi.level * 100)}%`;
  const out: CheckResult[] = pi.features.map((f) => ({
    check: "features.permutation_importance",
    subject: { column: f.feature },
    status: "pass",
    value: f.importance,
    ...(f.ci ? { ci: f.ci } : {}),
    significant: f.significant,
    message: `permuting ${f.feature} raises held-out ${pi.loss} by ${fmt(f.importance)} (${pct} CI ${ci(f.ci)})${f.significant ? "" : ": not significantly above 0"}`,
  }));
  if (lofo) {
    for (const r of lofo.features)
      out.push({
        check: "features.removable",
        subject: { column: r.feature },
        status: r.removable ? "warn" : "pass",
        value: r.delta,
        ...(r.ci ? { ci: r.ci } : {}),
        threshold: lofo.margin,
        removable: r.removable,
        message: r.removable
          ? `${r.feature} can be removed: refitting without it changes held-out ${lofo.loss} by ${fmt(r.delta)} (${pct} CI ${ci(r.ci)}), within the margin ${fmt(lofo.margin)}; a data dependency that adds nothing`
          : `refitting without ${r.feature} changes held-out ${lofo.loss} by ${fmt(r.delta)} (${pct} CI ${ci(r.ci)})${r.significant ? ": it adds something the other features do not carry" : ": the interval reaches past the margin, so it cannot be called removable"}`,
      });
    const joint = lofo.jointRemoval;
    if (joint)
      out.push({
        check: "features.joint_removal",
        subject: { column: joint.features.join(",") },
        status: "warn",
        value: joint.delta,
        ...(joint.ci ? { ci: joint.ci } : {}),
        threshold: lofo.margin,
        features: joint.features,
        kept: joint.kept,
        message:
          `${joint.features.length} features can be removed together (${joint.features.join(", ")}): held-out ${lofo.loss} changes by ${fmt(joint.delta)} (${pct} CI ${ci(joint.ci)}), within the margin` +
          (joint.kept.length > 0
            ? `; ${joint.kept.join(", ")} could each go alone but not with them (they stand in for one another)`
            : ""),
      });
  }
  for (const g of groups)
    out.push({
      check: "features.near_duplicates",
      subject: { column: g.features.join(",") },
      status: "warn",
      value: Math.max(
        ...g.links.map((l) => Math.max(Math.abs(l.spearman ?? 0), l.normalizedMutualInformation ?? 0)),
      ),
      links: g.links,
      message: `${g.features.join(", ")} are near-duplicates (${g.links
        .map(
          (l) =>
            `${l.a}~${l.b}: ${l.spearman !== null ? `Spearman ${fmt(l.spearman, 3)}, ` : ""}NMI ${fmt(l.normalizedMutualInformation ?? Number.NaN, 3)}`,
        )
        .join("; ")}): one of them may be enough`,
    });
  return out;
}

const fmt = (x: number, digits = 4) => (Number.isFinite(x) ? x.toFixed(digits) : "n/a");
const ci = (c: [number, number] | null) => (c ? `${fmt(c[0])} to ${fmt(c[1])}` : "n/a");
