import { isPersonalKind } from "../privacy/kinds.js";
import type { ColumnProfile, TableProfile } from "../profile/types.js";
import { rateUpperBound } from "../stats/clopper-pearson.js";
import { shapePattern } from "./shapes.js";
import { type ColumnContract, SCHEMA_FORMAT, SCHEMA_VERSION, type Schema } from "./types.js";

/**
 * Schema inference: a contract with honest slack from a profile of reference data.
 *
 * Every tolerance is a one-sided Clopper–Pearson upper confidence bound on the rate observed in
 * the reference (`confidence`, default 99.9%), never the observed rate itself: a column with no
 * missing value in n rows gets an allowance of about 6.9/n, not 0 (TFDV issue #161).
 * `explain` records, per column and field, the sentence that the YAML file prints as a comment.
 */
export interface InferOptions {
  confidence?: number;
  /** Largest number of distinct values a column may have and still get a closed domain. */
  maxDomain?: number;
  /** Largest Good–Turing unseen mass (singletons / count) for which a domain is still closed. */
  maxUnseenMass?: number;
  /** Row-count range of a batch, as a factor below and above the reference row count. */
  rowCountFactor?: number;
  /** Value shapes of string columns (see shapes.ts), computed by the caller: column → top shapes. */
  shapes?: Map<string, { shape: string; count: number }[]>;
  /** Rows of the reference that repeat an earlier row (computed by the caller; null = unknown). */
  duplicateRows?: number | null;
  now?: Date;
}

export interface InferredSchema {
  schema: Schema;
  /** Why each tolerance has its value: "columns.age.missing" → sentence. */
  explain: Map<string, string>;
}

const UNIT_QUANTILES = ["0.05", "0.25", "0.5", "0.75", "0.95"] as const;

