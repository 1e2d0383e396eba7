import { expressionProblem } from "./expression.js";
import type { AggregateRule, Rule } from "./types.js";

type Path = (string | number)[];

/** What the schema reader lends the rules reader: located failures and the checks of plain fields. */
export interface FieldReader {
  file: string;
  fail(path: Path, problem: string): never;
  lineOf(path: Path): number;
  expectObject(v: unknown, path: Path): Record<string, unknown>;
  expectNumber(
    v: unknown,
    path: Path,
    range?: { min?: number; max?: number; nullable?: boolean },
  ): number | null;
  fraction(v: unknown, path: Path): number;
  unknownKeys(o: Record<string, unknown>, allowed: string[], path: Path): void;
  show(v: unknown): string;
}

const KINDS = ["expect", "matches", "unique", "references", "aggregate", "freshness", "rowCount"] as const;
const COMMON = ["id", "description", "severity", "mostly", "when"];
const FIELDS: Record<(typeof KINDS)[number], string[]> = {
  expect: ["expect"],
  matches: ["column", "matches"],
  unique: ["unique"],
  references: ["columns", "references"],
  aggregate: ["aggregate", "equals", "min", "max", "tolerance"],
  freshness: ["freshness"],
  rowCount: ["rowCount"],
};
/** Rules about the table as a whole: no rate to tolerate, no rows to choose. */
const TABLE_LEVEL = new Set(["aggregate", "freshness", "rowCount"]);

/** `tables:` — name → file of the other tables the rules name. */
export function readTables(raw: unknown, r: FieldReader): Record<string, string> {
  if (raw === undefined || raw === null) return {};
  const o = r.expectObject(raw, ["tables"]);
  const out: Record<string, string> = {};
  for (const [name, path] of Object.entries(o)) {
    if (typeof path !== "string" || path.trim() === "")
      r.fail(["tables", name], `expected a file path, got ${r.show(path)}`);
    out[name] = path as string;
  }
  return out;
}

