/** Counts of categories on both sides, aligned on the sorted union of categories. */
interface CategoryTable {
  categories: string[];
  reference: number[];
  current: number[];
}

export function categoryTable(reference: Map<string, number>, current: Map<string, number>): CategoryTable {
  const union = new Set<string>(reference.keys());
  for (const key of current.keys()) union.add(key);
  // UTF-16 order equals code-point order unless a string holds a surrogate pair; the native sort is
  // much faster on a million categories, so the comparator is used only when it matters.
  const categories = [...union].sort();
  if (categories.some((c) => /[\uD800-\uDFFF]/.test(c))) categories.sort(compareCodePoints);
  return {
    categories,
    reference: categories.map((c) => reference.get(c) ?? 0),
    current: categories.map((c) => current.get(c) ?? 0),
  };
}

/** Python's string order (by code point), so category lists match SciPy/pandas output. */
function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** Counts the non-null strings of a column (one Map lookup per value: the boxed counter is bumped in place). */
export function countCategories(values: ArrayLike<string | null>): Map<string, number> {
  const boxes = new Map<string, { n: number }>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) continue;
    const box = boxes.get(v);
    if (box === undefined) boxes.set(v, { n: 1 });
    else box.n++;
  }
  const counts = new Map<string, number>();
  for (const [k, box] of boxes) counts.set(k, box.n);
  return counts;
}
