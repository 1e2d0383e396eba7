import { num } from "./anomaly.js";
import { spellingVariantOf } from "./spelling.js";
import { numbered, sqlIdent, sqlStringList } from "./sql.js";
/**
 * Names the unseen values behind an out-of-domain result (one GROUP BY over the column): their
 * counts and first rows, likely spelling variants of known values, likely renames (an unseen value
 * whose share matches a known value that vanished), and the matching suggestion.
 */
export async function explainUnseenValues(r, contract, info, relation, query) {
    const c = sqlIdent(contract.name);
    const domain = contract.domain.values;
    const known = Object.keys(domain);
    const text = info.type === "string" ? c : `CAST(${c} AS VARCHAR)`;
    const groups = await query(`SELECT ${text} AS v, count(*)::DOUBLE AS n, min(__row) AS first, list_contains(${sqlStringList(known)}, ${text}) AS known FROM ${numbered(relation)} WHERE ${c} IS NOT NULL GROUP BY v ORDER BY known, n DESC, v LIMIT ${known.length + 50}`);
    const total = r.total ?? 0;
    const seen = new Map();
    const unseen = [];
    for (const g of groups) {
        if (g.known)
            seen.set(String(g.v), num(g.n));
        else
            unseen.push({ value: String(g.v), count: num(g.n), firstRow: num(g.first) });
    }
    const vanished = known.filter((k) => !seen.has(k) && domain[k] >= 0.001);
    for (const u of unseen.slice(0, 20)) {
        const variant = spellingVariantOf(u.value, known);
        if (variant) {
            u.variantOf = variant.known;
            u.kind = variant.kind;
        }
        const share = total > 0 ? u.count / total : 0;
        const renamed = vanished.find((k) => share / domain[k] > 0.5 && share / domain[k] < 2);
        if (renamed && !variant)
            u.renamedFrom = renamed;
    }
    const shown = unseen.slice(0, 20);
    r.unseenValues = shown;
    if (vanished.length > 0)
        r.vanishedValues = vanished;
    const variants = shown.filter((u) => u.variantOf);
    const renames = shown.filter((u) => u.renamedFrom);
    const parts = shown
        .slice(0, 5)
        .map((u) => `'${u.value}' ×${u.count}${u.variantOf ? ` (${u.kind} variant of '${u.variantOf}')` : u.renamedFrom ? ` (renamed from '${u.renamedFrom}'?)` : ""}`);
    r.message += `; unseen: ${parts.join(", ")}${unseen.length > 5 ? `, … ${unseen.length - 5} more` : ""}`;
    if (vanished.length > 0)
        r.message += `; known values absent from the batch: ${vanished
            .slice(0, 5)
            .map((v) => `'${v}'`)
            .join(", ")}`;
    if (variants.length > 0) {
        r.suggestion = `standardise upstream: ${variants
            .slice(0, 5)
            .map((u) => `'${u.value}' → '${u.variantOf}'`)
            .join(", ")} (a data bug, not a contract change)`;
        if (r.status === "pass") {
            r.status = "warn";
            r.severity = "warning";
        }
    }
    else if (renames.length > 0) {
        r.suggestion = `a category was renamed: map ${renames.map((u) => `'${u.value}' → '${u.renamedFrom}'`).join(", ")} upstream, or replace it in columns.${contract.name}.domain.values`;
    }
    else if (r.status !== "pass") {
        r.suggestion = `if these are valid new values, add them to columns.${contract.name}.domain.values: ${shown
            .slice(0, 5)
            .map((u) => `'${u.value}'`)
            .join(", ")}`;
    }
    const batchShares = {};
    for (const [k, n] of seen)
        batchShares[k] = total > 0 ? n / total : 0;
    for (const u of shown)
        batchShares[u.value] = total > 0 ? u.count / total : 0;
    r.chart = { kind: "domain", reference: domain, batch: batchShares };
    if (r.status !== "pass" && !r.examples) {
        r.examples = shown.slice(0, 5).map((u) => ({ row: u.firstRow, value: u.value }));
    }
}
