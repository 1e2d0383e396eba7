import { rateStatus, severityFor, toleranceFor } from "../verdict.js";
/**
 * The aggregates of the one validation scan. Each check family adds the ones it needs; an aggregate two
 * families need (the range count the unit check also reads) is computed once.
 */
export class Scan {
    aliases = new Map();
    aggregates = ["count(*)::DOUBLE AS __rows"];
    add(sql) {
        let alias = this.aliases.get(sql);
        if (!alias) {
            alias = `a${this.aggregates.length}`;
            this.aggregates.push(`${sql} AS ${alias}`);
            this.aliases.set(sql, alias);
        }
        return alias;
    }
    query(relation) {
        return `SELECT ${this.aggregates.join(", ")} FROM ${relation}`;
    }
}
/**
 * "x is a finite number". Every aggregate of an integer column can skip the isfinite() filter (a per-row
 * predicate per aggregate on 3M rows adds up).
 */
export function finite(col, x) {
    return col.integral ? `${x} IS NOT NULL` : `isfinite(${x})`;
}
/** Alias of the count of finite values of the numeric view (the present ones for an integer column). */
export function finiteCount(col, scan) {
    if (!col.numeric)
        return null;
    return col.integral ? col.present : scan.add(`count(*) FILTER (WHERE isfinite(${col.numeric}))::DOUBLE`);
}
/**
 * A rate check's verdict on "k of n broke the rule" and the fields every rate check reports: the rate,
 * the tolerance it was held to, the counts, the lower confidence bound. The family adds what it
 * expected and found, and the message.
 */
export function rateCheck(schema, check, k, n, base, contract) {
    const tolerance = toleranceFor(schema, check, base, contract);
    const confidence = schema.reference?.confidence ?? 0.999;
    const verdict = rateStatus(k, n, tolerance, severityFor(schema, check, contract), confidence);
    return {
        tolerance,
        fields: {
            check,
            ...(contract ? { subject: { column: contract.name } } : {}),
            ...verdict,
            value: n > 0 ? k / n : null,
            threshold: tolerance,
            count: k,
            total: n,
        },
    };
}
