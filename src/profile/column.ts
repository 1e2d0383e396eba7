import { DEFAULT_FREQUENCY_CAPACITY, FrequencyCounter, type FrequencyState } from "../sketch/frequency.js";
import { hashNumber, hashString } from "../sketch/hash.js";
import { HyperLogLog } from "../sketch/hll.js";
import type { Column, ColumnInfo, ColumnType } from "../table/types.js";
import { NumericFold, type NumericState } from "./numeric-fold.js";
import { classify, emptyPatterns } from "./patterns.js";
import type { PatternCounts } from "./types.js";

/** The mergeable part of a column profile; everything else in ColumnProfile is derived from it. */
export interface ColumnCore extends NumericState {
  name: string;
  type: ColumnType;
  count: number;
  missing: number;
  nan: number;
  frequencies: FrequencyState;
  hll: string;
  /** Set when an engine counted distinct values exactly beyond the frequency capacity. */
  exactDistinct?: number;
  length: { min: number; max: number; mean: number } | null;
  patterns: PatternCounts | null;
  nonNumericExamples: string[] | null;
}

export const MAX_EXAMPLES = 5;

export interface ProfileOptions {
  relativeAccuracy?: number;
  frequencyCapacity?: number;
}

/** A column with no values in `missing` rows: the start of a fold, or a column a batch lacks. */
export function emptyCore(
  name: string,
  type: ColumnType,
  missing: number,
  capacity = DEFAULT_FREQUENCY_CAPACITY,
): ColumnCore {
  return {
    name,
    type,
    count: 0,
    missing,
    nan: 0,
    posInf: 0,
    negInf: 0,
    zeros: 0,
    negatives: 0,
    min: null,
    max: null,
    moments: null,
    sketch: null,
    frequencies: { exact: true, capacity, counts: {}, error: 0 },
    hll: new HyperLogLog().serialize(),
    length: null,
    patterns: type === "string" ? emptyPatterns() : null,
    nonNumericExamples: null,
  };
}

/** Accumulates one column over batches (the stream engine). */
export class ColumnAccumulator {
  count = 0;
  missing = 0;
  nan = 0;
  private readonly numbers: NumericFold | null;
  readonly frequencies: FrequencyCounter;
  readonly hll = new HyperLogLog();
  /** Hashing into the HLL starts only when the exact frequency table first overflows. */
  private hashing = false;
  private lengthMin = Infinity;
  private lengthMax = -Infinity;
  private lengthSum = 0;
  readonly patterns: PatternCounts | null;
  private readonly nonNumeric: string[] = [];

  constructor(
    readonly info: ColumnInfo,
    options: ProfileOptions = {},
  ) {
    this.frequencies = new FrequencyCounter(options.frequencyCapacity);
    this.numbers = info.type === "string" ? null : new NumericFold(info.type, options.relativeAccuracy);
    this.patterns = info.type === "string" ? emptyPatterns() : null;
  }

  add(column: Column, length: number): void {
    if (column.type === "string") this.addStrings(column.values, column.valid, length);
    else this.addNumbers(column.values, column.valid, length);
  }

  private countValue(value: string | number): void {
    const freq = this.frequencies;
    if (!this.hashing && freq.counts.size === freq.capacity && !freq.counts.has(value as never)) {
      for (const key of freq.counts.keys())
        this.hll.addHash(typeof key === "number" ? hashNumber(key) : hashString(key));
      this.hashing = true;
    }
    freq.add(value);
    if (this.hashing) this.hll.addHash(typeof value === "number" ? hashNumber(value) : hashString(value));
  }

  private addNumbers(values: Float64Array, valid: Uint8Array, length: number): void {
    const numbers = this.numbers!;
    for (let i = 0; i < length; i++) {
      if (valid[i] === 0) {
        this.missing++;
        continue;
      }
      this.count++;
      const x = values[i];
      if (Number.isNaN(x)) {
        this.nan++;
        continue;
      }
      numbers.add(x);
      this.countValue(x);
    }
  }

  private addStrings(values: (string | null)[], valid: Uint8Array, length: number): void {
    const patterns = this.patterns!;
    for (let i = 0; i < length; i++) {
      const v = values[i];
      if (valid[i] === 0 || v === null) {
        this.missing++;
        continue;
      }
      this.count++;
      const len = v.length;
      if (len < this.lengthMin) this.lengthMin = len;
      if (len > this.lengthMax) this.lengthMax = len;
      this.lengthSum += len;
      const kind = classify(v);
      patterns[kind]++;
      if (
        kind !== "integer" &&
        kind !== "float" &&
        this.nonNumeric.length < MAX_EXAMPLES &&
        !this.nonNumeric.includes(v)
      )
        this.nonNumeric.push(v);
      this.countValue(v);
    }
  }

  core(): ColumnCore {
    const freq = this.frequencies.toState();
    let hll = "";
    if (this.hashing) hll = this.hll.serialize();
    else {
      const h = new HyperLogLog();
      for (const key of this.frequencies.counts.keys())
        h.addHash(typeof key === "number" ? hashNumber(key) : hashString(key));
      hll = h.serialize();
    }
    return {
      ...emptyCore(this.info.name, this.info.type, this.missing),
      count: this.count,
      nan: this.nan,
      ...this.numbers?.state(),
      frequencies: freq,
      hll,
      length:
        this.info.type === "string" && this.count > 0
          ? { min: this.lengthMin, max: this.lengthMax, mean: this.lengthSum / this.count }
          : null,
      patterns: this.patterns ? { ...this.patterns } : null,
      nonNumericExamples: this.patterns ? [...this.nonNumeric] : null,
    };
  }
}
