import { DDSketch } from "../sketch/ddsketch.js";
import { mergeFrequencies } from "../sketch/frequency.js";
import { GridSketch } from "../sketch/grid.js";
import { HyperLogLog } from "../sketch/hll.js";
import { combineMoments } from "../stats/moments.js";
import { InputError } from "../table/errors.js";
import type { ColumnType } from "../table/types.js";
import { type ColumnCore, MAX_EXAMPLES } from "./column.js";
import { finalizeColumn } from "./finalize.js";
import type { ColumnProfile, PatternCounts, TableProfile } from "./types.js";

/**
 * merge(profile(A), profile(B)) = profile(A ∪ B): counts and moments exactly (up to float rounding),
 * sketches within their stated bounds. A column present on one side only counts as missing in the other's rows.
 */
export function mergeProfiles(a: TableProfile, b: TableProfile): TableProfile {
  const names = [
    ...a.columns.map((c) => c.name),
    ...b.columns.map((c) => c.name).filter((n) => !a.columns.some((c) => c.name === n)),
  ];
  const columns = names.map((name) => {
    const left = a.columns.find((c) => c.name === name);
    const right = b.columns.find((c) => c.name === name);
    if (left && right) return finalizeColumn(mergeCores(coreOf(left), coreOf(right)));
    const only = (left ?? right)!;
    const otherRows = left ? b.rows : a.rows;
    return finalizeColumn({ ...coreOf(only), missing: only.missing + otherRows });
  });
  return {
    format: a.format,
    version: a.version,
    engine: a.engine === b.engine ? a.engine : "stream",
    source: {
      name: a.source.name === b.source.name ? a.source.name : `${a.source.name}+${b.source.name}`,
      digest: "",
    },
    rows: a.rows + b.rows,
    columns,
  };
}

export function coreOf(c: ColumnProfile): ColumnCore {
  const core: ColumnCore = {
    name: c.name,
    type: c.type,
    count: c.count,
    missing: c.missing,
    nan: c.nan,
    posInf: c.posInf,
    negInf: c.negInf,
    zeros: c.zeros,
    negatives: c.negatives,
    min: c.min,
    max: c.max,
    moments: c.moments,
    sketch: c.sketch,
    frequencies: c.frequencies,
    hll: c.hll,
    length: c.length,
    patterns: c.patterns,
    nonNumericExamples: c.nonNumericExamples ?? null,
  };
  const exactDistinct = (c as ColumnProfile & { exactDistinct?: number }).exactDistinct;
  if (exactDistinct !== undefined) core.exactDistinct = exactDistinct;
  return core;
}

function mergeType(x: ColumnType, y: ColumnType, name: string): ColumnType {
  if (x === y) return x;
  const numeric = new Set<ColumnType>(["integer", "float", "boolean"]);
  if (numeric.has(x) && numeric.has(y)) return "float";
  if ((x === "date" || x === "timestamp") && (y === "date" || y === "timestamp")) return "timestamp";
  throw new InputError(`cannot merge profiles: column '${name}' is ${x} on one side and ${y} on the other`);
}

export function mergeCores(a: ColumnCore, b: ColumnCore): ColumnCore {
  const type = mergeType(a.type, b.type, a.name);
  const hll = HyperLogLog.deserialize(a.hll);
  hll.merge(HyperLogLog.deserialize(b.hll));
  return {
    name: a.name,
    type,
    count: a.count + b.count,
    missing: a.missing + b.missing,
    nan: a.nan + b.nan,
    posInf: a.posInf + b.posInf,
    negInf: a.negInf + b.negInf,
    zeros: a.zeros + b.zeros,
    negatives: a.negatives + b.negatives,
    min: minOf(a.min, b.min, Math.min),
    max: minOf(a.max, b.max, Math.max),
    moments: combineMoments(a.moments, b.moments),
    sketch: mergeSketches(a, b),
    frequencies: mergeFrequencies(a.frequencies, b.frequencies),
    hll: hll.serialize(),
    length: mergeLength(a, b),
    patterns: a.patterns && b.patterns ? addPatterns(a.patterns, b.patterns) : (a.patterns ?? b.patterns),
    nonNumericExamples:
      a.nonNumericExamples || b.nonNumericExamples
        ? [...new Set([...(a.nonNumericExamples ?? []), ...(b.nonNumericExamples ?? [])])].slice(
            0,
            MAX_EXAMPLES,
          )
        : null,
  };
}

function minOf(x: number | null, y: number | null, pick: (p: number, q: number) => number): number | null {
  if (x === null) return y;
  if (y === null) return x;
  return pick(x, y);
}

function mergeSketches(a: ColumnCore, b: ColumnCore): ColumnCore["sketch"] {
  if (!a.sketch) return b.sketch;
  if (!b.sketch) return a.sketch;
  if (a.sketch.kind === "ddsketch" && b.sketch.kind === "ddsketch") {
    const s = DDSketch.fromState(a.sketch);
    s.merge(b.sketch);
    return s.toState();
  }
  if (a.sketch.kind === "grid" && b.sketch.kind === "grid") {
    const g = GridSketch.fromState(a.sketch);
    g.merge(b.sketch);
    return g.toState();
  }
  throw new InputError(`cannot merge profiles: column '${a.name}' has sketches of different kinds`);
}

function mergeLength(a: ColumnCore, b: ColumnCore): ColumnCore["length"] {
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  return {
    min: Math.min(a.length.min, b.length.min),
    max: Math.max(a.length.max, b.length.max),
    mean: (a.length.mean * a.count + b.length.mean * b.count) / (a.count + b.count),
  };
}

function addPatterns(a: PatternCounts, b: PatternCounts): PatternCounts {
  return {
    integer: a.integer + b.integer,
    float: a.float + b.float,
    boolean: a.boolean + b.boolean,
    date: a.date + b.date,
    timestamp: a.timestamp + b.timestamp,
    other: a.other + b.other,
  };
}
