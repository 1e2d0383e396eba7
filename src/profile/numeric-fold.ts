import { DDSketch } from "../sketch/ddsketch.js";
import { GridSketch } from "../sketch/grid.js";
import { combineMoments, type Moments } from "../stats/moments.js";
import type { ColumnType } from "../table/types.js";
import type { QuantileSketchState } from "./types.js";

/** Grid base cell per temporal type: one day for dates, one second for timestamps (ms units). */
const GRID_BASE: Record<"date" | "timestamp", number> = { date: 86_400_000, timestamp: 1000 };

/**
 * Finite values wait in a block this long; a full block's moments are computed in two passes and
 * combined with what came before by Chan's formula. A one-pass Welford update per value is as fast but
 * less exact: on flights-3m its M2 was off by up to 5.4e-12 (relative, timestamps) where blocks keep
 * 1.2e-13.
 */
const BLOCK = 2048;

/** The numeric fields of a column's mergeable core (ColumnCore extends it). */
export interface NumericState {
  posInf: number;
  negInf: number;
  zeros: number;
  negatives: number;
  min: number | null;
  max: number | null;
  moments: Moments | null;
  sketch: QuantileSketchState | null;
}

/**
 * The numeric statistics of a column, folded one value at a time or one (value, count) group at a
 * time: the stream engine folds rows, the SQL engine the groups of a GROUP BY, so both engines compute
 * every count, extreme, moment and sketch with this one code. NaN is not folded (the caller counts it);
 * ±∞ are counted apart and kept out of the moments and the sketch.
 */
export class NumericFold {
  /** Values folded, ±∞ included. */
  listed = 0;
  private posInf = 0;
  private negInf = 0;
  private zeros = 0;
  private negatives = 0;
  private min = Infinity;
  private max = -Infinity;
  private moments = { n: 0, mean: 0, m2: 0 };
  private readonly block = new Float64Array(BLOCK);
  private readonly weights = new Float64Array(BLOCK);
  private filled = 0;
  private readonly sketch: DDSketch | GridSketch;

  constructor(type: Exclude<ColumnType, "string">, relativeAccuracy?: number) {
    this.sketch =
      type === "date" || type === "timestamp"
        ? new GridSketch(GRID_BASE[type])
        : new DDSketch(relativeAccuracy);
  }

  /** Folds `count` copies of `x` (not NaN). */
  add(x: number, count = 1): void {
    this.listed += count;
    if (x === Infinity) this.posInf += count;
    else if (x === -Infinity) this.negInf += count;
    else {
      this.block[this.filled] = x;
      this.weights[this.filled] = count;
      if (++this.filled === BLOCK) this.flush();
      if (x < this.min) this.min = x;
      if (x > this.max) this.max = x;
      if (x === 0) this.zeros += count;
      else if (x < 0) this.negatives += count;
      this.sketch.add(x, count);
    }
  }

  /** The numeric fields of a ColumnCore. */
  state(): NumericState {
    this.flush();
    const finite = this.moments.n > 0;
    return {
      posInf: this.posInf,
      negInf: this.negInf,
      zeros: this.zeros,
      negatives: this.negatives,
      min: finite ? this.min : null,
      max: finite ? this.max : null,
      moments: { ...this.moments },
      sketch: this.sketch.toState(),
    };
  }

  private flush(): void {
    const { block, weights, filled } = this;
    if (filled === 0) return;
    let n = 0;
    let sum = 0;
    for (let i = 0; i < filled; i++) {
      n += weights[i];
      sum += weights[i] * block[i];
    }
    const mean = sum / n;
    let m2 = 0;
    for (let i = 0; i < filled; i++) m2 += weights[i] * (block[i] - mean) * (block[i] - mean);
    this.moments = combineMoments(this.moments, { n, mean, m2 })!;
    this.filled = 0;
  }
}
