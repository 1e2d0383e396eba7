/**
 * Two-arm conversion analysis: x conversions out of n units per arm. The difference is
 * treatment − control; its interval is Newcombe's hybrid score interval (from the two Wilson
 * intervals; statsmodels confint_proportions_2indep(method="newcomb")) or the Wald interval; the test
 * is the pooled two-proportion z-test (statsmodels proportions_ztest; equals the χ² test without
 * continuity correction).
 */
import { newcombeDifference } from "../../stats/newcombe.js";
import { twoProportionZ } from "../../stats/two-proportion-z.js";
import { twoSidedZ } from "../../stats/two-sided-z.js";
import { InputError } from "../../table/errors.js";

interface Arm {
  conversions: number;
  n: number;
}

export interface ProportionComparison {
  control: { conversions: number; n: number; rate: number };
  treatment: { conversions: number; n: number; rate: number };
  /** treatment − control. */
  difference: number;
  ci: [number, number];
  waldCi: [number, number];
  /** treatment / control − 1 (null when the control rate is 0). */
  relativeLift: number | null;
  z: number;
  pValue: number;
  level: number;
}

function checkArm(arm: Arm, name: string): void {
  if (!Number.isInteger(arm.n) || arm.n <= 0)
    throw new InputError(`${name}: n must be a positive integer, got ${arm.n}`);
  if (!Number.isInteger(arm.conversions) || arm.conversions < 0 || arm.conversions > arm.n)
    throw new InputError(`${name}: conversions must be an integer in [0, ${arm.n}], got ${arm.conversions}`);
}

export function compareProportions(control: Arm, treatment: Arm, level = 0.95): ProportionComparison {
  checkArm(control, "control");
  checkArm(treatment, "treatment");
  const p1 = control.conversions / control.n;
  const p2 = treatment.conversions / treatment.n;
  const d = p2 - p1;
  const ci = newcombeDifference(treatment.conversions, treatment.n, control.conversions, control.n, level)!;
  const z = twoSidedZ(level);
  const seUnpooled = Math.sqrt((p1 * (1 - p1)) / control.n + (p2 * (1 - p2)) / treatment.n);
  const test = twoProportionZ(control.conversions, control.n, treatment.conversions, treatment.n);
  return {
    control: { ...control, rate: p1 },
    treatment: { ...treatment, rate: p2 },
    difference: d,
    ci,
    waldCi: [d - z * seUnpooled, d + z * seUnpooled],
    relativeLift: p1 > 0 ? p2 / p1 - 1 : null,
    z: test.z,
    pValue: test.pValue,
    level,
  };
}
