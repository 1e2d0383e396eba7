/**
 * A mergeable fixed-grid histogram for dates and timestamps, where a relative-error sketch is useless
 * (1% of "milliseconds since 1970" is months). Cells are [key·w, (key+1)·w) with w = base·2^j; j is the
 * smallest that keeps the occupied key range within maxBins. Halving the resolution maps key → floor(key/2),
 * which equals floor(x/(2w)), so the stream engine, the SQL engine and merges all land on the same cells.
 */
const DEFAULT_GRID_BINS = 4096;

export interface GridState {
  kind: "grid";
  width: number;
  maxBins: number;
  cells: Record<string, number>;
}

export class GridSketch {
  readonly cells = new Map<number, number>();
  private minKey = Infinity;
  private maxKey = -Infinity;

  constructor(
    public width: number,
    readonly maxBins = DEFAULT_GRID_BINS,
  ) {}

  /** Adds a finite value. */
  add(x: number, count = 1): void {
    this.addKey(Math.floor(x / this.width), count);
  }

  /** Adds a count to a cell given at the current width, coarsening first when the range would overflow. */
  private addKey(key: number, count: number): void {
    if (key < this.minKey || key > this.maxKey) {
      const lo = Math.min(this.minKey, key);
      const hi = Math.max(this.maxKey, key);
      if (hi - lo + 1 > this.maxBins) key = Math.floor(key / this.coarsen(lo, hi));
      if (key < this.minKey) this.minKey = key;
      if (key > this.maxKey) this.maxKey = key;
    }
    this.cells.set(key, (this.cells.get(key) ?? 0) + count);
  }

  /** Doubles the width until keys [lo, hi] fit in maxBins cells; returns the factor applied. */
  private coarsen(lo: number, hi: number): number {
    let factor = 1;
    while (Math.floor(hi / factor) - Math.floor(lo / factor) + 1 > this.maxBins) factor *= 2;
    this.rescale(factor);
    return factor;
  }

  private rescale(factor: number): void {
    if (factor === 1) return;
    this.width *= factor;
    const old = [...this.cells];
    this.cells.clear();
    this.minKey = Infinity;
    this.maxKey = -Infinity;
    for (const [k, c] of old) {
      const key = Math.floor(k / factor);
      this.cells.set(key, (this.cells.get(key) ?? 0) + c);
      if (key < this.minKey) this.minKey = key;
      if (key > this.maxKey) this.maxKey = key;
    }
  }

  merge(other: GridState): void {
    if (other.width > this.width) this.rescale(Math.round(other.width / this.width));
    // Re-read the ratio for every cell: adding may coarsen this grid part-way through.
    for (const [k, c] of Object.entries(other.cells))
      this.addKey(Math.floor(Number(k) / Math.round(this.width / other.width)), c);
  }

  toState(): GridState {
    const out: Record<string, number> = {};
    for (const k of [...this.cells.keys()].sort((a, b) => a - b)) out[String(k)] = this.cells.get(k)!;
    return { kind: "grid", width: this.width, maxBins: this.maxBins, cells: out };
  }

  static fromState(state: GridState): GridSketch {
    const grid = new GridSketch(state.width, state.maxBins);
    grid.merge(state);
    return grid;
  }
}

/** Smallest width base·2^j whose cells keep [min, max] within maxBins: the width any order of adds ends at. */
export function gridWidthFor(min: number, max: number, base: number, maxBins = DEFAULT_GRID_BINS): number {
  let width = base;
  while (Math.floor(max / width) - Math.floor(min / width) + 1 > maxBins) width *= 2;
  return width;
}

/** Cells in ascending order with the interval each covers. */
export function gridBuckets(state: GridState): { lo: number; hi: number; value: number; count: number }[] {
  return Object.entries(state.cells)
    .map(([k, c]) => [Number(k), c] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([k, c]) => ({
      lo: k * state.width,
      hi: (k + 1) * state.width,
      value: (k + 0.5) * state.width,
      count: c,
    }));
}
