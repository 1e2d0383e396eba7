import { Document, isMap, isPair, isScalar, type Pair, type YAMLMap } from "yaml";
import type { InferredSchema } from "./infer.js";
import type { ColumnContract, Schema } from "./types.js";

const HEADER = `Assay data contract (format assay.schema, version 1) — see docs/schema.md.
Review and edit it: it is the rule every batch is checked against by \`assay validate\`.
Tolerances are fractions of a batch's rows that may break a rule (GX-style: mostly = 1 − tolerance).
Each was set from the reference data as a one-sided upper confidence bound on the rate seen there,
so a rule that held in every reference row still leaves room for chance; the comment beside it says why.
An error fires only when the batch's own lower confidence bound on the rate exceeds the tolerance:
a single stray value in a batch of reasonable size is at most a warning, never an error. Within the
tolerance a value passes, except one that is wrong in kind: a negative value under a range from 0, a
spelling variant of a known category. Those are reported as warnings.
Per-check severity (error | warning | info) and mostly: add \`checks: {schema.out_of_range: {severity: warning}}\`
at the top level (all columns) or under a column (that column only).`;

/** The schema as a plain object in file order (what YAML prints). */
function schemaToObject(schema: Schema): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const c of schema.columns) columns[c.name] = columnToObject(c);
  const table: Record<string, unknown> = { rows: schema.table.rows };
  if (schema.table.duplicates !== null) table.duplicates = schema.table.duplicates;
  const out: Record<string, unknown> = { format: schema.format, version: schema.version };
  if (schema.reference) out.reference = schema.reference;
  out.table = table;
  out.checks = schema.checks;
  out.columns = columns;
  return out;
}

function columnToObject(c: ColumnContract): Record<string, unknown> {
  const o: Record<string, unknown> = { type: c.type, required: c.required, missing: c.missing };
  if (c.nonFinite !== undefined) o.nonFinite = c.nonFinite;
  if (c.range) o.range = c.range;
  if (c.unique) o.unique = c.unique;
  if (c.format) o.format = c.format;
  if (c.personal) o.personal = c.personal;
  if (c.reference) o.reference = c.reference;
  if (c.domain) o.domain = { mostly: c.domain.mostly, values: c.domain.values };
  if (c.checks && Object.keys(c.checks).length > 0) o.checks = c.checks;
  return o;
}

/** Prints a schema as commented YAML; `explain` (from inference) becomes comments beside the fields. */
export function schemaToYaml(schema: Schema, explain: InferredSchema["explain"] = new Map()): string {
  const doc = new Document(schemaToObject(schema));
  doc.commentBefore = HEADER.split("\n")
    .map((l) => ` ${l}`)
    .join("\n");
  const root = doc.contents as YAMLMap;
  const comment = (map: unknown, key: string, text: string | undefined, blank = false) => {
    if (!text || !isMap(map)) return;
    const pair = map.items.find((p): p is Pair => isPair(p) && isScalar(p.key) && p.key.value === key);
    if (!pair || !isScalar(pair.key)) return;
    pair.key.commentBefore = text
      .split("\n")
      .map((l) => ` ${l}`)
      .join("\n");
    if (blank) pair.key.spaceBefore = true;
  };
  comment(root, "reference", "Where this contract was inferred from (informative).", true);
  const table = root.get("table", true);
  comment(root, "table", "The table as a whole.", true);
  comment(table, "rows", `Accepted row count of a batch: ${explain.get("table.rows") ?? "edit to taste"}.`);
  comment(
    table,
    "duplicates",
    `Allowed fraction of duplicate rows: ${explain.get("table.duplicates") ?? ""}.`,
  );
  comment(
    root,
    "checks",
    "Per-check overrides for every column, e.g. schema.new_column: {severity: error}.",
    true,
  );
  comment(
    root,
    "columns",
    "One entry per column; a column not listed here is reported as schema.new_column.",
    true,
  );
  const columns = root.get("columns", true);
  if (isMap(columns)) {
    for (const c of schema.columns) {
      const node = columns.get(c.name, true);
      const key = `columns.${c.name}`;
      const first = c === schema.columns[0];
      comment(columns, c.name, explain.get(`${key}.type`), !first);
      const pair = columns.items.find((p) => isScalar(p.key) && p.key.value === c.name);
      if (pair && isScalar(pair.key) && !first) pair.key.spaceBefore = true;
      for (const field of ["missing", "nonFinite", "range", "unique", "format", "reference", "domain"]) {
        const why = explain.get(`${key}.${field}`);
        if (why) comment(node, field, why);
      }
      if (isMap(node)) {
        for (const field of ["range", "reference"]) {
          const sub = node.get(field, true);
          if (isMap(sub)) sub.flow = true;
        }
        for (const field of ["unique", "format"]) {
          const sub = node.get(field, true);
          if (isMap(sub)) sub.flow = true;
        }
        const ref = node.get("reference", true);
        if (isMap(ref)) {
          const q = ref.get("quantiles", true);
          if (isMap(q)) q.flow = true;
        }
      }
    }
  }
  const rows = isMap(table) ? table.get("rows", true) : null;
  if (isMap(rows)) rows.flow = true;
  return doc.toString({ lineWidth: 0 });
}
