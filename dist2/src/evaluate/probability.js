/**
 * Metrics of the probabilities themselves: log loss (natural log, clipped to [1e-15, 1 − 1e-15] as
 * scikit-learn 1.2), Brier score, and expected calibration error over 10 equal-width bins.
 */
export const LOG_LOSS_EPS = 1e-15;
/** One row's log loss. The y = 0 case is computed as −ln(1 − p), as sklearn does. */
export function logLossTerm(score, label) {
    const p = Math.min(Math.max(score, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
    return label === 1 ? -Math.log(p) : -Math.log(1 - p);
}
export function logLoss(scores, labels) {
    let sum = 0;
    for (let i = 0; i < scores.length; i++)
        sum += logLossTerm(scores[i], labels[i]);
    return sum / scores.length;
}
export function brier(scores, labels) {
    let sum = 0;
    for (let i = 0; i < scores.length; i++) {
        const d = scores[i] - labels[i];
        sum += d * d;
    }
    return sum / scores.length;
}
export const CALIBRATION_BINS = 10;
/**
 * The equal-width bin of a score: bin k holds k/B ≤ s < (k+1)/B, and the last bin also holds s = 1.
 * floor(B·s) can land one bin off next to an edge in floating point, so it is checked against the
 * edges themselves.
 */
export function calibrationBin(score, bins = CALIBRATION_BINS) {
    let k = Math.floor(score * bins);
    if (k >= bins)
        return bins - 1;
    if (k < 0)
        return 0;
    if (score < k / bins)
        k--;
    else if (k + 1 < bins && score >= (k + 1) / bins)
        k++;
    return k;
}
/** The reliability diagram: per equal-width bin, the mean score against the observed positive rate. */
export function calibrationCurve(scores, labels, bins = CALIBRATION_BINS) {
    const count = new Float64Array(bins);
    const sumScore = new Float64Array(bins);
    const sumLabel = new Float64Array(bins);
    for (let i = 0; i < scores.length; i++) {
        const k = calibrationBin(scores[i], bins);
        count[k]++;
        sumScore[k] += scores[i];
        sumLabel[k] += labels[i];
    }
    return Array.from({ length: bins }, (_, k) => {
        const n = count[k];
        const meanScore = n > 0 ? sumScore[k] / n : null;
        const meanLabel = n > 0 ? sumLabel[k] / n : null;
        return {
            bin: k,
            lower: k / bins,
            upper: (k + 1) / bins,
            count: n,
            meanScore,
            meanLabel,
            absGap: meanScore === null || meanLabel === null ? null : Math.abs(meanLabel - meanScore),
        };
    });
}
/** ECE = Σ over non-empty bins of (n_bin / n)·|mean(y) − mean(s)|. */
export function expectedCalibrationError(scores, labels, bins = CALIBRATION_BINS) {
    let sum = 0;
    for (const b of calibrationCurve(scores, labels, bins))
        if (b.absGap !== null)
            sum += b.count * b.absGap;
    return sum / scores.length;
}
