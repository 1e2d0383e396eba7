import { DRIFT_CHECK_STATUS } from "../../drift/check-status.js";
import { defaultPolicy } from "../../drift/policy.js";
import { compareProfiles } from "../../drift/profiles.js";
import { formatNumber } from "../../report/format.js";
import { columnDrift } from "../feature-drift.js";
import { monitorCheck } from "./check.js";
import { column } from "./inputs.js";
import { psiCheck } from "./psi-check.js";
/**
 * Feature drift, two ways. `feature_drift` and `dataset_drift_share` apply the project's drift policy to the
 * two profiles (`compareProfiles`, src/drift/: effect size per column type with a test, missingness,
 * unseen categories and range as signals of their own, Benjamini–Hochberg across all signals, a dataset
 * verdict). `feature_psi` is the monitoring classic: PSI over reference deciles with a chi-square test
 * (feature-drift.ts), whose threshold is a service option.
 */
export const dataDrift = {
    ids: ["feature_drift", "feature_psi", "dataset_drift_share"],
    run: featureDrift,
};
function featureDrift({ spec, summary, reference, options }) {
    const out = [];
    const names = spec.features.map((f) => f.name);
    let policy = null;
    let policyError = null;
    if (reference && summary) {
        try {
            const present = names.filter((n) => column(reference, n) && column(summary.profile, n));
            policy = compareProfiles(reference, summary.profile, options?.policy ?? defaultPolicy(), present);
        }
        catch (error) {
            policyError = error.message;
        }
    }
    for (const f of spec.features) {
        const subject = { column: f.name };
        const ref = column(reference, f.name);
        const cur = column(summary?.profile, f.name);
        if (!ref || !cur) {
            const message = ref ? "no data in the window" : "the reference profile has no such column";
            for (const id of ["feature_drift", "feature_psi"])
                out.push(monitorCheck(id, subject, { status: "insufficient", value: null, n: cur?.count ?? 0, message }));
            continue;
        }
        const c = policy?.columns.find((x) => x.name === f.name);
        if (c) {
            const distribution = c.signals.find((s) => s.signal === "distribution");
            out.push(monitorCheck("feature_drift", subject, {
                status: DRIFT_CHECK_STATUS[c.status],
                value: c.effect.value,
                threshold: c.effect.threshold,
                method: c.effect.method,
                n: c.rows.current,
                pValue: distribution?.qValue ?? null,
                message: `${c.status}: ${c.signals
                    .filter((s) => s.status !== "stable")
                    .map((s) => s.reason)
                    .join("; ") ||
                    `${c.effect.method} ${formatNumber(c.effect.value)} below ${formatNumber(c.effect.threshold)}`}`,
                details: {
                    status: c.status,
                    kind: c.kind,
                    signals: c.signals.map((s) => ({
                        signal: s.signal,
                        effect: s.effect,
                        effectName: s.effectName,
                        threshold: s.threshold,
                        test: s.test,
                        pValue: s.pValue,
                        qValue: s.qValue,
                        status: s.status,
                    })),
                },
            }));
        }
        else
            out.push(monitorCheck("feature_drift", subject, {
                status: "insufficient",
                value: null,
                n: cur.count,
                message: policyError ? `drift policy failed: ${policyError}` : "not compared",
            }));
        out.push(psiCheck("feature_psi", subject, columnDrift(ref, cur, options), options));
    }
    const tested = policy ? policy.columns.filter((c) => c.status !== "insufficient").length : 0;
    out.push(monitorCheck("dataset_drift_share", null, {
        status: !policy || tested === 0 ? "insufficient" : policy.drifted ? "fail" : "pass",
        value: policy && tested > 0 ? policy.share : null,
        n: tested,
        message: !policy
            ? (policyError ?? "no reference profile or no data in the window")
            : `${policy.counts.drift} of ${tested} features drifted (${policy.rule})`,
    }));
    return out;
}
