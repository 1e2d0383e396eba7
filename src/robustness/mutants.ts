/**
 * Mutation adequacy of a behavioural suite: mutants of the model (its scores with noise, one feature
 * zeroed, dropped to missing or reflected about its mean, a constant model) are run through the suite,
 * and a mutant is killed when a test that passed on the model fails (or errors) on the mutant. The
 * mutation score is killed / (mutants − equivalent ones); a mutant is equivalent when it scores the
 * data exactly as the model does (a feature the model ignores), since no test could kill it.
 */
import type { Model, Prediction } from "../model/model.js";
import { predictTable } from "../model/predict.js";
import { normalDraw } from "../stats/normal-draw.js";
import { seededRandom } from "../stats/random.js";
import type { Batch } from "../table/types.js";
import { type RunOptions, runSuite, type TestOutcome } from "./run-suite.js";
import type { Suite } from "./suite.js";
import { copyBatch } from "./transforms.js";

interface MutantResult {
  name: string;
  status: "killed" | "survived" | "equivalent";
  /** The tests that killed it. */
  killedBy: string[];
}

interface MutationScore {
  mutants: number;
  killed: number;
  equivalent: number;
  /** killed / (mutants − equivalent); null when every mutant is equivalent. */
  score: number | null;
  survivors: string[];
  results: MutantResult[];
}

export async function mutationScore(
  suite: Suite,
  model: Model,
  data: Batch,
  baseline: TestOutcome[],
  options: RunOptions = {},
): Promise<MutationScore> {
  const passed = new Set(
    baseline.filter((o) => o.status === "pass" || o.status === "insufficient").map((o) => o.name),
  );
  const probe =
    data.length > 2000
      ? ({
          ...data,
          length: 2000,
          columns: data.columns.map((c) => ({
            ...c,
            values: c.values.slice(0, 2000),
            valid: c.valid.slice(0, 2000),
          })),
        } as Batch)
      : data;
  const reference = data.length > 0 ? (await predictTable(model, probe)).scores : new Float64Array(0);
  const results: MutantResult[] = [];
  for (const mutant of makeMutants(model, data, reference)) {
    let equivalent = false;
    try {
      const scores = (await predictTable(mutant, probe)).scores;
      equivalent = scores.every(
        (s, i) => s === reference[i] || (Number.isNaN(s) && Number.isNaN(reference[i])),
      );
    } catch {
      equivalent = false; // a mutant that crashes the model is as different as it gets
    }
    if (equivalent) {
      results.push({ name: mutant.name, status: "equivalent", killedBy: [] });
      continue;
    }
    const outcomes = await runSuite(suite, mutant, data, { ...options, examples: 0 });
    const killedBy = outcomes
      .filter((o) => passed.has(o.name) && (o.status === "fail" || o.status === "error"))
      .map((o) => o.name);
    results.push({ name: mutant.name, status: killedBy.length > 0 ? "killed" : "survived", killedBy });
  }
  const killed = results.filter((r) => r.status === "killed").length;
  const equivalent = results.filter((r) => r.status === "equivalent").length;
  const live = results.length - equivalent;
  return {
    mutants: results.length,
    killed,
    equivalent,
    score: live > 0 ? killed / live : null,
    survivors: results.filter((r) => r.status === "survived").map((r) => r.name),
    results,
  };
}

/** The mutants of a model: one score-noise mutant, three per feature, and a constant model. */
function makeMutants(model: Model, data: Batch, reference: Float64Array): Model[] {
  const features = model.features ?? data.columns.map((c) => c.name);
  const mutants: Model[] = [
    scoreMutant(model, "score noise (sd 0.1)", (scores) => {
      const random = seededRandom(scores.length + 17);
      return scores.map((s) => Math.min(1, Math.max(0, s + 0.1 * normalDraw(random))));
    }),
  ];
  for (const f of features) {
    const column = data.columns.find((c) => c.name === f);
    if (!column) continue;
    if (column.type !== "string") {
      let sum = 0;
      let m = 0;
      for (let i = 0; i < data.length; i++)
        if (column.valid[i] && Number.isFinite(column.values[i])) {
          sum += column.values[i];
          m++;
        }
      const mean = m > 0 ? sum / m : 0;
      mutants.push(inputMutant(model, `${f} zeroed`, f, (x) => (Number.isFinite(x) ? 0 : x)));
      mutants.push(
        inputMutant(
          model,
          `${f} sign flipped (reflected about its mean ${mean.toPrecision(4)})`,
          f,
          (x) => 2 * mean - x,
        ),
      );
    }
    mutants.push(inputMutant(model, `${f} dropped (missing)`, f, null));
  }
  let mean = 0;
  for (const s of reference) mean += s / reference.length;
  mutants.push(scoreMutant(model, `constant model (${mean.toFixed(4)})`, (scores) => scores.map(() => mean)));
  return mutants;
}

function scoreMutant(model: Model, name: string, change: (scores: Float64Array) => Float64Array): Model {
  return {
    ...model,
    name,
    features: model.features,
    metadata: model.metadata,
    kind: model.kind,
    async predict(batch: Batch): Promise<Prediction> {
      const p = await model.predict(batch);
      return { scores: change(p.scores) };
    },
    async close() {},
  };
}

/** `value` null drops the feature to missing; otherwise it maps each present numeric value. */
function inputMutant(
  model: Model,
  name: string,
  feature: string,
  value: ((x: number) => number) | null,
): Model {
  return {
    name,
    kind: model.kind,
    features: model.features,
    metadata: model.metadata,
    async predict(batch: Batch): Promise<Prediction> {
      const copy = copyBatch(batch);
      const column = copy.columns.find((c) => c.name === feature);
      if (column) {
        if (value === null) column.valid.fill(0);
        else if (column.type !== "string")
          for (let i = 0; i < copy.length; i++) column.values[i] = value(column.values[i]);
      }
      return model.predict(copy);
    },
    async close() {},
  };
}

export function renderMutationText(m: MutationScore): string {
  const lines = [
    "",
    `mutation score: ${m.score === null ? "n/a (every mutant is equivalent)" : `${(100 * m.score).toFixed(0)}%`} — ${m.killed} of ${m.mutants - m.equivalent} mutants killed (${m.equivalent} equivalent: the model scores the data the same)`,
  ];
  for (const r of m.results)
    lines.push(
      `  ${r.status.padEnd(10)} ${r.name}${r.killedBy.length > 0 ? `  (by ${r.killedBy.join(", ")})` : ""}`,
    );
  return `${lines.join("\n")}\n`;
}
