/**
 * How often `assay drift --multivariate` flags a pair with no drift: N random splits of adult's
 * training rows into two disjoint halves of `rows` each (all 14 features, 8 of them text), and N
 * pairs of independent draws from one synthetic Gaussian (x2 = 0.9·x1 + noise, x3 noise). Default
 * settings (5 folds, 200 permutations, gbdt 50 trees × 15 leaves); drivers skipped (they do not
 * change the verdict). Reports the flag rate at α = 0.05 (verdict: p ≤ α and AUC ≥ 0.55) and of
 * the permutation test alone (p ≤ α), with the mean AUC.
 * usage: node dist/bench/multivariate-null.js [N] [rows]
 */
import { multivariateDrift } from "../src/drift/multivariate.js";
import { takeRows } from "../src/model/features.js";
import { normalDraw } from "../src/stats/normal-draw.js";
import { seededRandom } from "../src/stats/random.js";
import { type Batch, batchFromRows } from "../src/table/types.js";
import { adult, LABEL } from "../test/model/baselines/adult-data.js";

const runs = Number(process.argv[2] ?? 100);
const rows = Number(process.argv[3] ?? 1000);
const { train, features } = await adult();
const adultFeatures = features.filter((f) => f !== LABEL);
const random = seededRandom(20261203);

function split(): [Batch, Batch] {
  const order = Array.from({ length: train.length }, (_, i) => i);
  for (let i = 0; i < 2 * rows; i++) {
    const j = i + random.below(order.length - i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return [takeRows(train, order.slice(0, rows)), takeRows(train, order.slice(rows, 2 * rows))];
}
const COLUMNS = ["x1", "x2", "x3"].map((name) => ({ name, type: "float" as const, sourceType: "DOUBLE" }));
function gaussian(): Batch {
  return batchFromRows(
    COLUMNS,
    Array.from({ length: rows }, () => {
      const x1 = normalDraw(random);
      return { x1, x2: 0.9 * x1 + 0.3 * normalDraw(random), x3: normalDraw(random) };
    }),
  );
}

for (const data of ["adult", "gaussian"] as const) {
  let flagged = 0;
  let rejected = 0;
  let aucSum = 0;
  const started = Date.now();
  for (let r = 0; r < runs; r++) {
    const [a, b] = data === "adult" ? split() : [gaussian(), gaussian()];
    const m = await multivariateDrift(a, b, data === "adult" ? adultFeatures : ["x1", "x2", "x3"], {
      seed: r + 1,
      driverRepeats: 0,
    });
    if (m.drifted) flagged++;
    if (m.pValue <= m.alpha) rejected++;
    aucSum += m.auc;
  }
  console.log(
    JSON.stringify({
      data,
      runs,
      rowsPerSide: rows,
      alpha: 0.05,
      flagRate: flagged / runs,
      permutationRejectRate: rejected / runs,
      meanAuc: aucSum / runs,
      secondsPerRun: (Date.now() - started) / 1000 / runs,
    }),
  );
}
