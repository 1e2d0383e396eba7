import { LineCounter, parseDocument } from "yaml";
import { isPersonalKind, PERSONAL_KINDS } from "../privacy/kinds.js";
import { InputError } from "../table/errors.js";
import { COLUMN_TYPES, type ColumnType } from "../table/types.js";
import { type FieldReader, readRules, readTables } from "./rules/read.js";
import {
  CHECK_IDS,
  type CheckId,
  type CheckOverride,
  type ColumnContract,
  SCHEMA_FORMAT,
  SCHEMA_VERSION,
  type Schema,
} from "./types.js";

/** A problem in a schema file, located: "schema.yaml:12: columns.age.range.min: expected a number". */
export class SchemaFileError extends InputError {
  override name = "SchemaFileError";
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}:${line}: ${field ? `${field}: ` : ""}${problem}`);
  }
}

const COLUMN_FIELDS = [
  "type",
  "required",
  "missing",
  "nonFinite",
  "range",
  "reference",
  "domain",
  "format",
  "unique",
  "personal",
  "checks",
];
const FORMAT_KINDS = ["date", "timestamp", "integer", "float", "boolean", "regex"] as const;

/** Parses and checks a schema file; throws SchemaFileError at the first problem, naming line and field. */
export function parseSchema(text: string, file = "schema.yaml"): Schema {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line ?? lines.linePos(e.pos[0]).line;
    throw new SchemaFileError(file, line, "", `invalid YAML: ${e.message.split("\n")[0]}`);
  }
  const lineOf = (path: (string | number)[]): number => {
    for (let p = path; ; p = p.slice(0, -1)) {
      const node = p.length === 0 ? doc.contents : doc.getIn(p, true);
      const range = (node as { range?: [number, number, number] } | null)?.range;
      if (range) return lines.linePos(range[0]).line;
      if (p.length === 0) return 1;
    }
  };
  const fail = (path: (string | number)[], problem: string): never => {
    throw new SchemaFileError(file, lineOf(path), path.join("."), problem);
  };
  const root = doc.toJS({ maxAliasCount: 100 }) as unknown;
  if (!isObject(root)) return fail([], "expected a mapping with format, version, table and columns");

  const expectObject = (v: unknown, path: (string | number)[]): Record<string, unknown> =>
    isObject(v) ? v : fail(path, `expected a mapping, got ${show(v)}`);
  const expectNumber = (
    v: unknown,
    path: (string | number)[],
    range: { min?: number; max?: number; nullable?: boolean } = {},
  ): number | null => {
    if (v === null && range.nullable) return null;
    if (typeof v !== "number" || !Number.isFinite(v)) return fail(path, `expected a number, got ${show(v)}`);
    if (range.min !== undefined && v < range.min) return fail(path, `must be ≥ ${range.min}, got ${v}`);
    if (range.max !== undefined && v > range.max) return fail(path, `must be ≤ ${range.max}, got ${v}`);
    return v;
  };
  const fraction = (v: unknown, path: (string | number)[]) =>
    expectNumber(v, path, { min: 0, max: 1 }) as number;
  const unknownKeys = (o: Record<string, unknown>, allowed: string[], path: (string | number)[]) => {
    for (const k of Object.keys(o))
      if (!allowed.includes(k)) fail([...path, k], `unknown field (expected one of ${allowed.join(", ")})`);
  };
  const checks = (v: unknown, path: (string | number)[]): Partial<Record<CheckId, CheckOverride>> => {
    if (v === undefined || v === null) return {};
    const o = expectObject(v, path);
    const out: Partial<Record<CheckId, CheckOverride>> = {};
    for (const [id, raw] of Object.entries(o)) {
      if (!(CHECK_IDS as readonly string[]).includes(id))
        fail([...path, id], `unknown check id (known: ${CHECK_IDS.join(", ")})`);
      const ov = expectObject(raw, [...path, id]);
      unknownKeys(ov, ["severity", "mostly"], [...path, id]);
      const override: CheckOverride = {};
      if (ov.severity !== undefined) {
        if (ov.severity !== "error" && ov.severity !== "warning" && ov.severity !== "info")
          fail([...path, id, "severity"], `expected error, warning or info, got ${show(ov.severity)}`);
        override.severity = ov.severity as CheckOverride["severity"];
      }
      if (ov.mostly !== undefined) override.mostly = fraction(ov.mostly, [...path, id, "mostly"]);
      out[id as CheckId] = override;
    }
    return out;
  };

  unknownKeys(root, ["format", "version", "reference", "table", "checks", "columns", "tables", "rules"], []);
  if (root.format !== SCHEMA_FORMAT)
    fail(["format"], `expected '${SCHEMA_FORMAT}', got ${show(root.format)}`);
  if (root.version !== SCHEMA_VERSION)
    fail(["version"], `this build reads version ${SCHEMA_VERSION}, got ${show(root.version)}`);

  let reference: Schema["reference"] = null;
  if (root.reference !== undefined && root.reference !== null) {
    const r = expectObject(root.reference, ["reference"]);
    reference = {
      source: String(r.source ?? ""),
      digest: String(r.digest ?? ""),
      rows: Number(r.rows ?? 0),
      createdAt: String(r.createdAt ?? ""),
      confidence: Number(r.confidence ?? 0.999),
    };
  }

  const table = root.table === undefined ? {} : expectObject(root.table, ["table"]);
  unknownKeys(table, ["rows", "duplicates"], ["table"]);
  const rowsObj = table.rows === undefined ? {} : expectObject(table.rows, ["table", "rows"]);
  unknownKeys(rowsObj, ["min", "max"], ["table", "rows"]);
  const rows = {
    min: expectNumber(rowsObj.min ?? null, ["table", "rows", "min"], { min: 0, nullable: true }),
    max: expectNumber(rowsObj.max ?? null, ["table", "rows", "max"], { min: 0, nullable: true }),
  };
  if (rows.min !== null && rows.max !== null && rows.min > rows.max)
    fail(["table", "rows"], `min (${rows.min}) is above max (${rows.max})`);
  const duplicates =
    table.duplicates === undefined || table.duplicates === null
      ? null
      : fraction(table.duplicates, ["table", "duplicates"]);

  // a contract may hold rules alone
  const columnsObj =
    root.columns === undefined && root.rules !== undefined ? {} : expectObject(root.columns, ["columns"]);
  const columns: ColumnContract[] = [];
  for (const [name, raw] of Object.entries(columnsObj)) {
    const path = ["columns", name];
    const c = expectObject(raw, path);
    unknownKeys(c, COLUMN_FIELDS, path);
    if (!(COLUMN_TYPES as readonly unknown[]).includes(c.type))
      fail([...path, "type"], `expected one of ${COLUMN_TYPES.join(", ")}, got ${show(c.type)}`);
    if (c.required !== undefined && typeof c.required !== "boolean")
      fail([...path, "required"], `expected true or false, got ${show(c.required)}`);
    const contract: ColumnContract = {
      name,
      type: c.type as ColumnType,
      required: c.required !== false,
      missing: c.missing === undefined ? 0 : fraction(c.missing, [...path, "missing"]),
    };
    if (c.nonFinite !== undefined) contract.nonFinite = fraction(c.nonFinite, [...path, "nonFinite"]);
    if (c.range !== undefined) {
      const r = expectObject(c.range, [...path, "range"]);
      unknownKeys(r, ["min", "max", "mostly"], [...path, "range"]);
      const min = expectNumber(r.min ?? null, [...path, "range", "min"], { nullable: true });
      const max = expectNumber(r.max ?? null, [...path, "range", "max"], { nullable: true });
      if (min !== null && max !== null && min > max)
        fail([...path, "range"], `min (${min}) is above max (${max})`);
      contract.range = {
        min,
        max,
        mostly: r.mostly === undefined ? 1 : fraction(r.mostly, [...path, "range", "mostly"]),
      };
    }
    if (c.reference !== undefined) {
      const r = expectObject(c.reference, [...path, "reference"]);
      unknownKeys(r, ["quantiles", "mean"], [...path, "reference"]);
      const q = expectObject(r.quantiles ?? {}, [...path, "reference", "quantiles"]);
      const quantiles: Record<string, number> = {};
      for (const [k, v] of Object.entries(q)) {
        const p = Number(k);
        if (!(p > 0 && p < 1))
          fail([...path, "reference", "quantiles", k], "quantile keys must be in (0, 1)");
        quantiles[k] = expectNumber(v, [...path, "reference", "quantiles", k]) as number;
      }
      const mean = expectNumber(r.mean ?? null, [...path, "reference", "mean"], { nullable: true });
      contract.reference = { quantiles, mean };
    }
    if (c.domain !== undefined) {
      const d = expectObject(c.domain, [...path, "domain"]);
      unknownKeys(d, ["values", "mostly"], [...path, "domain"]);
      let values: Record<string, number> = {};
      if (Array.isArray(d.values)) for (const v of d.values) values[String(v)] = 0;
      else {
        const o = expectObject(d.values, [...path, "domain", "values"]);
        values = {};
        for (const [k, v] of Object.entries(o))
          values[k] = v === null ? 0 : fraction(v, [...path, "domain", "values", k]);
      }
      if (Object.keys(values).length === 0)
        fail([...path, "domain", "values"], "a domain needs at least one value");
      contract.domain = {
        values,
        mostly: d.mostly === undefined ? 1 : fraction(d.mostly, [...path, "domain", "mostly"]),
      };
    }
    if (c.format !== undefined) {
      const f = expectObject(c.format, [...path, "format"]);
      unknownKeys(f, ["kind", "pattern", "mostly"], [...path, "format"]);
      if (!(FORMAT_KINDS as readonly unknown[]).includes(f.kind))
        fail([...path, "format", "kind"], `expected one of ${FORMAT_KINDS.join(", ")}, got ${show(f.kind)}`);
      if (f.kind === "regex") {
        if (typeof f.pattern !== "string")
          fail([...path, "format", "pattern"], "a regex format needs a pattern");
        try {
          new RegExp(f.pattern as string);
        } catch (error) {
          fail([...path, "format", "pattern"], `not a regular expression: ${(error as Error).message}`);
        }
      }
      contract.format = {
        kind: f.kind as NonNullable<ColumnContract["format"]>["kind"],
        mostly: f.mostly === undefined ? 1 : fraction(f.mostly, [...path, "format", "mostly"]),
      };
      if (typeof f.pattern === "string") contract.format.pattern = f.pattern;
    }
    if (c.unique !== undefined && c.unique !== false) {
      if (c.unique === true) contract.unique = { mostly: 1 };
      else {
        const u = expectObject(c.unique, [...path, "unique"]);
        unknownKeys(u, ["mostly"], [...path, "unique"]);
        contract.unique = {
          mostly: u.mostly === undefined ? 1 : fraction(u.mostly, [...path, "unique", "mostly"]),
        };
      }
    }
    const personal: unknown = c.personal;
    if (personal !== undefined && personal !== null) {
      if (!isPersonalKind(personal))
        return fail(
          [...path, "personal"],
          `expected one of ${PERSONAL_KINDS.join(", ")}, got ${show(personal)}`,
        );
      contract.personal = personal;
    }
    const overrides = checks(c.checks, [...path, "checks"]);
    if (Object.keys(overrides).length > 0) contract.checks = overrides;
    columns.push(contract);
  }
  const reader: FieldReader = { file, fail, lineOf, expectObject, expectNumber, fraction, unknownKeys, show };
  const tables = readTables(root.tables, reader);
  const rules = readRules(root.rules, tables, reader);
  return {
    format: SCHEMA_FORMAT,
    version: SCHEMA_VERSION,
    reference,
    table: { rows, duplicates },
    checks: checks(root.checks, ["checks"]),
    columns,
    ...(Object.keys(tables).length > 0 ? { tables } : {}),
    ...(rules.length > 0 ? { rules } : {}),
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (typeof v === "string") return `'${v}'`;
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return String(v);
}
