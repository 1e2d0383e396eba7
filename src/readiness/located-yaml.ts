import { LineCounter, parseDocument } from "yaml";

/**
 * A problem in a readiness file, located: "assay.card.yaml:12: requirements.R2.risk.impact: must be ≤ 5".
 * Same shape as the schema reader's SchemaFileError; the CLI turns both into one line and exit 2.
 */
export class LocatedError extends Error {
  override name = "LocatedError";
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}:${line}: ${field ? `${field}: ` : ""}${problem}`);
  }
}

export type Path = (string | number)[];

/** A parsed YAML document that can say on which line a value sits, and fail there. */
export interface LocatedYaml {
  file: string;
  value: unknown;
  lineOf(path: Path): number;
  fail(path: Path, problem: string, field?: string): never;
}

/**
 * Parses YAML keeping positions. `firstLine` shifts line numbers, for YAML that starts further down a
 * file (front matter). Duplicate keys are an error: in a reviewed file a second `owners:` hides the first.
 */
export function readLocatedYaml(text: string, file: string, firstLine = 1): LocatedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const shift = firstLine - 1;
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = (e.linePos?.[0]?.line ?? lines.linePos(e.pos[0]).line) + shift;
    throw new LocatedError(file, line, "", `invalid YAML: ${e.message.split("\n")[0]}`);
  }
  const lineOf = (path: Path): number => {
    for (let p = path; ; p = p.slice(0, -1)) {
      const node = p.length === 0 ? doc.contents : doc.getIn(p, true);
      const range = (node as { range?: [number, number, number] } | null)?.range;
      if (range) return lines.linePos(range[0]).line + shift;
      if (p.length === 0) return firstLine;
    }
  };
  return {
    file,
    value: doc.toJS({ maxAliasCount: 100 }) as unknown,
    lineOf,
    fail(path: Path, problem: string, field = path.join(".")): never {
      throw new LocatedError(file, lineOf(path), field, problem);
    },
  };
}

export function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

export function show(v: unknown): string {
  if (v === null || v === undefined) return "nothing";
  if (Array.isArray(v)) return "a list";
  if (isMapping(v)) return "a mapping";
  if (v instanceof Date) return `the date ${v.toISOString().slice(0, 10)} (quote it to keep it text)`;
  return JSON.stringify(v);
}

/**
 * Typed field readers over one located document: each checks a value and fails at its line, naming the
 * field the way a person would write it (`requirements.R2.risk`, not `requirements.1.risk`).
 */
export function fieldReader(doc: LocatedYaml) {
  const name = (path: Path, label?: string) => label ?? path.join(".");
  return {
    mapping(v: unknown, path: Path, label?: string): Record<string, unknown> {
      if (isMapping(v)) return v;
      return doc.fail(path, `expected a mapping, got ${show(v)}`, name(path, label));
    },
    text(v: unknown, path: Path, label?: string): string {
      if (typeof v === "string" && v.trim() !== "") return v.trim();
      if (typeof v === "number" || typeof v === "boolean") return String(v);
      return doc.fail(path, `expected text, got ${show(v)}`, name(path, label));
    },
    optionalText(v: unknown, path: Path, label?: string): string | null {
      if (v === undefined || v === null || v === "") return null;
      return this.text(v, path, label);
    },
    integer(v: unknown, path: Path, range: { min: number; max: number }, label?: string): number {
      if (typeof v !== "number" || !Number.isInteger(v))
        return doc.fail(path, `expected a whole number, got ${show(v)}`, name(path, label));
      if (v < range.min || v > range.max)
        return doc.fail(path, `must be between ${range.min} and ${range.max}, got ${v}`, name(path, label));
      return v;
    },
    boolean(v: unknown, path: Path, label?: string): boolean {
      if (typeof v === "boolean") return v;
      return doc.fail(path, `expected true or false, got ${show(v)}`, name(path, label));
    },
    list(v: unknown, path: Path, label?: string): unknown[] {
      if (v === undefined || v === null) return [];
      if (Array.isArray(v)) return v;
      return doc.fail(path, `expected a list, got ${show(v)}`, name(path, label));
    },
    textList(v: unknown, path: Path, label?: string): string[] {
      return this.list(v, path, label).map((item, i) =>
        this.text(item, [...path, i], `${name(path, label)}[${i}]`),
      );
    },
    oneOf<T extends string>(v: unknown, path: Path, allowed: readonly T[], label?: string): T {
      if (typeof v === "string" && (allowed as readonly string[]).includes(v)) return v as T;
      return doc.fail(path, `expected one of ${allowed.join(", ")}, got ${show(v)}`, name(path, label));
    },
    /** Unknown keys are errors: a misspelt `reviewer:` must not silently leave a gate unsigned. */
    known(o: Record<string, unknown>, path: Path, allowed: readonly string[], label?: string): void {
      for (const k of Object.keys(o))
        if (!allowed.includes(k))
          doc.fail(
            [...path, k],
            `unknown field (expected one of ${allowed.join(", ")})`,
            label ? `${label}.${k}` : [...path, k].join("."),
          );
    },
  };
}

export type FieldReader = ReturnType<typeof fieldReader>;

/** Splits Markdown front matter (`---` … `---` at the top) from the body, with the line each starts on. */
export function splitFrontMatter(
  text: string,
): { yaml: string; yamlLine: number; body: string; bodyLine: number } | null {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== "---") return null;
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === "---");
  if (end < 0) return null;
  return {
    yaml: lines.slice(1, end).join("\n"),
    yamlLine: 2,
    body: lines.slice(end + 1).join("\n"),
    bodyLine: end + 2,
  };
}
