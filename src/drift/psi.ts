/** The proportion that replaces an empty bin in PSI (no renormalisation afterwards). */
export const PSI_EPSILON = 1e-4;

/**
 * Population stability index: Σ (cur − ref) · ln(cur / ref) over bins or categories, each zero
 * proportion replaced by ε = 1e-4 first.
 */
export function psi(reference: ArrayLike<number>, current: ArrayLike<number>, epsilon = PSI_EPSILON): number {
  let sum = 0;
  for (let i = 0; i < reference.length; i++) {
    const r = reference[i] === 0 ? epsilon : reference[i];
    const c = current[i] === 0 ? epsilon : current[i];
    sum += (c - r) * Math.log(c / r);
  }
  return sum;
}
