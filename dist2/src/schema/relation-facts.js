import { SHAPE_SQL } from "./shapes.js";
/** What schema inference reads from a relation beyond its profile (a saved profile has neither). */
/** The 50 most frequent value shapes of a text column ("AB-123" → "AA-999"), with their counts. */
export async function valueShapes(relation, column) {
    const c = relation.dialect.ident(column);
    const rows = await relation.query(`SELECT ${SHAPE_SQL(c)} AS shape, count(*)::DOUBLE AS n FROM ${relation.sql} WHERE ${c} IS NOT NULL GROUP BY shape ORDER BY n DESC LIMIT 50`);
    return rows.map((r) => ({ shape: String(r.shape), count: Number(r.n) }));
}
/** Rows that repeat an earlier row (by a 64-bit hash of all columns). */
export async function countDuplicateRows(relation) {
    const columns = relation.columns.map((c) => relation.dialect.ident(c.name)).join(", ");
    const [row] = await relation.query(`SELECT (count(*) - count(DISTINCT hash(${columns})))::DOUBLE AS d FROM ${relation.sql}`);
    return Number(row.d);
}
