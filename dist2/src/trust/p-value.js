/**
 * Conformal p-value of a score against held-out reference scores (higher = more unusual):
 * p = (1 + #{calibration scores ≥ s}) / (n + 1). For a row exchangeable with the calibration rows
 * P(p ≤ α) ≤ α at every α, so flagging p ≤ α holds the false-positive rate by construction (Vovk
 * et al. 2005; Bates et al. 2023, "Testing for outliers with conformal p-values"). Ties count
 * against the row, which keeps the bound.
 */
import { lowerBound } from "./tail-transform.js";
/** `sorted` holds the calibration scores in ascending order. */
export function conformalPValue(sorted, s) {
    const n = sorted.length;
    return (1 + n - lowerBound(sorted, s)) / (n + 1);
}
