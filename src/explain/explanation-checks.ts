/**
 * The results of `assay explain` as CheckResults of the report envelope: a global attribution per
 * feature, local attributions of the rows asked for, effect curves, surrogate fidelity. Browser-safe.
 */
import type { CheckResult } from "../report/report.js";
import { type Attributions, meanAbsolute } from "./attributions.js";
import type { FeatureEffect } from "./feature-effects.js";
import type { SurrogateFidelity } from "./surrogate.js";

const round = (v: number) => Number(v.toPrecision(6));

export function attributionChecks(
  global: Attributions,
  local: Attributions,
  rowNumbers: number[],
): CheckResult[] {
  const importance = meanAbsolute(global);
  const order = [...importance.keys()].sort((a, b) => importance[b] - importance[a]);
  const m = global.features.length;
  const results: CheckResult[] = order.map((j, rank) => ({
    check: "explain.attribution",
    subject: { column: global.features[j] },
    status: "pass",
    value: importance[j],
    rank: rank + 1,
    method: global.method,
    space: global.space,
    message: `mean |SHAP| ${round(importance[j])} (${global.space}) over ${global.rows} rows, rank ${rank + 1} of ${m}`,
  }));
  rowNumbers.forEach((rowNumber, i) => {
    const phi = Array.from(local.phi.subarray(i * m, (i + 1) * m));
    const sum = phi.reduce((a, b) => a + b, local.base);
    const top = [...phi.keys()].sort((a, b) => Math.abs(phi[b]) - Math.abs(phi[a])).slice(0, 3);
    results.push({
      check: "explain.local",
      subject: { slice: `row ${rowNumber}` },
      status: "pass",
      value: sum,
      base: local.base,
      method: local.method,
      space: local.space,
      message: `f = ${round(sum)} = base ${round(local.base)} + ${top.map((j) => `${local.features[j]} ${phi[j] >= 0 ? "+" : ""}${round(phi[j])}`).join(", ")} …`,
      examples: local.features.map((feature, j) => ({
        feature,
        phi: phi[j],
        standardError: local.standardError ? local.standardError[i * m + j] : null,
      })),
    });
  });
  return results;
}

export function effectChecks(effects: FeatureEffect[]): CheckResult[] {
  return effects.map((e) => ({
    check:
      e.method === "partial-dependence" ? "explain.partial_dependence" : "explain.accumulated_local_effects",
    subject: { column: e.feature },
    status: "pass",
    value: e.range,
    message: `${e.method === "partial-dependence" ? "partial dependence" : "ALE"} of ${e.feature} spans ${round(e.range)} over ${e.points.length} grid points (95% bootstrap bands in examples)`,
    examples: e.points,
  }));
}

export function surrogateChecks(fits: SurrogateFidelity[], minFidelity: number | undefined): CheckResult[] {
  return fits.map((s) => {
    const failed = minFidelity !== undefined && s.fidelity < minFidelity;
    return {
      check: "explain.surrogate_fidelity",
      subject: { slice: `depth ${s.depth}` },
      status: failed ? "fail" : "pass",
      value: s.fidelity,
      ...(s.ci ? { ci: s.ci } : {}),
      ...(minFidelity !== undefined ? { threshold: minFidelity } : {}),
      n: s.heldOut,
      message: `a depth-${s.depth} tree reproduces ${(100 * s.fidelity).toFixed(1)}% of the model's decisions on ${s.heldOut} held-out rows${failed ? `, below ${minFidelity}` : ""} (${s.rules.length} rules)`,
      examples: s.rules,
    };
  });
}
