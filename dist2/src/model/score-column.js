import { findColumn } from "./features.js";
import { ModelError } from "./model.js";
export function scoreColumnModel(column, task = "binary") {
    if (column.trim() === "")
        throw new ModelError("score: needs a column name, e.g. score:probability");
    return {
        name: `score:${column}`,
        kind: "score",
        features: [column],
        metadata: { source: column, task },
        async predict(batch) {
            const c = findColumn(batch, column);
            if (c.type === "string")
                throw new ModelError(`score column '${column}' is text; it must hold numbers`);
            const scores = new Float64Array(batch.length);
            for (let i = 0; i < batch.length; i++)
                scores[i] = c.valid[i] ? c.values[i] : Number.NaN;
            return { scores };
        },
        async close() { },
    };
}
