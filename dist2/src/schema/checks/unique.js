import { complement, num } from "../anomaly.js";
import { rateCheck } from "./scan.js";
/** schema.unique: present values that repeat an earlier one, for a column the contract calls a key. */
export function planUnique(col, scan) {
    const { schema, contract, relation, sql: c } = col;
    const unique = contract.unique;
    if (!unique)
        return null;
    const distinct = scan.add(`count(DISTINCT ${c})::DOUBLE`);
    const name = contract.name;
    return (row) => {
        const nPresent = num(row[col.present]);
        const k = nPresent - num(row[distinct]);
        const { fields } = rateCheck(schema, "schema.unique", k, nPresent, complement(unique.mostly), contract);
        return {
            column: name,
            predicate: fields.status === "pass"
                ? undefined
                : `${c} IN (SELECT ${c} FROM ${relation} GROUP BY ${c} HAVING count(*) > 1)`,
            result: {
                ...fields,
                expected: { unique: true },
                found: { repeated: k },
                message: `${k} of ${nPresent} values repeat an earlier value; '${name}' is a key in the contract`,
            },
        };
    };
}
