import { TrustError } from "./errors.js";
/** The index in `classes` of each row's label (numbers are matched by their text: 2 ↔ "2"). */
export function classIndices(column, classes) {
    const index = new Map(classes.map((c, k) => [c, k]));
    const out = new Uint32Array(column.valid.length);
    for (let i = 0; i < out.length; i++) {
        if (!column.valid[i])
            throw new TrustError(`label '${column.name}' is missing at row ${i}; drop or fill those rows first`);
        const k = index.get(String(column.values[i]));
        if (k === undefined)
            throw new TrustError(`label '${column.name}' has '${String(column.values[i])}' at row ${i}, which is not one of the model's classes (${classes.join(", ")})`);
        out[i] = k;
    }
    return out;
}
