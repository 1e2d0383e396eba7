/** Computes a dataset fingerprint with one aggregate query (exact counts, no sketches). */
export async function fingerprintSource(source) {
    const { ident } = source.dialect;
    const parts = ["count(*)::DOUBLE AS n"];
    source.columns.forEach((c, k) => {
        const col = ident(c.name);
        parts.push(`(count(*) - count(${col}))::DOUBLE AS m${k}`);
        if (c.type === "integer" || c.type === "float" || c.type === "boolean") {
            parts.push(`avg(${col}::DOUBLE) AS a${k}`, `stddev_samp(${col}::DOUBLE) AS s${k}`);
        }
        else
            parts.push(`count(DISTINCT ${col})::DOUBLE AS d${k}`);
    });
    const [row] = await source.query(`SELECT ${parts.join(", ")} FROM ${source.sql}`);
    const num = (x) => (typeof x === "number" && Number.isFinite(x) ? x : null);
    const columns = source.columns.map((c, k) => {
        const out = { name: c.name, type: c.type, missing: Number(row[`m${k}`]) };
        if (`a${k}` in row) {
            out.mean = num(row[`a${k}`]);
            out.sd = num(row[`s${k}`]);
        }
        else
            out.distinct = num(row[`d${k}`]);
        return out;
    });
    return { rows: Number(row.n), columns };
}
