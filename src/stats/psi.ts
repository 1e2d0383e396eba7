/**
 * Population stability index over the same bins (or categories) on both sides:
 *   PSI = Σᵢ (cᵢ − rᵢ) · ln(cᵢ / rᵢ),  rᵢ, cᵢ the reference and current proportions (natural log),
 * where a zero proportion is replaced by ε = 1e-4 first, with no renormalisation; a bin empty on both
 * sides adds 0. Input is counts (or proportions: they are normalised either way).
 *
 * Convention, chosen over "floor every proportion at ε" (which the monitor used): only an exact zero is
 * replaced, so whenever no bin is empty PSI is the plug-in value of the symmetrised KL divergence. It is
 * the convention of Evidently's `psi` stattest and of the SciPy/NumPy oracle we test against
 * (../shared/oracles/adult.json, `conventions.drift_numeric`). Its known wart: a bin holding a share
 * below ε scores as further from a large share than an empty bin does. No SciPy function computes PSI.
 */
const PSI_EPSILON = 1e-4;

export function psi(reference: ArrayLike<number>, current: ArrayLike<number>, epsilon = PSI_EPSILON): number {
  const rTotal = sum(reference);
  const cTotal = sum(current);
  if (!(rTotal > 0) || !(cTotal > 0)) return Number.NaN;
  let total = 0;
  for (let i = 0; i < reference.length; i++) {
    const r = reference[i] === 0 ? epsilon : reference[i] / rTotal;
    const c = current[i] === 0 ? epsilon : current[i] / cTotal;
    total += (c - r) * Math.log(c / r);
  }
  return total;
}

function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s;
}
