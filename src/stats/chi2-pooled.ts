import { type Chi2Result, chi2Homogeneity } from "./chi2.js";

interface PooledTable {
  reference: number[];
  current: number[];
  /** Columns merged into the one pooled column (0: the table is unchanged). */
  pooled: number;
}

/**
 * Pools sparse columns of a 2×k table so that the χ² approximation holds: a column is sparse when
 * its smaller expected count, column total × min(row totals) / grand total, is below `minExpected`
 * (Cochran's rule of 5). Sparse columns are merged into one, smallest first; while the merged
 * column is itself sparse the next smallest column joins it. At least two columns are kept (the
 * largest stays apart), and a table of two columns is left as it is (Yates' 2×2 test is
 * conservative: docs/stats.md). The choice depends only on the column totals, which the
 * homogeneity test conditions on, so pooling does not bias the test. Empty columns are dropped;
 * the pooled column comes last.
 */
export function poolSparseColumns(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  minExpected = 5,
): PooledTable {
  let r = 0;
  let c = 0;
  const columns: number[] = [];
  for (let i = 0; i < reference.length; i++) {
    r += reference[i];
    c += current[i];
    if (reference[i] + current[i] > 0) columns.push(i);
  }
  const keep = () => ({
    reference: columns.map((i) => reference[i]),
    current: columns.map((i) => current[i]),
    pooled: 0,
  });
  if (columns.length <= 2 || r === 0 || c === 0) return keep();
  const scale = Math.min(r, c) / (r + c);
  const total = (i: number) => reference[i] + current[i];
  const order = [...columns].sort((a, b) => total(a) - total(b) || a - b);
  let k = 0; // order[0..k) are pooled; the largest column always stays apart
  let pooledTotal = 0;
  while (k < order.length - 1 && total(order[k]) * scale < minExpected) pooledTotal += total(order[k++]);
  while (k > 0 && k < order.length - 1 && pooledTotal * scale < minExpected) pooledTotal += total(order[k++]);
  if (k <= 1) return keep();
  const pooledSet = new Set(order.slice(0, k));
  const out: PooledTable = { reference: [], current: [], pooled: k };
  let pr = 0;
  let pc = 0;
  for (const i of columns) {
    if (pooledSet.has(i)) {
      pr += reference[i];
      pc += current[i];
    } else {
      out.reference.push(reference[i]);
      out.current.push(current[i]);
    }
  }
  out.reference.push(pr);
  out.current.push(pc);
  return out;
}

/** χ² homogeneity (src/stats/chi2.ts) on the table after pooling its sparse columns. */
export function chi2Pooled(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  minExpected = 5,
): Chi2Result & { pooled: number } {
  const table = poolSparseColumns(reference, current, minExpected);
  return { ...chi2Homogeneity(table.reference, table.current), pooled: table.pooled };
}
