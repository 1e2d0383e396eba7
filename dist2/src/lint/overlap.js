import { numbered, sqlIdent } from "../schema/sql.js";
import { finding, percent } from "./finding.js";
/**
 * Train/test overlap: rows of this table that also occur, value for value, in the other one
 * (over the columns both share). With a label, also the rows whose features alone recur, which
 * is what leaks into an evaluation. ≥ 1% of rows is an error, any overlap a warning.
 */
export async function overlapFindings(relation, against, shared, query, options) {
    const measure = async (columns) => {
        const key = `hash(${columns.map(sqlIdent).join(", ")})`;
        const [r] = await query(`SELECT count(*)::DOUBLE AS total, count(*) FILTER (WHERE ${key} IN (SELECT ${key} FROM ${against.relation}))::DOUBLE AS k FROM ${relation}`);
        return { key, total: Number(r.total), k: Number(r.k) };
    };
    const full = await measure(shared);
    const features = options.label ? shared.filter((c) => c !== options.label) : null;
    const featureOnly = features && features.length > 0 ? await measure(features) : null;
    const examples = full.k > 0 && options.maxExamples > 0
        ? (await query(`SELECT a.__row AS row, min(b.__row) AS other FROM (SELECT __row, ${full.key} AS h FROM ${numbered(relation)}) a JOIN (SELECT __row, ${full.key} AS h FROM ${numbered(against.relation)}) b ON a.h = b.h GROUP BY a.__row ORDER BY a.__row LIMIT ${options.maxExamples}`)).map((r) => ({ row: Number(r.row), againstRow: Number(r.other) }))
        : [];
    const fraction = full.total > 0 ? full.k / full.total : 0;
    const severity = fraction >= 0.01 ? "error" : full.k > 0 ? "warning" : "info";
    return [
        finding("lint.train_test_overlap", severity, {
            value: fraction,
            count: full.k,
            total: full.total,
            against: against.name,
            columns: shared.length,
            ...(featureOnly ? { featureOverlap: featureOnly.k } : {}),
            message: `${full.k} of ${full.total} rows (${percent(full.k, full.total)}) also occur in ${against.name} over ${shared.length} shared columns` +
                (featureOnly
                    ? `; ${featureOnly.k} (${percent(featureOnly.k, featureOnly.total)}) when the label is left out`
                    : ""),
            ...(full.k > 0
                ? {
                    examples,
                    suggestion: `remove the repeated rows from one side before evaluating (or split by entity, not by row)`,
                }
                : {}),
        }),
    ];
}
