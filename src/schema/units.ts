/**
 * Unit changes: a numeric column whose whole distribution moved by one constant factor
 * (grams → kilograms, cents → dollars, inches → centimetres). Detected by comparing a batch's
 * quantiles and mean with the reference ones stored in the schema: every ratio must agree
 * (max/min ratio ≤ `maxSpread`) and their geometric mean must be far from 1.
 */
const KNOWN_FACTORS: { factor: number; name: string }[] = [
  { factor: 10, name: "×10" },
  { factor: 100, name: "×100 (e.g. dollars → cents, fraction → percent)" },
  { factor: 1000, name: "×1000 (e.g. kg → g, s → ms, km → m)" },
  { factor: 1e4, name: "×10^4" },
  { factor: 1e5, name: "×10^5" },
  { factor: 1e6, name: "×10^6 (e.g. s → µs, MB → B)" },
  { factor: 2.20462, name: "×2.2046 (kg → lb)" },
  { factor: 2.54, name: "×2.54 (in → cm)" },
  { factor: 1.60934, name: "×1.609 (mi → km)" },
  { factor: 3.28084, name: "×3.281 (m → ft)" },
  { factor: 12, name: "×12 (ft → in, years → months)" },
  { factor: 24, name: "×24 (days → hours)" },
  { factor: 60, name: "×60 (h → min, min → s)" },
  { factor: 3600, name: "×3600 (h → s)" },
  { factor: 1024, name: "×1024 (KiB → B)" },
  { factor: 28.3495, name: "×28.35 (oz → g)" },
  { factor: 3.78541, name: "×3.785 (US gal → L)" },
  { factor: 1.8, name: "×1.8 (a Celsius/Fahrenheit difference)" },
];

interface UnitChange {
  /** batch ≈ factor × reference */
  factor: number;
  /** The known conversion nearest to the factor (within 3%), or null. */
  known: string | null;
  /** Ratio of the largest to the smallest per-statistic ratio. */
  spread: number;
  ratios: Record<string, number>;
}

export function detectUnitChange(
  reference: { quantiles: Record<string, number>; mean: number | null },
  batch: { quantiles: Record<string, number>; mean: number | null },
  options: { minFactor?: number; maxSpread?: number; minStatistics?: number } = {},
): UnitChange | null {
  const minFactor = options.minFactor ?? 1.5;
  const maxSpread = options.maxSpread ?? 1.2;
  const minStatistics = options.minStatistics ?? 3;
  const ratios: Record<string, number> = {};
  const pairs: [string, number, number | undefined | null][] = Object.entries(reference.quantiles).map(
    ([q, r]) => [`q${q}`, r, batch.quantiles[q]],
  );
  if (reference.mean !== null) pairs.push(["mean", reference.mean, batch.mean]);
  for (const [name, r, b] of pairs) {
    if (b === undefined || b === null || !Number.isFinite(b) || !Number.isFinite(r)) continue;
    if (r === 0 && b === 0) continue; // a point mass at zero says nothing about scale
    const ratio = b / r;
    if (!(ratio > 0) || !Number.isFinite(ratio)) return null; // sign flip or 0 ↔ non-zero: not a rescaling
    ratios[name] = ratio;
  }
  const values = Object.values(ratios);
  if (values.length < minStatistics) return null;
  const spread = Math.max(...values) / Math.min(...values);
  if (spread > maxSpread) return null;
  const factor = Math.exp(values.reduce((s, v) => s + Math.log(v), 0) / values.length);
  if (factor < minFactor && factor > 1 / minFactor) return null;
  return { factor, known: nearestKnown(factor), spread, ratios };
}

function nearestKnown(factor: number): string | null {
  const up = factor >= 1 ? factor : 1 / factor;
  let best: { name: string; error: number } | null = null;
  for (const k of KNOWN_FACTORS) {
    const error = Math.abs(Math.log(up / k.factor));
    if (error < Math.log(1.03) && (!best || error < best.error)) best = { name: k.name, error };
  }
  if (!best) return null;
  return factor >= 1 ? best.name : `÷${best.name.slice(1)}`;
}
