import { complement, num, pct, pctOf } from "../anomaly.js";
import { explainUnseenValues } from "../domain-explain.js";
import { sqlStringList } from "../sql.js";
import { rateCheck } from "./scan.js";
/** schema.out_of_domain: present values outside the contract's known values, against the domain's `mostly`. */
export function planOutOfDomain(col, scan) {
    const { schema, contract, info, sql: c } = col;
    const domain = contract.domain;
    if (!domain)
        return null;
    const text = info.type === "string" ? c : `CAST(${c} AS VARCHAR)`;
    const predicate = `${c} IS NOT NULL AND NOT list_contains(${sqlStringList(Object.keys(domain.values))}, ${text})`;
    const alias = scan.add(`count(*) FILTER (WHERE ${predicate})::DOUBLE`);
    const name = contract.name;
    const known = Object.keys(domain.values).length;
    return (row) => {
        const nPresent = num(row[col.present]);
        const k = num(row[alias]);
        const { tolerance, fields } = rateCheck(schema, "schema.out_of_domain", k, nPresent, complement(domain.mostly), contract);
        return {
            column: name,
            predicate,
            result: {
                ...fields,
                expected: { values: known, mostly: 1 - tolerance },
                found: { outOfDomain: k },
                message: `${k} of ${nPresent} values outside the domain of ${known} known values (${pct(k, nPresent)}); the contract allows ${pctOf(tolerance)}`,
            },
        };
    };
}
/** Names the unseen values behind every out-of-domain result that found some (one GROUP BY each). */
export async function explainOutOfDomain(pending, schema, columns, relation, query) {
    for (const p of pending) {
        const r = p.result;
        if (r.check !== "schema.out_of_domain" || (r.count ?? 0) === 0 || !p.column)
            continue;
        const contract = schema.columns.find((c) => c.name === p.column);
        await explainUnseenValues(r, contract, columns.get(p.column), relation, query);
    }
}
