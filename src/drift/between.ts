import type { TableProfile } from "../profile/types.js";
import { InputError } from "../table/errors.js";
import type { Relation } from "../table/relation.js";
import type { ColumnInfo } from "../table/types.js";
import { type ColumnKind, type DriftPolicy, defaultPolicy, resolveRule } from "./policy.js";
import { readProfileSamples } from "./profile-samples.js";
import type { ColumnSample } from "./sample.js";
import { pooledCategories, readColumnSamples } from "./source-samples.js";
import { type ColumnPair, compareColumns, type DatasetDrift } from "./verdict.js";

/** One side of a drift comparison: data (a relation) or a saved profile of it. */
export type DriftSide = Relation | TableProfile;

export interface DriftOptions {
  policy?: DriftPolicy;
  /** Compare only these columns (each must be on both sides). */
  columns?: string[];
  /** Names shown in the report (default: the relation's name, or the profile's source name). */
  names?: { reference?: string; current?: string };
}

export interface DriftSideFacts {
  name: string;
  digest: string;
  rows: number;
  /** A saved profile: its statistics come from sketches. */
  approximate: boolean;
}

export interface DriftOutcome {
  drift: DatasetDrift;
  /** The samples each column was judged on (the HTML report draws them). */
  pairs: ColumnPair[];
  policy: DriftPolicy;
  /** The columns asked for, or null for every shared column. */
  columns: string[] | null;
  reference: DriftSideFacts;
  current: DriftSideFacts;
  onlyInReference: string[];
  onlyInCurrent: string[];
}

/**
 * Drift between a reference and a current table, each given as data or as a saved profile: the column
 * plan (a column whose kind differs between the sides is compared as categorical), the samples read from
 * each side (the engine groups and counts; a profile gives its sketches), high-cardinality categories
 * pooled by the engine when both sides are relations of one engine, and the verdict of compareColumns.
 * What `assay drift` runs; it needs no Node, only the relations it is given.
 */
export async function driftBetween(
  reference: DriftSide,
  current: DriftSide,
  options: DriftOptions = {},
): Promise<DriftOutcome> {
  const policy = options.policy ?? defaultPolicy();
  const ref = open(reference, options.names?.reference);
  const cur = open(current, options.names?.current);
  const wanted = options.columns;
  for (const name of wanted ?? [])
    for (const side of [ref, cur])
      if (!side.columns.some((c) => c.name === name))
        throw new InputError(`${side.facts.name}: no column named '${name}'`);
  const common = ref.columns.filter((c) => cur.columns.some((d) => d.name === c.name));
  const selected = wanted ? common.filter((c) => wanted.includes(c.name)) : common;
  if (selected.length === 0)
    throw new InputError(`${ref.facts.name} and ${cur.facts.name} have no column in common to compare`);

  const plan = selected.map((info) => {
    const other = cur.columns.find((c) => c.name === info.name) as ColumnInfo;
    const rule = resolveRule(policy, info.name, info.type);
    const kindOther = resolveRule(policy, other.name, other.type).kind;
    // A column whose type changed is compared as categorical (5 and "5" agree, "5.0" does not),
    // and the change is reported.
    const mixed = rule.kind !== kindOther;
    return {
      info,
      kind: mixed ? ("categorical" as const) : rule.kind,
      ignore: rule.ignore,
      typeChange: mixed && info.type !== other.type ? `${info.type} → ${other.type}` : undefined,
    };
  });
  const active = plan.filter((p) => !p.ignore);
  const [refSamples, curSamples] = await Promise.all([ref.samples(active), cur.samples(active)]);
  if (ref.relation && cur.relation && ref.relation.dialect === cur.relation.dialect)
    await poolHighCardinality(ref.relation, cur.relation, active, refSamples, curSamples);
  for (const [side, samples] of [
    [ref, refSamples],
    [cur, curSamples],
  ] as const) {
    // a relation's row count comes with its column scans: counting apart would run a query once more
    const first = samples.values().next().value;
    if (side.facts.rows < 0)
      side.facts.rows = first ? first.rows : await (side.relation as Relation).rowCount();
    side.facts.digest = await side.digest();
  }
  // a header-only file would make every column insufficient and the dataset "no drift"
  for (const [side, what] of [
    [ref, "reference"],
    [cur, "current"],
  ] as const)
    if (side.facts.rows === 0)
      throw new InputError(`${what} ${side.facts.name} has no rows: there is nothing to compare`);
  const pairs: ColumnPair[] = plan.map((p) => ({
    name: p.info.name,
    type: p.info.type,
    typeChange: p.typeChange,
    reference: refSamples.get(p.info.name) ?? emptySample(p.kind),
    current: curSamples.get(p.info.name) ?? emptySample(p.kind),
  }));
  const names = (a: Opened, b: Opened) =>
    a.columns.filter((c) => !b.columns.some((d) => d.name === c.name)).map((c) => c.name);
  return {
    drift: compareColumns(pairs, policy),
    pairs,
    policy,
    columns: wanted ?? null,
    reference: ref.facts,
    current: cur.facts,
    onlyInReference: names(ref, cur),
    onlyInCurrent: names(cur, ref),
  };
}

interface Opened {
  relation?: Relation;
  columns: ColumnInfo[];
  facts: DriftSideFacts;
  digest(): Promise<string>;
  samples(columns: { info: ColumnInfo; kind: ColumnKind }[]): Promise<Map<string, ColumnSample>>;
}

function isRelation(side: DriftSide): side is Relation {
  return typeof (side as Relation).query === "function";
}

function open(side: DriftSide, name: string | undefined): Opened {
  if (isRelation(side))
    return {
      relation: side,
      columns: side.columns,
      facts: { name: name ?? side.name, digest: "", rows: -1, approximate: false },
      digest: () => side.digest(),
      samples: (columns) => readColumnSamples(side, columns),
    };
  return {
    columns: side.columns.map((c) => ({ name: c.name, type: c.type, sourceType: c.type })),
    facts: { name: name ?? side.source.name, digest: side.source.digest, rows: side.rows, approximate: true },
    digest: async () => side.source.digest,
    samples: async (columns) => readProfileSamples(side, columns),
  };
}

/** High-cardinality categorical columns: the engine joins the full frequency tables (exact pooling, exact unseen share). */
async function poolHighCardinality(
  reference: Relation,
  current: Relation,
  active: { info: ColumnInfo }[],
  refSamples: Map<string, ColumnSample>,
  curSamples: Map<string, ColumnSample>,
): Promise<void> {
  for (const p of active) {
    const a = refSamples.get(p.info.name);
    const b = curSamples.get(p.info.name);
    if (a?.kind !== "categorical" || b?.kind !== "categorical" || !(a.highCardinality || b.highCardinality))
      continue;
    const [pa, pb] = await pooledCategories(reference, current, p.info.name, {
      reference: { missing: a.missing, rows: a.rows },
      current: { missing: b.missing, rows: b.rows },
    });
    refSamples.set(p.info.name, pa);
    curSamples.set(p.info.name, pb);
  }
}

function emptySample(kind: ColumnKind): ColumnSample {
  return kind === "numeric"
    ? {
        kind,
        distribution: { values: new Float64Array(0), counts: new Float64Array(0), total: 0 },
        missing: 0,
        nonFinite: 0,
        rows: 0,
      }
    : { kind, counts: new Map(), missing: 0, rows: 0 };
}
