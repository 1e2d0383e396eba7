/**
 * Coverage of permutation importance's 95% interval (src/learning/permutation-importance.ts): a fixed,
 * well-specified logistic model p = σ(−0.3 + 2·x1 + 0.5·x2), x ~ N(0, I), y ~ Bernoulli(p). The
 * population importance of x_j is E[loss(y, f(x with x_j from an independent row))] − E[loss(y, f(x))],
 * estimated once from 2M draws; then N held-out samples of n rows each get their interval, and we
 * count how often it contains the population value.
 * usage: node dist/bench/permutation-coverage.js [N] [n] [repeats]
 */
import { permutationImportance } from "../src/learning/permutation-importance.js";
import type { Model } from "../src/model/model.js";
import { normalDraw } from "../src/stats/normal-draw.js";
import { seededRandom } from "../src/stats/random.js";
import type { Batch } from "../src/table/types.js";

const runs = Number(process.argv[2] ?? 400);
const n = Number(process.argv[3] ?? 500);
const repeats = Number(process.argv[4] ?? 5);
const COEF = [2, 0.5];
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const score = (x1: number, x2: number) => sigmoid(-0.3 + COEF[0] * x1 + COEF[1] * x2);
const loss = (y: number, p: number) => (y === 1 ? -Math.log(p) : -Math.log(1 - p));

const model: Model = {
  name: "fixed logistic",
  kind: "module",
  features: ["x1", "x2"],
  metadata: { source: "bench", task: "binary" },
  async predict(batch) {
    const [a, b] = batch.columns.map((c) => c.values as Float64Array);
    return { scores: Float64Array.from(a, (v, i) => score(v, b[i])) };
  },
  async close() {},
};

const random = seededRandom(20261203);
const normal = () => normalDraw(random);
function sample(m: number): { batch: Batch; y: Uint8Array } {
  const x1 = new Float64Array(m);
  const x2 = new Float64Array(m);
  const y = new Uint8Array(m);
  for (let i = 0; i < m; i++) {
    x1[i] = normal();
    x2[i] = normal();
    y[i] = random.next() < score(x1[i], x2[i]) ? 1 : 0;
  }
  const valid = new Uint8Array(m).fill(1);
  return {
    batch: {
      length: m,
      offset: 0,
      columns: [
        { name: "x1", type: "float", values: x1, valid },
        { name: "x2", type: "float", values: x2, valid },
      ],
    },
    y,
  };
}

// Population importances: independent replacement draws.
const big = 2_000_000;
const truth = [0, 0];
for (let i = 0; i < big; i++) {
  const x1 = normal();
  const x2 = normal();
  const y = random.next() < score(x1, x2) ? 1 : 0;
  const base = loss(y, score(x1, x2));
  truth[0] += (loss(y, score(normal(), x2)) - base) / big;
  truth[1] += (loss(y, score(x1, normal())) - base) / big;
}
const covered = [0, 0];
for (let r = 0; r < runs; r++) {
  const { batch, y } = sample(n);
  const result = await permutationImportance(model, batch, y, { repeats, seed: r + 1 });
  for (const f of result.features) {
    const j = f.feature === "x1" ? 0 : 1;
    if (f.ci && f.ci[0] <= truth[j] && truth[j] <= f.ci[1]) covered[j]++;
  }
}
console.log(
  JSON.stringify({
    runs,
    rows: n,
    repeats,
    populationImportance: truth,
    coverage: covered.map((c) => c / runs),
  }),
);
