import { num, pctOf, roundTolerance } from "../anomaly.js";
import { rateCheck } from "./scan.js";
/**
 * data.non_finite: NaN and ±Inf among the present values of a numeric column. Only floats and numbers
 * stored as text can hold them.
 */
export function planNonFinite(col, scan) {
    const v = col.numeric;
    if (!v || (col.info.type !== "float" && col.info.type !== "string"))
        return null;
    const nan = scan.add(`count(*) FILTER (WHERE isnan(${v}))::DOUBLE`);
    const posInf = scan.add(`count(*) FILTER (WHERE ${v} = 'inf'::DOUBLE)::DOUBLE`);
    const negInf = scan.add(`count(*) FILTER (WHERE ${v} = '-inf'::DOUBLE)::DOUBLE`);
    const { schema, contract } = col;
    const name = contract.name;
    return (row) => {
        const nPresent = num(row[col.present]);
        const counts = { nan: num(row[nan]), posInf: num(row[posInf]), negInf: num(row[negInf]) };
        const k = counts.nan + counts.posInf + counts.negInf;
        const { tolerance, fields } = rateCheck(schema, "data.non_finite", k, nPresent, contract.nonFinite ?? 0, contract);
        return {
            column: name,
            predicate: `${v} IS NOT NULL AND NOT isfinite(${v})`,
            result: {
                ...fields,
                expected: { maxFraction: tolerance },
                found: counts,
                message: `${k} of ${nPresent} present values are not finite (NaN ${counts.nan}, +Inf ${counts.posInf}, −Inf ${counts.negInf}); the contract allows ${pctOf(tolerance)}`,
                ...(fields.status !== "pass"
                    ? {
                        suggestion: `fix the producer (a division by zero or a failed parse?), or set columns.${name}.nonFinite: ${roundTolerance(k / nPresent)}`,
                    }
                    : {}),
            },
        };
    };
}
