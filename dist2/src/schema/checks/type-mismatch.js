import { num } from "../anomaly.js";
import { severityFor, statusOf } from "../verdict.js";
const NUMERIC = ["integer", "float"];
/** Contract types a text column may spell out (DuckDB's casts: true/false, yes/no, y/n, t/f, 1/0; ISO dates). */
const TEXT_PARSE = {
    boolean: "BOOLEAN",
    date: "DATE",
    timestamp: "TIMESTAMP",
};
/**
 * schema.type_mismatch, and the numeric view every numeric check reads: the column itself, a cast when a
 * numeric contract meets numbers of another numeric type, or a parse when the numbers are stored as text.
 * Integer where float is expected is a widening, accepted without a check.
 */
export function planTypeMismatch(col, scan) {
    const { contract, info, sql: c } = col;
    const wantNumeric = NUMERIC.includes(contract.type);
    let numeric = null;
    let typeCheck = null;
    if (contract.type !== info.type) {
        if (wantNumeric && NUMERIC.includes(info.type)) {
            numeric = `${c}::DOUBLE`;
            if (contract.type === "integer") {
                const pred = `isfinite(${c}::DOUBLE) AND ${c}::DOUBLE <> round(${c}::DOUBLE)`;
                typeCheck = {
                    predicate: pred,
                    alias: scan.add(`count(*) FILTER (WHERE ${pred})::DOUBLE`),
                    note: "non-integer values",
                };
            }
        }
        else if (wantNumeric && info.type === "string") {
            const parsed = `TRY_CAST(trim(${c}) AS DOUBLE)`;
            numeric = parsed;
            const pred = `${c} IS NOT NULL AND ${parsed} IS NULL`;
            typeCheck = {
                predicate: pred,
                alias: scan.add(`count(*) FILTER (WHERE ${pred})::DOUBLE`),
                note: "values that do not parse as numbers",
            };
        }
        else if (info.type === "string" && contract.type in TEXT_PARSE) {
            // A CSV writes booleans and dates as words; one bad word makes the whole column text, so count
            // the words that do not parse, not the column.
            const pred = `${c} IS NOT NULL AND TRY_CAST(trim(${c}) AS ${TEXT_PARSE[contract.type]}) IS NULL`;
            typeCheck = {
                predicate: pred,
                alias: scan.add(`count(*) FILTER (WHERE ${pred})::DOUBLE`),
                note: `not ${contract.type}s (they do not parse as one)`,
            };
        }
        else {
            typeCheck = { predicate: `${c} IS NOT NULL`, alias: null, note: `values stored as ${info.type}` };
        }
    }
    else if (wantNumeric) {
        numeric = c;
    }
    if (!typeCheck)
        return { numeric, judge: null };
    const check = typeCheck;
    const name = contract.name;
    const judge = (row) => {
        const nPresent = num(row[col.present]);
        const bad = check.alias ? num(row[check.alias]) : nPresent;
        const severity = severityFor(col.schema, "schema.type_mismatch", contract);
        // Numbers stored as text are a writer's change even when all parse; booleans and dates written as
        // words are how text formats store them, so only the words that do not parse count.
        const failing = check.alias === null || bad > 0 || (info.type === "string" && wantNumeric);
        return {
            column: name,
            predicate: failing ? (check.predicate ?? undefined) : undefined,
            result: {
                check: "schema.type_mismatch",
                subject: { column: name },
                status: failing ? statusOf(severity) : "pass",
                severity: failing ? severity : "info",
                value: nPresent > 0 ? bad / nPresent : null,
                count: bad,
                total: nPresent,
                expected: contract.type,
                found: info.type,
                message: check.alias === null
                    ? `expected ${contract.type}, found ${info.type} (${info.sourceType})`
                    : `expected ${contract.type}, found ${info.type} (${info.sourceType}); ${bad} of ${nPresent} present values are ${check.note}` +
                        (info.type === "string" && wantNumeric && nPresent > bad ? ` — numbers stored as text` : ""),
                suggestion: info.type === "string" && wantNumeric
                    ? `fix the writer so that '${name}' stays numeric; ${bad === 0 ? "every value parses, a cast is enough" : "the rows below do not parse"}`
                    : info.type === "string" && check.alias !== null && bad > 0
                        ? `the rows below are not ${contract.type}s: fix them, or set columns.${name}.type: string if '${name}' is free text now`
                        : `if '${name}' is now ${info.type} on purpose, set columns.${name}.type: ${info.type}`,
            },
        };
    };
    return { numeric, judge };
}
