/**
 * How often the shuffled-labels check of `assay sanity` fails an honest learner: the check run with
 * seeds 1 … N on adult's training split (logreg and gbdt, 2,000 rows: 1,000 to fit, 1,000 held out).
 * usage: node dist/bench/sanity-null.js [N]
 */
import { builtinTrainer } from "../src/learning/builtin-trainer.js";
import { learningSanity } from "../src/learning/sanity.js";
import { learnerOptions } from "../src/model/baselines/learner.js";
import { adult } from "../test/model/baselines/adult-data.js";

const runs = Number(process.argv[2] ?? 100);
const { train, yTrain, features } = await adult();
for (const algo of ["logreg", "gbdt"] as const) {
  const { options } = learnerOptions(algo, algo === "gbdt" ? { maxIterations: "30" } : {});
  const trainer = builtinTrainer(algo, features, options);
  let fails = 0;
  for (let seed = 1; seed <= runs; seed++) {
    const checks = await learningSanity(train, yTrain, trainer, {
      seed,
      rows: 2000,
      labelColumn: "income-per-year",
    });
    if (checks.find((c) => c.check === "sanity.shuffled_labels")!.status === "fail") fails++;
  }
  console.log(JSON.stringify({ algo, runs, shuffledLabelFails: fails, rate: fails / runs }));
}
