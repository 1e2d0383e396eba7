/**
 * A standard normal draw from the seeded source (./random.ts) by the Box–Muller transform:
 * √(−2 ln u₁)·cos(2π u₂), with u₁ ∈ (0, 1] so the logarithm is finite. One draw per call (the sine
 * partner is dropped) keeps the stream position a simple function of the number of draws.
 * Counterpart: numpy.random.Generator.standard_normal (a different stream; compare distributions).
 */
import type { Random } from "./random.js";

export function normalDraw(random: Random): number {
  const u1 = 1 - random.next();
  const u2 = random.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