export function inferSchema(profile: TableProfile, options: InferOptions = {}): InferredSchema {
  const confidence = options.confidence ?? 0.999;
  const maxDomain = options.maxDomain ?? 1000;
  const maxUnseenMass = options.maxUnseenMass ?? 0.01;
  const factor = options.rowCountFactor ?? 10;
  const explain = new Map<string, string>();
  const pct = `${+(confidence * 100).toFixed(3)}%`;
  const n = profile.rows;

  const columns = profile.columns.map((cp) => inferColumn(cp, n));

  function inferColumn(cp: ColumnProfile, rows: number): ColumnContract {
    const key = `columns.${cp.name}`;
    const contract: ColumnContract = {
      name: cp.name,
      type: cp.type,
      required: true,
      missing: roundUp(rateUpperBound(cp.missing, rows, confidence)),
    };
    if (cp.personal && isPersonalKind(cp.personal.kind)) {
      contract.personal = cp.personal.kind;
      explain.set(
        `${key}.personal`,
        `holds ${cp.personal.kind} values: shown masked, and no domain or range is kept (docs/privacy.md)`,
      );
    }
    explain.set(
      `${key}.missing`,
      `${cp.missing} of ${rows} missing in the reference; allowed = ${pct} upper bound on the rate`,
    );
    const numeric = cp.type === "integer" || cp.type === "float";
    if (cp.type === "float") {
      const bad = cp.nan + cp.posInf + cp.negInf;
      contract.nonFinite = roundUp(rateUpperBound(bad, cp.count, confidence));
      explain.set(
        `${key}.nonFinite`,
        `${bad} of ${cp.count} present values NaN/±Inf in the reference; allowed = ${pct} upper bound`,
      );
    }
    // An all-distinct integer column is a key (an id): its values are labels, and new batches bring
    // new ids beyond the old maximum, so it gets uniqueness below but no range or unit reference.
    const integerKey = cp.type === "integer" && cp.distinctExact && cp.count > 1 && cp.distinct === cp.count;
    if (integerKey)
      explain.set(
        `${key}.type`,
        "every value distinct: a key; no range (new batches bring new ids), uniqueness instead",
      );
    if (numeric && !integerKey && cp.min !== null && cp.max !== null) {
      const finite = cp.moments?.n ?? cp.count;
      // For exchangeable data a new value falls outside the min and max of n values with
      // probability 2/(n+1): as if 2 of n+1 rows were "outside"; the allowance bounds that rate.
      const allowed = roundUp(rateUpperBound(2, finite + 1, confidence));
      contract.range = { min: cp.min, max: cp.max, mostly: roundDown(1 - allowed) };
      explain.set(
        `${key}.range`,
        `reference min/max of ${finite} finite values; a new value lands outside them with chance 2/(n+1), ` +
          `so up to ${fmt(allowed)} of a batch may (${pct} upper bound on 2 of n+1)`,
      );
      if (cp.quantiles) {
        const quantiles: Record<string, number> = {};
        for (const q of UNIT_QUANTILES)
          if (cp.quantiles[q] !== undefined) quantiles[q] = sig(cp.quantiles[q]);
        contract.reference = { quantiles, mean: cp.mean === null ? null : sig(cp.mean) };
        explain.set(
          `${key}.reference`,
          "reference quantiles and mean: what unit_change compares a batch with",
        );
      }
    }
    if (cp.type === "date" || cp.type === "timestamp") {
      explain.set(
        `${key}.type`,
        "no range inferred: time moves on, later batches hold later dates (add one if future dates are wrong)",
      );
    }
    if (cp.type === "string") {
      // Dates stored as text are a format, never a domain: later batches hold later dates.
      const temporal =
        cp.patterns !== null &&
        cp.count > 0 &&
        (cp.patterns.date + cp.patterns.timestamp) / cp.count >= 0.999;
      const domain = temporal ? null : inferDomain(cp);
      if (domain) {
        contract.domain = domain.domain;
        explain.set(`${key}.domain`, domain.why);
      } else {
        const format = inferFormat(cp);
        if (format) {
          contract.format = format.format;
          explain.set(`${key}.format`, format.why);
        }
      }
    }
    if (
      (cp.type === "string" || cp.type === "integer") &&
      cp.distinctExact &&
      cp.count > 1 &&
      cp.distinct === cp.count &&
      !contract.domain
    ) {
      contract.unique = { mostly: 1 };
      explain.set(
        `${key}.unique`,
        `all ${cp.count} present values distinct in the reference: a key; uniqueness is a rule, not a rate, so no slack`,
      );
    }
    return contract;
  }

  function inferDomain(
    cp: ColumnProfile,
  ): { domain: NonNullable<ColumnContract["domain"]>; why: string } | null {
    if (!cp.frequencies.exact || cp.count === 0) return null;
    const entries = Object.entries(cp.frequencies.counts).sort(
      (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
    );
    if (entries.length > maxDomain || entries.length > cp.count / 2) return null;
    const singletons = entries.filter(([, c]) => c === 1).length;
    const unseenMass = singletons / cp.count;
    if (unseenMass > maxUnseenMass) return null;
    const allowed = roundUp(rateUpperBound(singletons, cp.count, confidence));
    const values: Record<string, number> = {};
    for (const [value, count] of entries) values[value] = roundShare(count / cp.count);
    return {
      domain: { values, mostly: roundDown(1 - allowed) },
      why:
        `${entries.length} values seen, ${singletons} of them once; Good–Turing puts the share of unseen values ` +
        `near ${singletons}/${cp.count}, so up to ${fmt(allowed)} of a batch may be new values (${pct} upper bound)`,
    };
  }

  function inferFormat(
    cp: ColumnProfile,
  ): { format: NonNullable<ColumnContract["format"]>; why: string } | null {
    const p = cp.patterns;
    if (!p || cp.count === 0) return null;
    for (const kind of ["integer", "float", "date", "timestamp", "boolean"] as const) {
      let hits = p[kind];
      if (kind === "float") hits += p.integer; // "3" is a valid float
      if (hits === 0) continue;
      const misses = cp.count - hits;
      if (misses / cp.count > 0.001) continue;
      const allowed = roundUp(rateUpperBound(misses, cp.count, confidence));
      return {
        format: { kind, mostly: roundDown(1 - allowed) },
        why: `${hits} of ${cp.count} values look like ${kind === "integer" || kind === "float" ? "an" : "a"} ${kind}; up to ${fmt(allowed)} may not (${pct} upper bound)`,
      };
    }
    const shapes = options.shapes?.get(cp.name);
    const shape = shapes ? shapePattern(shapes, cp.count) : null;
    if (shape) {
      const misses = cp.count - shape.covered;
      const allowed = roundUp(rateUpperBound(misses, cp.count, confidence));
      return {
        format: { kind: "regex", pattern: shape.pattern, mostly: roundDown(1 - allowed) },
        why: `${shape.covered} of ${cp.count} values have this shape (A = upper-case letter, a = lower-case, 9 = digit); up to ${fmt(allowed)} may not (${pct} upper bound)`,
      };
    }
    return null;
  }

  let duplicates: number | null = null;
  if (options.duplicateRows !== undefined && options.duplicateRows !== null) {
    duplicates = roundUp(rateUpperBound(options.duplicateRows, n, confidence));
    explain.set(
      "table.duplicates",
      `${options.duplicateRows} of ${n} rows repeat an earlier row in the reference; allowed = ${pct} upper bound`,
    );
  }
  const rows = { min: Math.max(1, Math.ceil(n / factor)), max: n * factor };
  explain.set(
    "table.rows",
    `reference has ${n} rows; a batch ${factor}× smaller or larger is more likely a partial or doubled load than a normal batch`,
  );

  const schema: Schema = {
    format: SCHEMA_FORMAT,
    version: SCHEMA_VERSION,
    reference: {
      source: profile.source.name,
      digest: profile.source.digest,
      rows: n,
      createdAt: (options.now ?? new Date()).toISOString(),
      confidence,
    },
    table: { rows, duplicates },
    checks: {},
    columns,
  };
  return { schema, explain };
}

/** Rounds a tolerance up to 2 significant digits, so the file stays readable and never tightens. */
export function roundUp(x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const scale = 10 ** (Math.floor(Math.log10(x)) - 1);
  return Math.min(1, +(Math.ceil(x / scale - 1e-9) * scale).toPrecision(2));
}

/** 1 − a rounded-up tolerance, printed without float noise. */
function roundDown(x: number): number {
  return +x.toPrecision(12);
}

/** 6 significant digits: plenty for a sketch quantile with 1% relative error, and readable. */
function sig(x: number): number {
  return +x.toPrecision(6);
}

function roundShare(x: number): number {
  return +x.toPrecision(4);
}

function fmt(x: number): string {
  return x < 0.001 ? x.toExponential(1) : `${+(x * 100).toPrecision(2)}%`;
}
