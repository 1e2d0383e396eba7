import { num, showValue } from "../anomaly.js";
import { numbered } from "../sql.js";
/**
 * Offending rows for every failing check with a predicate: one scan for the first row numbers of all of
 * them (`min(__row, k) FILTER (WHERE …)` per check), one to read those rows — and only when something failed.
 */
export async function attachExamples(pending, columns, relation, query, maxExamples) {
    const needing = pending.filter((p) => p.predicate && p.result.status !== "pass");
    if (needing.length === 0)
        return;
    const picks = needing.map((p, i) => `min(__row, ${maxExamples}) FILTER (WHERE ${p.predicate}) AS e${i}`);
    const [firstRows] = await query(`SELECT ${picks.join(", ")} FROM ${numbered(relation)}`);
    const wanted = new Set();
    const lists = needing.map((_, i) => (firstRows?.[`e${i}`] ?? []).map(Number));
    for (const list of lists)
        for (const r of list)
            wanted.add(r);
    if (wanted.size === 0)
        return;
    const records = await query(`SELECT * FROM ${numbered(relation)} WHERE __row IN (${[...wanted].join(", ")}) ORDER BY __row`);
    const byRow = new Map(records.map((r) => [num(r.__row), r]));
    needing.forEach((p, i) => {
        p.result.examples = lists[i].map((row) => {
            const raw = byRow.get(row) ?? {};
            // the whole offending row, so a person sees the value in its context
            const record = {};
            for (const c of columns)
                record[c.name] = showValue(raw[c.name], c.type);
            const column = p.column;
            return column === undefined ? { row, record } : { row, value: record[column], record };
        });
    });
}
