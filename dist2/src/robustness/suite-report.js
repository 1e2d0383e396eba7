export function suiteChecks(outcomes) {
    return outcomes.map((o) => ({
        check: `robustness.${o.type}`,
        subject: { group: o.name },
        status: o.status,
        severity: o.status === "fail" || o.status === "error" ? "error" : undefined,
        value: o.rate,
        threshold: o.tolerance,
        ...(o.ci ? { ci: o.ci } : {}),
        n: o.rows,
        failures: o.failures,
        relation: o.relation,
        line: o.line,
        message: `${o.name}: ${o.message}`,
        examples: o.examples,
    }));
}
export function summariseSuite(outcomes) {
    const count = (s) => outcomes.filter((o) => o.status === s).length;
    return {
        tests: outcomes.length,
        passed: count("pass"),
        failed: count("fail"),
        errors: count("error"),
        insufficient: count("insufficient"),
    };
}
