import { complement, num, pct, pctOf } from "../anomaly.js";
import { sqlString } from "../sql.js";
import { rateCheck } from "./scan.js";
/** The SQL test that a text value has the contract's format. */
function formatTest(c, f) {
    switch (f.kind) {
        case "regex":
            return `regexp_full_match(${c}, ${sqlString(f.pattern ?? ".*")})`;
        case "integer":
            return `TRY_CAST(trim(${c}) AS BIGINT) IS NOT NULL`;
        case "float":
            return `TRY_CAST(trim(${c}) AS DOUBLE) IS NOT NULL`;
        case "boolean":
            return `TRY_CAST(trim(${c}) AS BOOLEAN) IS NOT NULL`;
        case "date":
            return `TRY_CAST(trim(${c}) AS DATE) IS NOT NULL`;
        default:
            return `TRY_CAST(trim(${c}) AS TIMESTAMP) IS NOT NULL`;
    }
}
/** schema.format: present text values that do not have the contract's format (a regex, or a parseable type). */
export function planFormat(col, scan) {
    const { schema, contract, info, sql: c } = col;
    const format = contract.format;
    if (!format || info.type !== "string")
        return null;
    const predicate = `${c} IS NOT NULL AND NOT (${formatTest(c, format)})`;
    const alias = scan.add(`count(*) FILTER (WHERE ${predicate})::DOUBLE`);
    const name = contract.name;
    const label = format.kind === "regex" ? `/${format.pattern}/` : format.kind;
    return (row) => {
        const nPresent = num(row[col.present]);
        const k = num(row[alias]);
        const { tolerance, fields } = rateCheck(schema, "schema.format", k, nPresent, complement(format.mostly), contract);
        return {
            column: name,
            predicate,
            result: {
                ...fields,
                expected: format,
                found: { notMatching: k },
                message: `${k} of ${nPresent} values do not look like ${label} (${pct(k, nPresent)}); the contract allows ${pctOf(tolerance)}`,
            },
        };
    };
}
