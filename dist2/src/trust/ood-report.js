const pct = (x) => x === null || x === undefined ? "–" : `${(100 * x).toFixed(2)}%`;
export function oodChecks(s, maxShare, confidence, minFlagged = 30) {
    const results = [];
    const lower = s.flagged.ci?.[0] ?? 0;
    const beyondChance = s.chance !== null && s.chance.upperTail < 0.01;
    const status = lower > maxShare ? "fail" : beyondChance ? "warn" : "pass";
    const chance = s.chance
        ? `rows like the reference give ${pct(s.chance.band[0])}–${pct(s.chance.band[1])}`
        : "";
    results.push({
        check: "ood.share_flagged",
        status: s.chance === null ? "insufficient" : status,
        value: s.flagged.share,
        threshold: maxShare,
        ...(s.flagged.ci ? { ci: s.flagged.ci } : {}),
        ...(s.chance ? { pValue: s.chance.upperTail } : {}),
        message: s.chance === null
            ? `a target false-positive rate of ${s.targetFpr} needs at least ${Math.ceil(1 / s.targetFpr) - 1} held-out reference rows; there are ${s.calibrationRows}`
            : status === "fail"
                ? `${pct(s.flagged.share)} [${pct(s.flagged.ci?.[0])}, ${pct(s.flagged.ci?.[1])}] of the rows are out of distribution, above the ${pct(maxShare)} allowed (${chance})`
                : status === "warn"
                    ? `${pct(s.flagged.share)} of the rows are out of distribution: more than chance (${chance}, p = ${s.chance.upperTail.toPrecision(2)}) but within the ${pct(maxShare)} allowed`
                    : `${pct(s.flagged.share)} of the rows are out of distribution, as chance gives (${chance})`,
        examples: s.topRows
            .filter((r) => r.pValue <= s.targetFpr)
            .slice(0, 5)
            .map((r) => ({ row: r.row, pValue: r.pValue })),
    });
    if (confidence) {
        const d = confidence.difference;
        const enough = confidence.flagged.n >= minFlagged;
        const unaware = enough && d.ci !== null && d.ci[1] >= 0;
        results.push({
            check: "ood.confidence",
            status: enough ? (unaware ? "warn" : "pass") : "insufficient",
            value: d.value,
            ...(d.ci ? { ci: d.ci } : {}),
            message: !enough
                ? `${confidence.flagged.n} flagged rows; at least ${minFlagged} are needed to compare the model's confidence on them`
                : unaware
                    ? `the model is no less confident on the flagged rows (mean ${pct(confidence.flagged.meanConfidence)} vs ${pct(confidence.others.meanConfidence)} on the others): it does not know it does not know`
                    : `the model is less confident on the flagged rows (mean ${pct(confidence.flagged.meanConfidence)} vs ${pct(confidence.others.meanConfidence)})`,
        });
    }
    return results;
}
