import { num, pct, pctOf, roundTolerance } from "../anomaly.js";
import { rateCheck } from "./scan.js";
/** schema.missing_rate: missing values among all rows, against the contract's `missing` tolerance. */
export function planMissingRate(col) {
    const { schema, contract } = col;
    const name = contract.name;
    return (row, rows) => {
        const k = rows - num(row[col.present]);
        const { tolerance, fields } = rateCheck(schema, "schema.missing_rate", k, rows, contract.missing, contract);
        return {
            column: name,
            predicate: `${col.sql} IS NULL`,
            result: {
                ...fields,
                expected: { maxFraction: tolerance },
                found: { missing: k, fraction: rows > 0 ? k / rows : null },
                message: `${k} of ${rows} values missing (${pct(k, rows)}); the contract allows ${pctOf(tolerance)}`,
                ...(fields.status !== "pass"
                    ? {
                        suggestion: `if this much missing data is expected, set columns.${name}.missing: ${roundTolerance(k / rows)}`,
                    }
                    : {}),
            },
        };
    };
}
