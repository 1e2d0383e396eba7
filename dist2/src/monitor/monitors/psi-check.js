import { formatNumber, formatPValue } from "../../report/format.js";
import { DEFAULT_PSI_THRESHOLD } from "../feature-drift.js";
import { monitorCheck } from "./check.js";
/** A PSI reading (feature_psi, prediction_drift) as a check: it fails where the PSI verdict says drifted. */
export function psiCheck(id, subject, d, options, what = "") {
    return monitorCheck(id, subject, {
        status: d.score === null ? "insufficient" : d.drifted ? "fail" : "pass",
        value: d.score,
        threshold: options?.psiThreshold ?? DEFAULT_PSI_THRESHOLD,
        method: d.method,
        n: d.currentCount,
        pValue: d.pValue,
        message: d.score === null
            ? (d.reason ?? "not computable")
            : `${what}PSI ${formatNumber(d.score)} over ${d.bins} ${d.kind} bins, chi-square p ${formatPValue(d.pValue)}: ${d.drifted ? "drifted" : "no drift"}`,
        details: { kind: d.kind, statistic: d.statistic, bins: d.bins, referenceCount: d.referenceCount },
    });
}
