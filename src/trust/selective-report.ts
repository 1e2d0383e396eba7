/**
 * Selective prediction for `assay conformal`: risk–coverage curves under each way of ranking rows by
 * trust, and the abstention each needs to reach a target error. Classification's risk is the error
 * rate of the predicted class; regression's is the mean absolute error (no distribution-free bound
 * exists for it, so its abstention has no guaranteed version).
 */
import { type Abstention, abstentionForTarget, type RiskCoverage, riskCoverage } from "./selective.js";

export type Ranking = "confidence" | "setSize" | "intervalWidth" | "ood";

interface SelectiveInput {
  /** Per-row loss: 0/1 errors, or absolute errors for regression. */
  loss: Float64Array;
  binary: boolean;
  /** The predicted class's probability (classification). */
  confidence?: Float64Array;
  setSizes?: Uint32Array;
  intervalWidths?: Float64Array;
  /** OOD ensemble score (higher is more unusual). */
  ood?: Float64Array;
}

export interface SelectiveReport {
  risk: "error rate" | "mean absolute error";
  overallRisk: number;
  curves: Partial<Record<Ranking, RiskCoverage>>;
  target: number | null;
  abstention: Partial<Record<Ranking, Abstention>> | null;
}

/** Each ranking as lexicographic keys, most trusted first (ascending). */
function rankings(input: SelectiveInput): Partial<Record<Ranking, Float64Array[]>> {
  const out: Partial<Record<Ranking, Float64Array[]>> = {};
  const doubt = input.confidence ? Float64Array.from(input.confidence, (c) => -c) : null;
  if (doubt) out.confidence = [doubt];
  if (input.setSizes) out.setSize = [Float64Array.from(input.setSizes), ...(doubt ? [doubt] : [])];
  if (input.intervalWidths && new Set(input.intervalWidths).size > 1)
    out.intervalWidth = [input.intervalWidths];
  if (input.ood) out.ood = [input.ood, ...(doubt ? [doubt] : [])];
  return out;
}

export function selectivePrediction(
  input: SelectiveInput,
  options: { target?: number; level?: number } = {},
): SelectiveReport {
  let total = 0;
  for (const x of input.loss) total += x;
  const curves: SelectiveReport["curves"] = {};
  const abstention: SelectiveReport["abstention"] = options.target === undefined ? null : {};
  for (const [name, keys] of Object.entries(rankings(input)) as [Ranking, Float64Array[]][]) {
    curves[name] = riskCoverage(input.loss, keys);
    if (abstention && options.target !== undefined)
      abstention[name] = abstentionForTarget(input.loss, keys, options.target, {
        level: options.level,
        binary: input.binary,
      });
  }
  return {
    risk: input.binary ? "error rate" : "mean absolute error",
    overallRisk: input.loss.length > 0 ? total / input.loss.length : Number.NaN,
    curves,
    target: options.target ?? null,
    abstention,
  };
}
