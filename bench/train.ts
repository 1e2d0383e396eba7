/**
 * bench/train: fit time and test ROC AUC of Assay's gbdt on adult (train → test), to set beside
 * scikit-learn's HistGradientBoostingClassifier (bench/train_sklearn.py) in the same run (bench/train.sh).
 * usage: node dist/bench/train.js [repeats]
 */
import { rocAuc } from "../src/evaluate/ranking.js";
import { trainGbdt } from "../src/model/baselines/gbdt/index.js";
import { adult } from "../test/model/baselines/adult-data.js";

const repeats = Number(process.argv[2] ?? 3);
const { train, test, yTrain, yTest, features } = await adult();
const runs: { fitMs: number; testRocAuc: number; trees: number }[] = [];
for (let r = 0; r < repeats; r++) {
  const t = performance.now();
  const model = trainGbdt(train, yTrain, features, { params: { earlyStopping: false } });
  const fitMs = performance.now() - t;
  const scores = (await model.predict(test)).scores;
  runs.push({ fitMs: Math.round(fitMs), testRocAuc: rocAuc(scores, yTest), trees: model.fit.trees.length });
}
const sorted = runs.map((r) => r.fitMs).sort((a, b) => a - b);
console.log(
  JSON.stringify(
    {
      tool: "assay gbdt",
      trainRows: train.length,
      testRows: test.length,
      runs,
      fitMsMedian: sorted[sorted.length >> 1],
      testRocAuc: runs[0].testRocAuc,
    },
    null,
    2,
  ),
);