/** `rules:` — a list of rules, each with an id and exactly one of expect, matches, unique, references, aggregate, freshness, rowCount. */
export function readRules(raw: unknown, tables: Record<string, string>, r: FieldReader): Rule[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) r.fail(["rules"], `expected a list of rules, got ${r.show(raw)}`);
  const seen = new Set<string>();
  return (raw as unknown[]).map((item, i) => {
    const path: Path = ["rules", i];
    const o = r.expectObject(item, path);
    if (typeof o.id !== "string" || !/^[A-Za-z0-9_.:-]+$/.test(o.id))
      r.fail([...path, "id"], `expected an id of letters, digits, '_', '-', '.', ':', got ${r.show(o.id)}`);
    const id = o.id as string;
    if (seen.has(id)) r.fail([...path, "id"], `duplicate rule id '${id}'`);
    seen.add(id);
    const kinds = KINDS.filter((k) => o[k] !== undefined);
    if (kinds.length !== 1)
      r.fail(
        path,
        kinds.length === 0
          ? `rule '${id}' needs one of ${KINDS.join(", ")}`
          : `rule '${id}' has ${kinds.join(" and ")}: give one kind per rule`,
      );
    const kind = kinds[0];
    r.unknownKeys(o, [...COMMON, ...FIELDS[kind]], path);
    const sql = (field: string): string => {
      const v = o[field];
      if (typeof v !== "string") return r.fail([...path, field], `expected SQL text, got ${r.show(v)}`);
      const problem = expressionProblem(v);
      if (problem) r.fail([...path, field], `${problem}`);
      return v;
    };
    const names = (v: unknown, p: Path): string[] => {
      const list = typeof v === "string" ? [v] : v;
      if (!Array.isArray(list) || list.length === 0 || !list.every((c) => typeof c === "string" && c !== ""))
        return r.fail(p, `expected a column name or a list of them, got ${r.show(v)}`);
      return list as string[];
    };
    const table = (v: unknown, p: Path): string => {
      // a table may also come from the command line (--table NAME=FILE): the previous batch changes every run
      if (typeof v !== "string" || !/^[A-Za-z0-9_.-]+$/.test(v))
        r.fail(
          p,
          `expected a table name (under tables: ${Object.keys(tables).join(", ") || "none declared"}), got ${r.show(v)}`,
        );
      return v as string;
    };
    if (TABLE_LEVEL.has(kind) && (o.mostly !== undefined || o.when !== undefined))
      r.fail(
        [...path, o.mostly !== undefined ? "mostly" : "when"],
        `${kind} rules judge the whole table: no mostly or when`,
      );
    const severity = o.severity;
    if (severity !== undefined && severity !== "error" && severity !== "warning" && severity !== "info")
      r.fail([...path, "severity"], `expected error, warning or info, got ${r.show(severity)}`);
    if (o.description !== undefined && typeof o.description !== "string")
      r.fail([...path, "description"], `expected text, got ${r.show(o.description)}`);
    const base = {
      id,
      ...(typeof o.description === "string" ? { description: o.description } : {}),
      ...(severity !== undefined ? { severity: severity as Rule["severity"] } : {}),
      mostly: o.mostly === undefined ? 1 : r.fraction(o.mostly, [...path, "mostly"]),
      ...(o.when !== undefined ? { when: sql("when") } : {}),
      origin: { file: r.file, line: r.lineOf([...path, kind]), field: [...path, kind].join(".") },
    };
    switch (kind) {
      case "expect":
        return { ...base, kind: "expression", expect: sql("expect") };
      case "matches": {
        if (typeof o.column !== "string")
          r.fail([...path, "column"], "a matches rule needs the column it checks");
        if (typeof o.matches !== "string")
          r.fail([...path, "matches"], `expected a regular expression, got ${r.show(o.matches)}`);
        try {
          new RegExp(o.matches as string);
        } catch (error) {
          r.fail([...path, "matches"], `not a regular expression: ${(error as Error).message}`);
        }
        return { ...base, kind: "format", column: o.column as string, matches: o.matches as string };
      }
      case "unique":
        return { ...base, kind: "unique", columns: names(o.unique, [...path, "unique"]) };
      case "references": {
        const columns = names(o.columns, [...path, "columns"]);
        const ref = r.expectObject(o.references, [...path, "references"]);
        r.unknownKeys(ref, ["table", "columns"], [...path, "references"]);
        const refColumns = names(ref.columns ?? columns, [...path, "references", "columns"]);
        if (refColumns.length !== columns.length)
          r.fail(
            [...path, "references", "columns"],
            `${columns.length} columns reference ${refColumns.length}`,
          );
        return {
          ...base,
          kind: "foreign_key",
          columns,
          references: { table: table(ref.table, [...path, "references", "table"]), columns: refColumns },
        };
      }
      case "aggregate": {
        const rule: AggregateRule = {
          ...base,
          kind: "aggregate",
          aggregate: sql("aggregate"),
          tolerance: o.tolerance === undefined ? 0 : r.fraction(o.tolerance, [...path, "tolerance"]),
        };
        if (typeof o.equals === "number") rule.equals = o.equals;
        else if (o.equals !== undefined) {
          const eq = r.expectObject(o.equals, [...path, "equals"]);
          r.unknownKeys(eq, ["table", "aggregate"], [...path, "equals"]);
          const other = eq.aggregate ?? o.aggregate;
          const problem = typeof other === "string" ? expressionProblem(other) : "expected SQL text";
          if (problem) r.fail([...path, "equals", "aggregate"], problem);
          rule.equals = { table: table(eq.table, [...path, "equals", "table"]), aggregate: other as string };
        }
        if (o.min !== undefined) rule.min = r.expectNumber(o.min, [...path, "min"]) as number;
        if (o.max !== undefined) rule.max = r.expectNumber(o.max, [...path, "max"]) as number;
        if (rule.equals === undefined && rule.min === undefined && rule.max === undefined)
          r.fail(path, `aggregate rule '${id}' needs equals, min or max`);
        if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max)
          r.fail(path, `min (${rule.min}) is above max (${rule.max})`);
        return rule;
      }
      case "freshness": {
        const f = r.expectObject(o.freshness, [...path, "freshness"]);
        r.unknownKeys(f, ["column", "maxAgeHours"], [...path, "freshness"]);
        if (typeof f.column !== "string")
          r.fail([...path, "freshness", "column"], "freshness needs the timestamp column");
        const maxAgeHours = r.expectNumber(f.maxAgeHours, [...path, "freshness", "maxAgeHours"], {
          min: 0,
        }) as number;
        return { ...base, kind: "freshness", column: f.column as string, maxAgeHours };
      }
      default: {
        const c = r.expectObject(o.rowCount, [...path, "rowCount"]);
        r.unknownKeys(c, ["previous", "min", "max"], [...path, "rowCount"]);
        const min = r.expectNumber(c.min ?? null, [...path, "rowCount", "min"], { min: 0, nullable: true });
        const max = r.expectNumber(c.max ?? null, [...path, "rowCount", "max"], { min: 0, nullable: true });
        if (min === null && max === null)
          r.fail([...path, "rowCount"], "needs min or max (ratios to the previous batch)");
        if (min !== null && max !== null && min > max)
          r.fail([...path, "rowCount"], `min (${min}) is above max (${max})`);
        return {
          ...base,
          kind: "row_count_change",
          previous: table(c.previous ?? "previous", [...path, "rowCount", "previous"]),
          min,
          max,
        };
      }
    }
  });
}
