/** Fuzzing results as check results (fuzz.crash, fuzz.non_finite, fuzz.out_of_range, fuzz.unstable) and text. */
import { textTable } from "../report/format.js";
const WHAT = {
    crash: "the model threw",
    non_finite: "a non-finite score (NaN or ±∞)",
    out_of_range: "a probability outside [0, 1]",
    unstable: "a score that jumps under a nudge far below measurement error",
};
export function fuzzChecks(result) {
    return result.kindsChecked.map((kind) => {
        const f = result.failures.find((x) => x.kind === kind);
        if (!f)
            return {
                check: `fuzz.${kind}`,
                status: "pass",
                value: 0,
                n: result.rows,
                message: `no ${WHAT[kind]} in ${result.rows} generated rows`,
            };
        return {
            check: `fuzz.${kind}`,
            // Instability can be a real step of a tree at a split point: a warning to look at, not a crash.
            status: kind === "unstable" ? "warn" : "fail",
            severity: kind === "unstable" ? "warning" : "error",
            value: f.count,
            n: result.rows,
            message: `${WHAT[kind]} on ${f.count} of ${result.rows} generated rows; shrunk in ${f.shrinkSteps} steps to ${JSON.stringify(f.row)} (${f.detail})`,
            examples: [{ row: f.row, score: f.score, detail: f.detail }],
        };
    });
}
export function renderFuzzText(title, result, checks) {
    const lines = [
        title,
        `${result.rows} rows in ${result.calls} model calls, ${result.seconds.toFixed(2)} s (${Math.round(result.rowsPerSecond)} rows/s; model ${(1000 * result.latencyPerRowMs).toFixed(1)} µs per row)`,
        "",
        textTable(["status", "check", "rows failing"], checks.map((c) => [c.status.toUpperCase(), c.check, String(c.value ?? 0)])),
    ];
    for (const f of result.failures)
        lines.push("", `${f.kind}: ${f.detail}`, `  minimal row: ${JSON.stringify(f.row)}`);
    lines.push("");
    return lines.join("\n");
}
