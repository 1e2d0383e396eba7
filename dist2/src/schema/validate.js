import { num } from "./anomaly.js";
import { countDuplicateRows, duplicateExamples, judgeDuplicateRows } from "./checks/duplicate-rows.js";
import { attachExamples } from "./checks/examples.js";
import { planFormat } from "./checks/format.js";
import { planMissingRate } from "./checks/missing-rate.js";
import { planNonFinite } from "./checks/non-finite.js";
import { explainOutOfDomain, planOutOfDomain } from "./checks/out-of-domain.js";
import { planOutOfRange } from "./checks/out-of-range.js";
import { judgeRowCount } from "./checks/row-count.js";
import { Scan } from "./checks/scan.js";
import { planTypeMismatch } from "./checks/type-mismatch.js";
import { planUnique } from "./checks/unique.js";
import { judgeUnitChanges, planUnitChange } from "./checks/unit-change.js";
import { columnSetChecks } from "./column-set.js";
import { sqlIdent } from "./sql.js";
/** The per-column check families in the order their results are reported. */
const COLUMN_CHECKS = [
    planMissingRate,
    planNonFinite,
    planOutOfRange,
    planOutOfDomain,
    planFormat,
    planUnique,
];
export async function validateBatch(input) {
    const { schema, relation, query } = input;
    const maxExamples = input.maxExamples ?? 5;
    const byName = new Map(input.columns.map((c) => [c.name, c]));
    const scan = new Scan();
    const judges = [];
    const unitCandidates = [];
    for (const contract of schema.columns) {
        const info = byName.get(contract.name);
        if (!info)
            continue;
        const { col, typeJudge } = planColumn(schema, contract, info, relation, scan);
        if (typeJudge)
            judges.push(typeJudge);
        for (const plan of COLUMN_CHECKS) {
            const judge = plan(col, scan);
            if (judge)
                judges.push(judge);
        }
        const unit = planUnitChange(col, scan);
        if (unit)
            unitCandidates.push(unit);
    }
    const [aggRows, duplicates] = await Promise.all([
        query(scan.query(relation)),
        countDuplicateRows(schema, input.columns, relation, input.queryConcurrent ?? query),
    ]);
    const agg = aggRows[0] ?? {};
    const rows = num(agg.__rows);
    const pending = [
        ...columnSetChecks(schema, input.columns).map((result) => ({ result })),
        ...judges.map((judge) => judge(agg, rows)),
        ...(await judgeUnitChanges(schema, unitCandidates, agg, relation, query)),
        judgeRowCount(schema, rows),
        ...(duplicates !== null ? [judgeDuplicateRows(schema, duplicates, rows)] : []),
    ];
    await attachExamples(pending, input.columns, relation, query, maxExamples);
    const duplicateResult = pending.find((p) => p.result.check === "data.duplicate_rows" && p.result.status !== "pass");
    if (duplicateResult)
        await duplicateExamples(duplicateResult.result, input.columns, relation, query, maxExamples);
    await explainOutOfDomain(pending, schema, byName, relation, query);
    return { rows, results: pending.map((p) => p.result) };
}
/** A contract column as the families see it: its SQL, its numeric view, and the type check that set it. */
function planColumn(schema, contract, info, relation, scan) {
    const sql = sqlIdent(info.name);
    const present = scan.add(`count(${sql})::DOUBLE`);
    const base = { schema, contract, info, relation, sql, present };
    const { numeric, judge } = planTypeMismatch(base, scan);
    return {
        col: { ...base, numeric, integral: info.type === "integer" && numeric === sql },
        typeJudge: judge,
    };
}
