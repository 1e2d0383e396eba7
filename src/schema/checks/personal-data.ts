import type { PersonalKind } from "../../privacy/kinds.js";
import { maskValue } from "../../privacy/mask.js";
import { findPersonalColumns } from "../../privacy/sample-columns.js";
import type { QueryFn } from "../../table/relation.js";
import type { ColumnInfo } from "../../table/types.js";
import { type Anomaly, pct } from "../anomaly.js";
import type { Schema } from "../types.js";
import { severityFor, statusOf } from "../verdict.js";

/**
 * schema.personal_data: personal data in a column the contract does not mark `personal:` — an e-mail
 * address typed into a comment field, card numbers in a new column — found on the column's first values.
 */
export async function personalDataAnomalies(
  schema: Schema,
  columns: ColumnInfo[],
  relation: string,
  query: QueryFn,
  maxExamples: number,
): Promise<Anomaly[]> {
  const marked = new Set(schema.columns.filter((c) => c.personal).map((c) => c.name));
  const found = await findPersonalColumns(
    relation,
    columns.filter((c) => !marked.has(c.name)),
    query,
    maxExamples,
  );
  return found.map((p) => {
    const contract = schema.columns.find((c) => c.name === p.column);
    const severity = severityFor(schema, "schema.personal_data", contract);
    return {
      check: "schema.personal_data",
      subject: { column: p.column },
      status: statusOf(severity),
      severity,
      value: p.share,
      count: p.matched,
      total: p.sampled,
      expected: { personal: null },
      found: { personal: p.kind },
      message: `'${p.column}' holds ${p.kind} values (${p.matched} of the first ${p.sampled}, ${pct(p.matched, p.sampled)}) but the contract does not mark it personal`,
      examples: p.examples,
      suggestion: `remove the personal data upstream, or mark it: columns.${p.column}.personal: ${p.kind}`,
    };
  });
}

/**
 * Every example of every anomaly shows the values of personal columns masked, records included: the
 * columns the contract marks and those `schema.personal_data` found.
 */
export function maskPersonalColumns(results: Anomaly[], schema: Schema): void {
  const kinds = new Map<string, PersonalKind>(
    schema.columns.flatMap((c) => (c.personal ? [[c.name, c.personal] as const] : [])),
  );
  for (const r of results)
    if (r.check === "schema.personal_data" && r.subject?.column)
      kinds.set(r.subject.column, (r.found as { personal: PersonalKind }).personal);
  if (kinds.size === 0) return;
  for (const r of results) {
    if (!Array.isArray(r.examples)) continue;
    const ownKind = r.subject?.column !== undefined ? kinds.get(r.subject.column) : undefined;
    if (r.check === "schema.personal_data") continue;
    r.examples = r.examples.map((e) => {
      if (e === null || typeof e !== "object") return ownKind ? maskValue(ownKind, e) : e;
      const example = { ...(e as Record<string, unknown>) };
      if (ownKind && "value" in example) example.value = maskValue(ownKind, example.value);
      if (example.record && typeof example.record === "object") {
        const record = { ...(example.record as Record<string, unknown>) };
        for (const [column, kind] of kinds)
          if (column in record && record[column] !== null) record[column] = maskValue(kind, record[column]);
        example.record = record;
      }
      return example;
    });
  }
}
