import { rateLowerBound } from "../stats/clopper-pearson.js";
import { wilsonInterval } from "../stats/wilson.js";
export function judgeFailures(failures, rows, tolerance, minRows, level = 0.95) {
    if (rows === 0)
        return { status: "insufficient", rate: null, ci: null };
    const ci = wilsonInterval(failures, rows, level);
    const rate = failures / rows;
    if (ci[0] > tolerance && rateLowerBound(failures, rows, 1 - (1 - level) / 2) > tolerance)
        return { status: "fail", rate, ci };
    if (ci[1] > tolerance && rows < minRows)
        return { status: "insufficient", rate, ci };
    return { status: "pass", rate, ci };
}
