/**
 * Multiclass outputs already in the data: probability columns named by a prefix (`score-prefix:p_`
 * reads p_<class> for every column that starts with p_; the class is the rest of the name), or one
 * column of JSON arrays (`probabilities:COL`, "[0.1, 0.7, 0.2]" per row, classes in the given order).
 */
import type { Batch } from "../table/types.js";
import { argmaxClasses, findColumn, probabilitiesFromLists } from "./features.js";
import { type Model, ModelError } from "./model.js";

export function probabilityColumnsModel(prefix: string, columns: string[]): Model {
  if (prefix === "") throw new ModelError("score-prefix: needs a prefix, e.g. score-prefix:p_");
  const matching = columns.filter((c) => c.startsWith(prefix) && c.length > prefix.length);
  if (matching.length < 2)
    throw new ModelError(
      `--score-prefix ${prefix}: ${matching.length === 0 ? "no columns start" : `only '${matching[0]}' starts`} with '${prefix}'; a multiclass model needs a probability column per class (${prefix}a, ${prefix}b, …)`,
    );
  const classes = matching.map((c) => c.slice(prefix.length));
  const k = matching.length;
  return {
    name: `score-prefix:${prefix}`,
    kind: "score",
    features: matching,
    metadata: { source: matching.join(","), task: "multiclass", classes },
    async predict(batch: Batch) {
      const probabilities = new Float64Array(batch.length * k);
      matching.forEach((name, c) => {
        const column = findColumn(batch, name);
        if (column.type === "string")
          throw new ModelError(`probability column '${name}' is text; it must hold numbers`);
        for (let i = 0; i < batch.length; i++)
          probabilities[i * k + c] = column.valid[i] ? column.values[i] : Number.NaN;
      });
      return { scores: argmaxClasses(probabilities, k), probabilities, classes: k };
    },
    async close() {},
  };
}

export function probabilityListModel(column: string, classes?: string[]): Model {
  if (column.trim() === "")
    throw new ModelError("probabilities: needs a column name, e.g. probabilities:proba");
  return {
    name: `probabilities:${column}`,
    kind: "score",
    features: [column],
    metadata: { source: column, task: "multiclass", classes },
    async predict(batch: Batch) {
      const c = findColumn(batch, column);
      const lists: unknown[] = new Array(batch.length);
      for (let i = 0; i < batch.length; i++) {
        if (!c.valid[i])
          throw new ModelError(`probability column '${column}' is missing at row ${batch.offset + i}`);
        lists[i] = parseList(c.values[i], column, batch.offset + i);
      }
      const prediction = probabilitiesFromLists(lists, `probability column '${column}'`);
      if (classes && prediction.classes !== classes.length)
        throw new ModelError(
          `probability column '${column}' holds ${prediction.classes} probabilities per row, but ${classes.length} classes were named (${classes.join(", ")})`,
        );
      return prediction;
    },
    async close() {},
  };
}

function parseList(value: unknown, column: string, row: number): unknown {
  if (Array.isArray(value)) return value;
  if (typeof value === "string") {
    try {
      const parsed = JSON.parse(value);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // reported below
    }
  }
  const text = String(value);
  throw new ModelError(
    `probability column '${column}' row ${row} is not a JSON array of numbers: ${text.length > 60 ? `${text.slice(0, 60)}…` : text}`,
  );
}
