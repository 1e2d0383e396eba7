export const sigmoid = (z) => 1 / (1 + Math.exp(-z));
export function initialScore(loss, y) {
    let s = 0;
    for (let i = 0; i < y.length; i++)
        s += y[i];
    const mean = y.length > 0 ? s / y.length : 0;
    if (loss === "l2")
        return mean;
    const p = Math.min(Math.max(mean, 1e-15), 1 - 1e-15);
    return Math.log(p / (1 - p));
}
export function gradients(loss, raw, y, gradient, hessian) {
    if (loss === "l2") {
        for (let i = 0; i < raw.length; i++) {
            gradient[i] = raw[i] - y[i];
            hessian[i] = 1;
        }
        return;
    }
    for (let i = 0; i < raw.length; i++) {
        const p = sigmoid(raw[i]);
        gradient[i] = p - y[i];
        hessian[i] = p * (1 - p);
    }
}
/** Mean loss of raw scores: log loss (natural log, probabilities clipped to [1e-15, 1 − 1e-15]) or ½·MSE. */
export function meanLoss(loss, raw, y) {
    let s = 0;
    for (let i = 0; i < raw.length; i++) {
        if (loss === "l2")
            s += 0.5 * (raw[i] - y[i]) ** 2;
        else {
            const p = Math.min(Math.max(sigmoid(raw[i]), 1e-15), 1 - 1e-15);
            s -= y[i] === 1 ? Math.log(p) : Math.log(1 - p);
        }
    }
    return raw.length > 0 ? s / raw.length : Number.NaN;
}
