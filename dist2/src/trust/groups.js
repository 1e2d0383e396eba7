import { TrustError } from "./errors.js";
export const MAX_NUMERIC_GROUPS = 20;
export function groupKeys(column) {
    const n = column.valid.length;
    const out = new Array(n);
    if (column.type === "string") {
        for (let i = 0; i < n; i++)
            out[i] = column.valid[i] ? column.values[i] : MISSING_GROUP;
        return out;
    }
    const distinct = new Set();
    for (let i = 0; i < n; i++) {
        if (!column.valid[i]) {
            out[i] = MISSING_GROUP;
            continue;
        }
        const v = column.values[i];
        distinct.add(v);
        if (distinct.size > MAX_NUMERIC_GROUPS)
            throw new TrustError(`group column '${column.name}' has more than ${MAX_NUMERIC_GROUPS} distinct numbers; bucket it first (e.g. --calibration-sql "SELECT *, CASE WHEN age < 40 THEN 'under 40' ELSE '40+' END AS age_group FROM …")`);
        out[i] = column.type === "boolean" ? (v === 1 ? "true" : "false") : String(v);
    }
    return out;
}
/** The group of rows whose group column is empty. */
export const MISSING_GROUP = "(missing)";
/** The Mondrian cell of each row: the groups of several columns joined ("sex=Female & race=Black"). */
export function cellKeys(columns, keys) {
    if (keys.length === 1)
        return keys[0];
    const n = keys[0]?.length ?? 0;
    const out = new Array(n);
    for (let i = 0; i < n; i++)
        out[i] = columns.map((c, j) => `${c}=${keys[j][i]}`).join(" & ");
    return out;
}
/** Row indices of each distinct key, keys in code-point order. */
export function rowsByKey(keys) {
    const lists = new Map();
    keys.forEach((k, i) => {
        let rows = lists.get(k);
        if (!rows)
            lists.set(k, (rows = []));
        rows.push(i);
    });
    return new Map([...lists.keys()].sort().map((k) => [k, Uint32Array.from(lists.get(k))]));
}
