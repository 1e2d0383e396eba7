/** The CheckResults of an evaluation: what passed, what deserves a look, what failed a bound. */
import { formatInterval, formatNumber, formatPValue } from "../report/format.js";
import { judgeMetric, metricCheck } from "../report/metric-check.js";
import { BINARY_METRICS } from "./binary.js";
/** The four-fifths rule: a ratio of group rates below 0.8 deserves a look (a warning, not a gate). */
const FOUR_FIFTHS = { min: 0.8, miss: "warn" };
/** What a metric's n counts, where it is not the rows: precision's predicted positives, recall's positives. */
const DENOMINATOR = { precision: "of", recall: "of" };
const DENOMINATOR_NOUN = { precision: "predicted positives", recall: "positives" };
/** One check per metric: a reading with its interval, or a gate where `--fail-under` set a lower bound. */
export function metricChecks(names, metrics, failUnder) {
    return names.map((name) => {
        const m = metrics[name];
        const bound = failUnder[name];
        return metricCheck({
            check: `evaluate.${name}`,
            metric: name,
            value: m.value,
            ci: m.ci,
            condition: bound !== undefined ? { min: bound } : undefined,
            // A metric resting on too few rows is insufficient, not a pass (nor a failed gate).
            reason: m.value === null || m.status === "insufficient" ? (m.reason ?? "undefined") : null,
            context: `${DENOMINATOR[name] ?? "on"} ${formatNumber(m.n)} ${DENOMINATOR_NOUN[name] ?? "rows"}`,
        });
    });
}
export function evaluationChecks(e, failUnder = {}) {
    const out = [];
    out.push(...metricChecks(BINARY_METRICS, e.metrics, failUnder));
    for (const [attribute, f] of Object.entries(e.fairness)) {
        const ratio = f.demographicParityRatio;
        out.push(metricCheck({
            check: "fairness.demographic_parity",
            subject: { column: attribute },
            metric: `selection-rate ratio by ${attribute}`,
            value: ratio.value,
            ci: ratio.ci,
            condition: FOUR_FIFTHS,
            reason: ratio.value === null ? ratio.reason : null,
            context: `(difference ${formatNumber(f.demographicParityDifference.value)}${allGroupsNote(f.excludedGroups, f.allGroups.demographicParityDifference)}; the four-fifths rule)`,
        }));
        const eo = f.equalizedOddsRatio;
        // Judged on the ratio, as demographic parity; reported as the difference, Fairlearn's headline number.
        out.push({
            check: "fairness.equalized_odds",
            subject: { column: attribute },
            status: judgeMetric(eo, FOUR_FIFTHS),
            value: f.equalizedOddsDifference.value,
            ...(f.equalizedOddsDifference.ci ? { ci: f.equalizedOddsDifference.ci } : {}),
            message: eo.value === null
                ? `equalized odds by ${attribute} cannot be assessed: ${eo.reason}`
                : `equalized-odds difference by ${attribute} is ${formatNumber(f.equalizedOddsDifference.value)}${f.equalizedOddsDifference.ci ? ` ${formatInterval(f.equalizedOddsDifference.ci, formatNumber)}` : ""} (ratio ${formatNumber(eo.value)}${allGroupsNote(f.excludedGroups, f.allGroups.equalizedOddsDifference)})`,
        });
        for (const [group, g] of Object.entries(f.groups)) {
            if (g.status === "insufficient") {
                out.push({
                    check: "fairness.group",
                    subject: { column: attribute, group },
                    status: "insufficient",
                    message: `group ${attribute} = ${group} is too small to assess (${g.reason}); it is listed but left out of the differences`,
                });
                continue;
            }
            if (group === f.aequitas.referenceGroup)
                continue;
            const outside = (f.aequitas.groups[group] ?? []).filter((d) => d.withinTau === false);
            if (outside.length > 0)
                out.push({
                    check: "fairness.disparity",
                    subject: { column: attribute, group },
                    status: "warn",
                    message: `${attribute} = ${group} vs ${f.aequitas.referenceGroup}: ${outside
                        .map((d) => `${d.metric} disparity ${formatNumber(d.disparity)}`)
                        .join(", ")} outside [${f.aequitas.tau}, ${formatNumber(1 / f.aequitas.tau)}]`,
                });
        }
    }
    for (const s of e.slices) {
        if (!s.significant || s.restErrorRate === null || s.errorRate <= s.restErrorRate)
            continue;
        out.push({
            check: "slice.weak",
            subject: { slice: s.slice },
            status: "warn",
            value: s.errorRate,
            pValue: s.pValueAdjusted ?? undefined,
            message: `error rate ${formatNumber(s.errorRate)} on ${s.count} rows where ${s.slice}, vs ${formatNumber(s.restErrorRate)} elsewhere (adjusted p ${formatPValue(s.pValueAdjusted)})`,
        });
    }
    if (e.baseline)
        out.push({
            check: "baseline.comparison",
            status: e.baseline.baselineMatchesModel ? "warn" : "pass",
            value: e.baseline.rocAucDifference.value,
            ...(e.baseline.rocAucDifference.ci ? { ci: e.baseline.rocAucDifference.ci } : {}),
            message: e.baseline.finding,
        });
    return out;
}
/** "; all groups, as Fairlearn: 0.41" when small groups were left out (the number a Fairlearn user sees). */
function allGroupsNote(excluded, value) {
    if (excluded.length === 0)
        return "";
    return `; with the ${excluded.length} small group${excluded.length === 1 ? "" : "s"} too, as Fairlearn counts: ${formatNumber(value)}`;
}
