/**
 * Two-arm conversion analysis: x conversions out of n units per arm. The difference is
 * treatment − control; its interval is Newcombe's hybrid score interval (from the two Wilson
 * intervals; statsmodels confint_proportions_2indep(method="newcomb")) or the Wald interval; the test
 * is the pooled two-proportion z-test (statsmodels proportions_ztest; equals the χ² test without
 * continuity correction).
 */
import { twoProportionZ } from "../../stats/two-proportion-z.js";
import { twoSidedZ } from "../../stats/two-sided-z.js";
import { wilsonInterval } from "../../stats/wilson.js";
import { InputError } from "../../table/errors.js";
export function checkArm(arm, name) {
    if (!Number.isInteger(arm.n) || arm.n <= 0)
        throw new InputError(`${name}: n must be a positive integer, got ${arm.n}`);
    if (!Number.isInteger(arm.conversions) || arm.conversions < 0 || arm.conversions > arm.n)
        throw new InputError(`${name}: conversions must be an integer in [0, ${arm.n}], got ${arm.conversions}`);
}
export function compareProportions(control, treatment, level = 0.95) {
    checkArm(control, "control");
    checkArm(treatment, "treatment");
    const p1 = control.conversions / control.n;
    const p2 = treatment.conversions / treatment.n;
    const d = p2 - p1;
    const [l1, u1] = wilsonInterval(control.conversions, control.n, level);
    const [l2, u2] = wilsonInterval(treatment.conversions, treatment.n, level);
    const ci = [
        d - Math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2),
        d + Math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2),
    ];
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
