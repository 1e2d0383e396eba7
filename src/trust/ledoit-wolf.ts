/**
 * Ledoit–Wolf shrinkage covariance (Ledoit & Wolf 2004), as scikit-learn's `ledoit_wolf`: the sample
 * covariance S (ddof = 0, centred) pulled toward μ·I, μ = trace(S)/p, by the shrinkage that minimises
 * the expected squared error: Σ = (1 − δ)·S + δ·μ·I. Well conditioned even when features are nearly
 * collinear, so its inverse is safe for Mahalanobis distances.
 */
interface ShrunkCovariance {
  location: Float64Array;
  covariance: Float64Array;
  shrinkage: number;
}

/** x is row-major n × p. */
export function ledoitWolf(x: Float64Array, n: number, p: number): ShrunkCovariance {
  const location = new Float64Array(p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) location[j] += x[i * p + j];
  for (let j = 0; j < p; j++) location[j] /= n;
  const cross = new Float64Array(p * p); // Xᵀ X of the centred data
  const squares = new Float64Array(p * p); // (X²)ᵀ X²
  const row = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) row[j] = x[i * p + j] - location[j];
    for (let a = 0; a < p; a++)
      for (let b = a; b < p; b++) {
        cross[a * p + b] += row[a] * row[b];
        squares[a * p + b] += row[a] * row[a] * row[b] * row[b];
      }
  }
  for (let a = 0; a < p; a++)
    for (let b = 0; b < a; b++) {
      cross[a * p + b] = cross[b * p + a];
      squares[a * p + b] = squares[b * p + a];
    }
  let trace = 0;
  for (let j = 0; j < p; j++) trace += cross[j * p + j] / n;
  const mu = trace / p;
  let beta_ = 0;
  let delta_ = 0;
  for (let k = 0; k < p * p; k++) {
    beta_ += squares[k];
    delta_ += cross[k] * cross[k];
  }
  delta_ /= n * n;
  let beta = (beta_ / n - delta_) / (p * n);
  const delta = (delta_ - 2 * mu * trace + p * mu * mu) / p;
  beta = Math.min(beta, delta);
  const shrinkage = beta === 0 ? 0 : beta / delta;
  const covariance = new Float64Array(p * p);
  for (let k = 0; k < p * p; k++) covariance[k] = ((1 - shrinkage) * cross[k]) / n;
  for (let j = 0; j < p; j++) covariance[j * p + j] += shrinkage * mu;
  return { location, covariance, shrinkage };
}
