import { join } from "node:path";
import { assay } from "./assay-process.js";

/**
 * Adult, model-learning practices: which features earn their place (permutation importance and
 * leave-one-out refits of a depth-6 tree, the removable set, near-duplicates), and whether a domain
 * classifier tells the test rows from the training rows (drift --multivariate, 2,000 rows a side).
 * About 15 s of CPU.
 */
export function runLearning(examples: string, say: (line: string) => void): { lines: string[] } {
  const train = join(examples, "adult_train.csv");
  say("adult · feature usefulness: permutation importance, leave-one-out refits, duplicates");
  const features = assay([
    "features",
    train,
    "--label",
    "income-per-year",
    "--positive",
    ">50K",
    "--algo",
    "tree",
    "--params",
    "maxDepth=6",
    "--repeats",
    "2",
    "--json",
  ]).report;
  say("adult · multivariate drift: can a classifier tell test rows from training rows?");
  const drift = assay([
    "drift",
    train,
    join(examples, "adult_test.csv"),
    "--ignore",
    "income-per-year",
    "--multivariate",
    "--max-rows",
    "2000",
    "--json",
  ]).report;
  const lines: string[] = [];
  if (features) {
    const joint = features.leaveOneOut?.jointRemoval;
    const groups = (features.nearDuplicates ?? []).map((g: { features: string[] }) => g.features.join("~"));
    lines.push(
      `  features: top ${features.permutationImportance.features[0].feature}; removable together: ${joint ? joint.features.join(", ") : "none"}; near-duplicates: ${groups.join("; ") || "none"}`,
    );
  }
  if (drift?.multivariate) {
    const m = drift.multivariate;
    lines.push(
      `  train vs test, domain classifier: ROC AUC ${m.auc.toFixed(3)} (95% CI ${m.ci[0].toFixed(3)}–${m.ci[1].toFixed(3)}), ${m.drifted ? "drift" : "no multivariate drift"} (p = ${m.pValue.toFixed(3)})`,
    );
  }
  return { lines };
}
