/**
 * Near-duplicate slices, merged for reading: SliceLine often returns a slice and a refinement of it that
 * hold the very same rows ("Contract = Month-to-month" and "Contract = Month-to-month & PhoneService =
 * Yes" when every such customer has phone service). A slice whose predicates include another's, with the
 * same row count and the same positives and errors, is the same rows: it is folded into the shorter one,
 * whose row lists the longer rule under "same rows as". Rendering only; the JSON keeps every slice.
 */
import type { SliceResult } from "./slices.js";

export interface MergedSlice {
  slice: SliceResult;
  /** Longer rules that select the same rows. */
  sameRows: string[];
}

export function mergeNearDuplicates(slices: readonly SliceResult[]): MergedSlice[] {
  const shortestFirst = [...slices].sort((a, b) => a.predicates.length - b.predicates.length);
  const kept: MergedSlice[] = [];
  for (const s of shortestFirst) {
    const same = kept.find(
      (k) =>
        k.slice.count === s.count &&
        k.slice.positives === s.positives &&
        k.slice.errorRate === s.errorRate &&
        k.slice.predicates.every((p) => s.predicates.includes(p)),
    );
    if (same) same.sameRows.push(s.slice);
    else kept.push({ slice: s, sameRows: [] });
  }
  // back in the order they came in
  return slices.flatMap((s) => kept.filter((k) => k.slice === s));
}
