/** What a profile alone can flag: values stored under the wrong type, empty columns, non-finite numbers. */
export function profileChecks(profile) {
    const results = [];
    for (const c of profile.columns) {
        const subject = { column: c.name };
        if (c.inferred.issue === "numbers_as_strings")
            results.push({
                check: "profile.numbers_as_strings",
                subject,
                status: "warn",
                severity: "warning",
                value: c.count,
                message: `'${c.name}' is stored as text but every value is a number (${c.inferred.type}); parse it as a number`,
            });
        else if (c.inferred.issue === "mixed_types") {
            const p = c.patterns;
            const numeric = p.integer + p.float;
            results.push({
                check: "profile.mixed_types",
                subject,
                status: "warn",
                severity: "warning",
                value: c.count - numeric,
                message: `'${c.name}' is stored as text: ${numeric} values are numbers and ${c.count - numeric} are not; for example ${(c.nonNumericExamples ?? [])
                    .slice(0, 3)
                    .map((v) => JSON.stringify(v))
                    .join(", ")}`,
                examples: c.nonNumericExamples ?? [],
            });
        }
        if (profile.rows > 0 && c.missing === profile.rows)
            results.push({
                check: "profile.empty_column",
                subject,
                status: "warn",
                severity: "warning",
                value: c.missing,
                message: `'${c.name}' has no values in ${profile.rows} rows`,
            });
        const nonFinite = c.nan + c.posInf + c.negInf;
        if (nonFinite > 0)
            results.push({
                check: "profile.non_finite",
                subject,
                status: "warn",
                severity: "warning",
                value: nonFinite,
                message: `'${c.name}' has ${c.nan} NaN, ${c.posInf} +Inf and ${c.negInf} −Inf values; statistics use finite values only`,
            });
    }
    return results;
}
