import type { ColumnProfile, TableProfile } from "../profile/types.js";
import { isBirthDateName } from "./birth-date.js";
import { detectPersonalColumn, type PersonalColumn } from "./detect.js";
import type { PersonalKind } from "./kinds.js";
import { maskValue } from "./mask.js";

/** What a redacted column says about itself in the profile (docs/privacy.md). */
export interface PersonalMark {
  kind: PersonalKind;
  /** How the column was found: by its values (with their share), or because the schema marks it. */
  by: "values" | "schema";
  share: number | null;
}

/**
 * A profile with its personal columns redacted: the columns are found from the values the profile itself
 * keeps (its frequency table, up to 2048 distinct values, and its non-numeric examples) or named in
 * `marked` (the schema's `personal:` columns). A redacted column keeps its counts, missing values,
 * distinct count and string lengths; its top values and examples are masked, and the fields that carry
 * raw values (min, max, mean, moments, quantiles, sketch, histogram, frequency table) are emptied — so it
 * still merges, but a drift check on it has nothing to compare.
 */
export function redactPersonalColumns(
  profile: TableProfile,
  marked: ReadonlyMap<string, PersonalKind> = new Map(),
): { profile: TableProfile; personal: PersonalColumn[] } {
  const personal: PersonalColumn[] = [];
  const columns = profile.columns.map((c) => {
    const schemaKind = marked.get(c.name);
    const found = schemaKind ? null : detectColumn(c);
    if (found) personal.push(found);
    const kind = schemaKind ?? found?.kind;
    if (kind === undefined) return c;
    return redactColumn(c, {
      kind,
      by: schemaKind ? "schema" : "values",
      share: found ? found.share : null,
    });
  });
  return { profile: { ...profile, columns }, personal };
}

function detectColumn(c: ColumnProfile): PersonalColumn | null {
  const values = [...Object.keys(c.frequencies.counts), ...(c.nonNumericExamples ?? [])];
  if ((c.type === "date" || c.type === "timestamp") && isBirthDateName(c.name) && c.count > 0)
    return { column: c.name, kind: "birth_date", matched: c.count, sampled: c.count, share: 1, examples: [] };
  return detectPersonalColumn(c.name, values);
}

function redactColumn(c: ColumnProfile, mark: PersonalMark): ColumnProfile & { personal: PersonalMark } {
  return {
    ...c,
    min: null,
    max: null,
    mean: null,
    std: null,
    moments: null,
    zeros: 0,
    negatives: 0,
    quantiles: null,
    sketch: null,
    histogram: null,
    top: c.top.map((t) => ({ value: maskValue(mark.kind, t.value), count: t.count })),
    // every value left out occurs at most `count` times: an honest, empty Space-Saving state
    frequencies: { exact: false, capacity: c.frequencies.capacity, counts: {}, error: c.count },
    nonNumericExamples: c.nonNumericExamples
      ? c.nonNumericExamples.map((v) => maskValue(mark.kind, v))
      : null,
    personal: mark,
  };
}
