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
const runs = [];
for (let r = 0; r < repeats; r++) {
    const t = performance.now();
    const c = process.cpuUsage();
    const model = trainGbdt(train, yTrain, features, { params: { earlyStopping: false } });
    const fitMs = performance.now() - t;
    const cpu = process.cpuUsage(c);
    const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
    const scores = (await model.predict(test)).scores;
    runs.push({
        fitMs: Math.round(fitMs),
        cpuMs,
        testRocAuc: rocAuc(scores, yTest),
        trees: model.fit.trees.length,
    });
}
const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
console.log(JSON.stringify({
    tool: "assay gbdt",
    trainRows: train.length,
    testRows: test.length,
    runs,
    fitMsMedian: median(runs.map((r) => r.fitMs)),
    cpuMsMedian: median(runs.map((r) => r.cpuMs)),
    testRocAuc: runs[0].testRocAuc,
}, null, 2));
