/**
 * DDSketch (Masson, Rim & Lee, VLDB 2019): quantiles with a relative-error guarantee, mergeable.
 * Written here rather than taken from @datadog/sketches-js because the SQL engine must compute the very
 * same bucket keys inside DuckDB (key = ceil(ln|x| · multiplier)) and the profile stores buckets as JSON.
 */
const DEFAULT_RELATIVE_ACCURACY = 0.005;
const DEFAULT_MAX_BINS = 4096;

export interface DDSketchState {
  kind: "ddsketch";
  relativeAccuracy: number;
  maxBins: number;
  positive: Record<string, number>;
  negative: Record<string, number>;
  zeros: number;
}

export function gammaOf(relativeAccuracy: number): number {
  return (1 + relativeAccuracy) / (1 - relativeAccuracy);
}

/** 1 / ln(gamma): the factor that turns ln|x| into a bucket coordinate. */
export function multiplierOf(relativeAccuracy: number): number {
  return 1 / Math.log(gammaOf(relativeAccuracy));
}

/** Bucket k holds |x| in (gamma^(k-1), gamma^k]; its representative 2·gamma^k/(gamma+1) is within α of any of them. */
export function bucketValue(key: number, gamma: number): number {
  return (2 * gamma ** key) / (gamma + 1);
}

/** A bucket store capped at maxBins consecutive keys; lower keys collapse into the lowest kept key. */
class BucketStore {
  readonly counts = new Map<number, number>();
  private maxKey = -Infinity;
  private floorKey = -Infinity;

  constructor(readonly maxBins: number) {}

  add(key: number, count: number): void {
    if (key > this.maxKey) {
      this.maxKey = key;
      const floor = key - this.maxBins + 1;
      if (floor > this.floorKey) this.collapseBelow(floor);
    }
    if (key < this.floorKey) key = this.floorKey;
    this.counts.set(key, (this.counts.get(key) ?? 0) + count);
  }

  private collapseBelow(floor: number): void {
    this.floorKey = floor;
    let moved = 0;
    for (const [k, c] of this.counts) {
      if (k < floor) {
        moved += c;
        this.counts.delete(k);
      }
    }
    if (moved > 0) this.counts.set(floor, (this.counts.get(floor) ?? 0) + moved);
  }

  toRecord(): Record<string, number> {
    const keys = [...this.counts.keys()].sort((a, b) => a - b);
    const out: Record<string, number> = {};
    for (const k of keys) out[String(k)] = this.counts.get(k)!;
    return out;
  }

  static fromRecord(record: Record<string, number>, maxBins: number): BucketStore {
    const store = new BucketStore(maxBins);
    for (const [k, c] of Object.entries(record)) store.add(Number(k), c);
    return store;
  }
}

export class DDSketch {
  readonly positive: BucketStore;
  readonly negative: BucketStore;
  zeros = 0;
  private readonly multiplier: number;

  constructor(
    readonly relativeAccuracy = DEFAULT_RELATIVE_ACCURACY,
    readonly maxBins = DEFAULT_MAX_BINS,
  ) {
    if (!(relativeAccuracy > 0 && relativeAccuracy < 1))
      throw new RangeError("relative accuracy must be in (0, 1)");
    this.multiplier = multiplierOf(relativeAccuracy);
    this.positive = new BucketStore(maxBins);
    this.negative = new BucketStore(maxBins);
  }

  /** Adds a finite value (callers filter NaN and ±Inf). */
  add(x: number, count = 1): void {
    if (x > 0) this.positive.add(Math.ceil(Math.log(x) * this.multiplier), count);
    else if (x < 0) this.negative.add(Math.ceil(Math.log(-x) * this.multiplier), count);
    else this.zeros += count;
  }

  merge(other: DDSketchState): void {
    if (other.relativeAccuracy !== this.relativeAccuracy)
      throw new RangeError(
        `cannot merge DDSketches of relative accuracy ${this.relativeAccuracy} and ${other.relativeAccuracy}`,
      );
    for (const [k, c] of Object.entries(other.positive)) this.positive.add(Number(k), c);
    for (const [k, c] of Object.entries(other.negative)) this.negative.add(Number(k), c);
    this.zeros += other.zeros;
  }

  toState(): DDSketchState {
    return {
      kind: "ddsketch",
      relativeAccuracy: this.relativeAccuracy,
      maxBins: this.maxBins,
      positive: this.positive.toRecord(),
      negative: this.negative.toRecord(),
      zeros: this.zeros,
    };
  }

  static fromState(state: DDSketchState): DDSketch {
    const sketch = new DDSketch(state.relativeAccuracy, state.maxBins);
    sketch.merge(state);
    return sketch;
  }
}

/** The sketch's buckets in ascending value order, each with the interval it covers and its count. */
export function ddBuckets(state: DDSketchState): { lo: number; hi: number; value: number; count: number }[] {
  const gamma = gammaOf(state.relativeAccuracy);
  const out: { lo: number; hi: number; value: number; count: number }[] = [];
  const neg = Object.entries(state.negative)
    .map(([k, c]) => [Number(k), c] as const)
    .sort((a, b) => b[0] - a[0]);
  for (const [k, c] of neg)
    out.push({ lo: -(gamma ** k), hi: -(gamma ** (k - 1)), value: -bucketValue(k, gamma), count: c });
  if (state.zeros > 0) out.push({ lo: 0, hi: 0, value: 0, count: state.zeros });
  const pos = Object.entries(state.positive)
    .map(([k, c]) => [Number(k), c] as const)
    .sort((a, b) => a[0] - b[0]);
  for (const [k, c] of pos)
    out.push({ lo: gamma ** (k - 1), hi: gamma ** k, value: bucketValue(k, gamma), count: c });
  return out;
}
