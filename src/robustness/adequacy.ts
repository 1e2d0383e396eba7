/**
 * Test adequacy of a test set against its contract: which parts of each feature's domain the rows
 * exercise — for numbers the bins between the contract's reference quantiles (0.05 … 0.95, with the
 * two open tails), for text the domain's values, and missing where the contract allows it — and which
 * cells of every pair of features (bin × bin) are never tested. With a reference table, only the pair
 * cells that occur in the reference count (a cell the reference never has may be impossible).
 */
import type { ColumnContract } from "../schema/types.js";
import type { Batch } from "../table/types.js";
import { missingAllowed } from "./fuzz-arbitraries.js";

interface FeatureCoverage {
  column: string;
  cells: string[];
  /** Rows of the test set per cell, in the order of `cells`. */
  counts: number[];
  covered: number;
  coverage: number;
  untested: string[];
}

interface PairCoverage {
  columns: [string, string];
  cells: number;
  covered: number;
  coverage: number;
  untested: string[];
}

export interface Adequacy {
  rows: number;
  features: FeatureCoverage[];
  pairs: PairCoverage[];
  /** Share of all pair cells covered, over every pair. */
  pairCoverage: number | null;
  skipped: { column: string; reason: string }[];
}

/** The cell of each row of a column (null: no cell, e.g. a value outside a text domain). */
interface Cells {
  names: string[];
  of: (batch: Batch) => Int32Array;
}

function cellsOf(c: ColumnContract): Cells | null {
  const withMissing = missingAllowed(c);
  if (c.type === "string") {
    const values = Object.entries(c.domain?.values ?? {})
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([v]) => v);
    if (values.length === 0) return null;
    const slot = new Map(values.map((v, k) => [v, k]));
    const names = [...values, ...(withMissing ? ["(missing)"] : [])];
    return {
      names,
      of: (batch) => {
        const col = batch.columns.find((x) => x.name === c.name)!;
        return Int32Array.from({ length: batch.length }, (_, i) =>
          col.valid[i] ? (slot.get(String(col.values[i])) ?? -1) : withMissing ? values.length : -1,
        );
      },
    };
  }
  const edges = [
    ...new Set(
      Object.entries(c.reference?.quantiles ?? {})
        .sort((a, b) => Number(a[0]) - Number(b[0]))
        .map(([, q]) => q),
    ),
  ].filter(Number.isFinite);
  if (edges.length === 0) return null;
  const names = [
    `≤ ${edges[0]}`,
    ...edges.slice(1).map((e, k) => `(${edges[k]}, ${e}]`),
    `> ${edges[edges.length - 1]}`,
  ];
  // Edges that repeat (capital-gain's quantiles are mostly 0) are merged, so every bin can hold a value.
  if (withMissing) names.push("(missing)");
  return {
    names,
    of: (batch) => {
      const col = batch.columns.find((x) => x.name === c.name)!;
      return Int32Array.from({ length: batch.length }, (_, i) => {
        if (!col.valid[i] || !Number.isFinite(col.values[i] as number))
          return withMissing ? edges.length + 1 : -1;
        const x = col.values[i] as number;
        let k = 0;
        while (k < edges.length && x > edges[k]) k++;
        return k;
      });
    },
  };
}

export function testAdequacy(
  test: Batch,
  columns: ColumnContract[],
  options: { reference?: Batch | null; top?: number } = {},
): Adequacy {
  const skipped: Adequacy["skipped"] = [];
  const usable: { contract: ColumnContract; cells: Cells; test: Int32Array; reference: Int32Array | null }[] =
    [];
  for (const c of columns) {
    if (!test.columns.some((x) => x.name === c.name)) {
      skipped.push({ column: c.name, reason: "not in the test set" });
      continue;
    }
    const cells = cellsOf(c);
    if (!cells) {
      skipped.push({
        column: c.name,
        reason:
          c.type === "string"
            ? "the contract has no domain for it"
            : "the contract has no reference quantiles for it",
      });
      continue;
    }
    const reference = options.reference?.columns.some((x) => x.name === c.name)
      ? cells.of(options.reference)
      : null;
    usable.push({ contract: c, cells, test: cells.of(test), reference });
  }
  const top = options.top ?? 20;
  const features: FeatureCoverage[] = usable.map(({ contract, cells, test: rows }) => {
    const counts = new Array(cells.names.length).fill(0);
    for (const k of rows) if (k >= 0) counts[k]++;
    const covered = counts.filter((x) => x > 0).length;
    return {
      column: contract.name,
      cells: cells.names,
      counts,
      covered,
      coverage: covered / cells.names.length,
      untested: cells.names.filter((_, k) => counts[k] === 0),
    };
  });
  const pairs: PairCoverage[] = [];
  let allCells = 0;
  let allCovered = 0;
  for (let x = 0; x < usable.length; x++)
    for (let y = x + 1; y < usable.length; y++) {
      const a = usable[x];
      const b = usable[y];
      const width = b.cells.names.length;
      const seen = new Uint8Array(a.cells.names.length * width);
      for (let i = 0; i < test.length; i++)
        if (a.test[i] >= 0 && b.test[i] >= 0) seen[a.test[i] * width + b.test[i]] = 1;
      let wanted: Uint8Array;
      if (a.reference && b.reference) {
        wanted = new Uint8Array(seen.length);
        for (let i = 0; i < a.reference.length; i++)
          if (a.reference[i] >= 0 && b.reference[i] >= 0) wanted[a.reference[i] * width + b.reference[i]] = 1;
      } else wanted = new Uint8Array(seen.length).fill(1);
      let cells = 0;
      let covered = 0;
      const untested: string[] = [];
      for (let k = 0; k < seen.length; k++) {
        if (!wanted[k]) continue;
        cells++;
        if (seen[k]) covered++;
        else if (untested.length < top)
          untested.push(
            `${a.contract.name} ${a.cells.names[Math.floor(k / width)]} × ${b.contract.name} ${b.cells.names[k % width]}`,
          );
      }
      allCells += cells;
      allCovered += covered;
      pairs.push({
        columns: [a.contract.name, b.contract.name],
        cells,
        covered,
        coverage: cells > 0 ? covered / cells : 1,
        untested,
      });
    }
  pairs.sort((p, q) => p.coverage - q.coverage);
  return {
    rows: test.length,
    features,
    pairs,
    pairCoverage: allCells > 0 ? allCovered / allCells : null,
    skipped,
  };
}
