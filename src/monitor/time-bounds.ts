import { InputError } from "../table/errors.js";

/**
 * The times the service accepts. JavaScript dates end at ±8.64e15 ms (±273,790 years); a time beyond
 * them cannot be printed or stored as a date, and one such record once broke every read of its model.
 * Data times are held to a tighter band: no earlier than a floor, no later than the server clock plus a
 * skew — so no single record can move a model's data clock into the future.
 */
const MAX_DATE_MS = 8.64e15;

export interface TimeBounds {
  /** Earliest data time accepted (ms); 1970-01-01 by default. */
  minTimestamp: number;
  /** How far past the server clock a data time may lie (ms); 1 day by default. */
  maxFutureMs: number;
}

export const DEFAULT_TIME_BOUNDS: TimeBounds = { minTimestamp: 0, maxFutureMs: 86_400_000 };

export function isDateTime(t: number): boolean {
  return Number.isFinite(t) && Math.abs(t) <= MAX_DATE_MS;
}

/** ISO 8601 text of a time, or null for one outside the Date range (data stored before bounds existed). */
export function isoTime(t: number | null): string | null {
  return t !== null && isDateTime(t) ? new Date(t).toISOString() : null;
}

/** Why a data time is out of bounds at server time `now`, or null when it is fine. */
export function outOfBounds(t: number, bounds: TimeBounds, now: number): string | null {
  if (!isDateTime(t)) return `${t} is outside the range of dates (±8.64e15 ms)`;
  if (t < bounds.minTimestamp)
    return `${isoTime(t)} is before the earliest accepted time ${isoTime(bounds.minTimestamp)}`;
  const latest = now + bounds.maxFutureMs;
  if (t > latest)
    return `${isoTime(t)} is later than the server clock plus ${bounds.maxFutureMs} ms (${isoTime(latest)})`;
  return null;
}

/** A query or body time (`what` names it) that must be a date; an InputError (400) otherwise. */
export function requireDateTime(t: number, what: string): number {
  if (!isDateTime(t)) throw new InputError(`${what} ${t} is outside the range of dates (±8.64e15 ms)`);
  return t;
}
