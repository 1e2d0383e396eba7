export const COLUMN_TYPES = [
    "integer",
    "float",
    "boolean",
    "string",
    "date",
    "timestamp",
];
/** Builds a batch from plain JS rows; used by tests, the server and the browser. */
export function batchFromRows(columns, rows, offset = 0) {
    const out = columns.map((info) => {
        const valid = new Uint8Array(rows.length);
        if (info.type === "string") {
            const values = new Array(rows.length);
            rows.forEach((row, i) => {
                const v = row[info.name];
                if (v === null || v === undefined)
                    values[i] = null;
                else {
                    values[i] = String(v);
                    valid[i] = 1;
                }
            });
            return { name: info.name, type: "string", values, valid };
        }
        const values = new Float64Array(rows.length);
        rows.forEach((row, i) => {
            const v = toNumber(row[info.name], info.type);
            if (v !== null) {
                values[i] = v;
                valid[i] = 1;
            }
        });
        return { name: info.name, type: info.type, values, valid };
    });
    return { length: rows.length, offset, columns: out };
}
function toNumber(v, type) {
    if (v === null || v === undefined)
        return null;
    if (typeof v === "number")
        return v;
    if (typeof v === "boolean")
        return v ? 1 : 0;
    if (typeof v === "bigint")
        return Number(v);
    if (v instanceof Date)
        return v.getTime();
    if (typeof v === "string") {
        if (type === "date" || type === "timestamp") {
            const t = Date.parse(v);
            return Number.isNaN(t) ? null : t;
        }
        if (type === "boolean")
            return v === "true" ? 1 : v === "false" ? 0 : null;
        const t = v.trim();
        if (t === "")
            return null;
        const n = Number(t);
        return Number.isNaN(n) && t.toLowerCase() !== "nan" ? null : n;
    }
    return null;
}
