export function fitLogistic(x, y, p, options = {}) {
    const n = y.length;
    const lambda = 1 / ((options.C ?? 1) * n);
    const q = p + 1; // last coordinate is the intercept
    const beta = new Float64Array(q);
    const hessian = new Float64Array(q * q);
    const gradient = new Float64Array(q);
    const row = new Float64Array(q);
    let iterations = 0;
    for (; iterations < (options.maxIterations ?? 50); iterations++) {
        hessian.fill(0);
        gradient.fill(0);
        for (let i = 0; i < n; i++) {
            let z = beta[p];
            for (let j = 0; j < p; j++) {
                row[j] = x[i * p + j];
                z += row[j] * beta[j];
            }
            row[p] = 1;
            const prob = 1 / (1 + Math.exp(-z));
            const r = prob - y[i];
            const w = Math.max(prob * (1 - prob), 1e-12);
            for (let j = 0; j < q; j++) {
                const rj = row[j];
                if (rj === 0)
                    continue;
                gradient[j] += r * rj;
                const wr = w * rj;
                for (let k = 0; k <= j; k++)
                    hessian[j * q + k] += wr * row[k];
            }
        }
        for (let j = 0; j < q; j++) {
            gradient[j] /= n;
            for (let k = 0; k <= j; k++) {
                hessian[j * q + k] /= n;
                hessian[k * q + j] = hessian[j * q + k];
            }
        }
        for (let j = 0; j < p; j++) {
            gradient[j] += lambda * beta[j];
            hessian[j * q + j] += lambda;
        }
        const step = solveSymmetric(hessian, gradient, q);
        let largest = 0;
        for (let j = 0; j < q; j++) {
            beta[j] -= step[j];
            largest = Math.max(largest, Math.abs(step[j]));
        }
        if (largest < (options.tolerance ?? 1e-8)) {
            iterations++;
            break;
        }
    }
    return { weights: beta.slice(0, p), intercept: beta[p], iterations };
}
export function predictLogistic(fit, x, rows) {
    const p = fit.weights.length;
    const out = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
        let z = fit.intercept;
        for (let j = 0; j < p; j++)
            z += x[i * p + j] * fit.weights[j];
        out[i] = 1 / (1 + Math.exp(-z));
    }
    return out;
}
/** Solves A·x = b for symmetric positive-definite A (Cholesky, with a tiny ridge if it is not quite PD). */
export function solveSymmetric(a, b, q) {
    const l = new Float64Array(q * q);
    for (let ridge = 0;; ridge = ridge === 0 ? 1e-10 : ridge * 100) {
        let ok = true;
        for (let j = 0; j < q && ok; j++) {
            let s = a[j * q + j] + ridge;
            for (let k = 0; k < j; k++)
                s -= l[j * q + k] ** 2;
            if (!(s > 0))
                ok = false;
            const d = Math.sqrt(s);
            l[j * q + j] = d;
            for (let i = j + 1; i < q && ok; i++) {
                let t = a[i * q + j];
                for (let k = 0; k < j; k++)
                    t -= l[i * q + k] * l[j * q + k];
                l[i * q + j] = t / d;
            }
        }
        if (ok || ridge > 1)
            break;
    }
    const z = new Float64Array(q);
    for (let i = 0; i < q; i++) {
        let s = b[i];
        for (let k = 0; k < i; k++)
            s -= l[i * q + k] * z[k];
        z[i] = s / l[i * q + i];
    }
    const x = new Float64Array(q);
    for (let i = q - 1; i >= 0; i--) {
        let s = z[i];
        for (let k = i + 1; k < q; k++)
            s -= l[k * q + i] * x[k];
        x[i] = s / l[i * q + i];
    }
    return x;
}
