/** Monitoring windows over a model's data: a step that gives a readable number of points, aligned to UTC. */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const STEPS = [
  { name: "1h", ms: HOUR },
  { name: "6h", ms: 6 * HOUR },
  { name: "1d", ms: DAY },
  { name: "7d", ms: 7 * DAY },
  { name: "30d", ms: 30 * DAY },
];

/** The smallest step that covers [from, to) in at most `maxWindows` windows. */
export function chooseStep(from, to, maxWindows = 26) {
  const span = Math.max(1, to - from);
  return STEPS.find((s) => Math.ceil(span / s.ms) + 1 <= maxWindows) ?? STEPS[STEPS.length - 1];
}

/**
 * The end of the newest window: the data clock `to` rounded up to a UTC day (steps of a day or more) or
 * hour, so windows cover whole days and hours — the server snaps windows outward to whole buckets, and a
 * window that is not a multiple of the bucket would count one bucket twice over consecutive windows.
 */
export function lastWindowEnd(to, stepMs) {
  const unit = stepMs >= DAY ? DAY : HOUR;
  return Math.ceil(to / unit) * unit;
}

/**
 * Consecutive windows [from, to) of `stepMs` ending at lastWindowEnd; windows less than half covered by data
 * (the oldest one, usually) are left out — their few rows would draw a spike of noise.
 */
export function windowsOf(from, to, stepMs, maxWindows = 60) {
  const windows = [];
  for (let end = lastWindowEnd(to, stepMs); windows.length < maxWindows; end -= stepMs) {
    if (end - from < stepMs / 2 && windows.length > 0) break;
    windows.unshift({ from: end - stepMs, to: end });
    if (end - stepMs <= from) break;
  }
  return windows;
}
