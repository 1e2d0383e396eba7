import { findColumn } from "../features.js";
export function learnEncoding(batch, features, topCategories = 10) {
    const numeric = [];
    const categorical = [];
    for (const name of features) {
        const c = findColumn(batch, name);
        if (c.type === "string") {
            const counts = new Map();
            for (let i = 0; i < batch.length; i++) {
                const v = c.values[i];
                if (c.valid[i] && v !== null)
                    counts.set(v, (counts.get(v) ?? 0) + 1);
            }
            // Most frequent first; ties by name so the encoding does not depend on row order.
            const categories = [...counts.entries()]
                .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
                .slice(0, topCategories)
                .map(([v]) => v);
            categorical.push({ name, categories });
        }
        else {
            let sum = 0;
            let m = 0;
            for (let i = 0; i < batch.length; i++)
                if (c.valid[i] && Number.isFinite(c.values[i])) {
                    sum += c.values[i];
                    m++;
                }
            const mean = m > 0 ? sum / m : 0;
            let ss = 0;
            for (let i = 0; i < batch.length; i++)
                if (c.valid[i] && Number.isFinite(c.values[i]))
                    ss += (c.values[i] - mean) ** 2;
            const sd = m > 0 ? Math.sqrt(ss / m) : 0;
            numeric.push({ name, mean, scale: sd > 0 ? sd : 1 });
        }
    }
    return {
        numeric,
        categorical,
        columns: [
            ...numeric.map((n) => n.name),
            ...categorical.flatMap((c) => c.categories.map((v) => `${c.name}=${v}`)),
        ],
    };
}
/** Encodes a batch as a row-major [rows × columns] matrix. */
export function encode(batch, encoding) {
    const p = encoding.columns.length;
    const out = new Float64Array(batch.length * p);
    encoding.numeric.forEach(({ name, mean, scale }, j) => {
        const c = findColumn(batch, name);
        for (let i = 0; i < batch.length; i++) {
            const v = c.values[i];
            out[i * p + j] = c.valid[i] && Number.isFinite(v) ? (v - mean) / scale : 0;
        }
    });
    let at = encoding.numeric.length;
    for (const { name, categories } of encoding.categorical) {
        const c = findColumn(batch, name);
        const slot = new Map(categories.map((v, k) => [v, k]));
        for (let i = 0; i < batch.length; i++) {
            const k = c.valid[i] ? slot.get(String(c.values[i])) : undefined;
            if (k !== undefined)
                out[i * p + at + k] = 1;
        }
        at += categories.length;
    }
    return out;
}
