/**
 * `assay abtest`: two-arm online experiments — conversion (counts) or continuous outcomes, a
 * sequential test that stays valid under peeking (mSPRT), and a sample-size calculator.
 */
import { sequentialTest } from "../compat/abtest/msprt.js";
import { compareProportions } from "../compat/abtest/proportions.js";
import { sampleSizeMeans, sampleSizeProportions } from "../compat/abtest/sample-size.js";
import { summarize, welchTest } from "../compat/abtest/welch.js";
import { readTable } from "../model/index.js";
import { formatFixed, formatPValue } from "../report/format.js";
import { makeReport } from "../report/report.js";
import { numberOption, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { printJson, saveEvidence } from "./output.js";
import { sourceFromArgs } from "./source-args.js";
const HELP = `usage:
  assay abtest <source> --arm COL --outcome COL [--control A] [--treatment B] [--kind conversion|continuous]
               [--sequential] [--tau T] [--order COL] [--alpha A] [--json]
  assay abtest --counts CONV/N,CONV/N [--alpha A] [--json]          control first, then treatment
  assay abtest --means MEAN,SD,N:MEAN,SD,N [--alpha A] [--json]     control first, then treatment
  assay abtest size --baseline P --mde D [--alpha A] [--power P]    units per arm, conversion
  assay abtest size --sd S --mde D [--alpha A] [--power P]          units per arm, continuous

Differences are treatment − control. Conversion: pooled two-proportion z-test, Newcombe score
interval (and Wald). Continuous: Welch's t-test and interval. --sequential adds the mixture SPRT
(mSPRT): an always-valid p-value and confidence sequence over the rows in arrival order (or
sorted by --order), valid however often the experiment was looked at. --tau is the standard
deviation of the effect mixture (default: 0.1 × the pooled outcome SD); --mde in 'size' is an
absolute difference (0.02 = two percentage points).

exit: 0 analysed, 2 usage or input error`;
const OPTIONS = {
    sql: { type: "string" },
    arm: { type: "string" },
    outcome: { type: "string" },
    control: { type: "string" },
    treatment: { type: "string" },
    kind: { type: "string" },
    sequential: { type: "boolean" },
    tau: { type: "string" },
    order: { type: "string" },
    alpha: { type: "string" },
    power: { type: "string" },
    counts: { type: "string" },
    means: { type: "string" },
    baseline: { type: "string" },
    sd: { type: "string" },
    mde: { type: "string" },
    json: { type: "boolean" },
};
export async function run(argv) {
    const { values: v, positionals, help } = parseCommand(argv, OPTIONS, HELP);
    if (help)
        return 0;
    const alpha = numberOption(v.alpha, "--alpha", { min: 1e-9, max: 0.5 }) ?? 0.05;
    const level = 1 - alpha;
    if (positionals[0] === "size")
        return sampleSize(v, alpha);
    let body;
    let inputs = [];
    if (typeof v.counts === "string") {
        const [control, treatment] = parsePairs(v.counts, "--counts", /^\s*(\d+)\s*\/\s*(\d+)\s*$/, "CONV/N,CONV/N");
        body = conversionBody(compareProportions(toArm(control), toArm(treatment), level));
    }
    else if (typeof v.means === "string") {
        const parts = v.means.split(":");
        if (parts.length !== 2)
            throw new UsageError("--means expects MEAN,SD,N:MEAN,SD,N (control first)");
        const [control, treatment] = parts.map((p) => toSummary(p));
        body = continuousBody(welchTest(control, treatment, level));
    }
    else {
        const arm = requireString(v.arm, "--arm COL");
        const outcome = requireString(v.outcome, "--outcome COL");
        const source = await sourceFromArgs(positionals, v.sql);
        for (const [flag, name] of [
            ["--arm", arm],
            ["--outcome", outcome],
            ["--order", v.order],
        ])
            if (typeof name === "string" && !source.columns.some((c) => c.name === name))
                throw new UsageError(`${flag}: ${source.name} has no column '${name}'`);
        const columns = [arm, outcome, ...(typeof v.order === "string" ? [v.order] : [])];
        const table = await readTable(source, columns);
        const armColumn = table.columns[0];
        const outcomeColumn = table.columns[1];
        const orderColumn = typeof v.order === "string" ? table.columns[2] : undefined;
        const { armIndex, names } = armsOf(armColumn, v.control, v.treatment);
        const values = outcomeValues(outcomeColumn);
        // Rows of neither arm, or without an outcome, are left out (and counted).
        let order = Array.from({ length: table.length }, (_, i) => i).filter((i) => armIndex[i] >= 0 && !Number.isNaN(values[i]));
        const excluded = table.length - order.length;
        if (orderColumn) {
            const key = orderColumn.values;
            order = order.sort((a, b) => (key[a] ?? "") < (key[b] ?? "") ? -1 : (key[a] ?? "") > (key[b] ?? "") ? 1 : a - b);
        }
        const kind = v.kind ?? (isBinary(values, order) ? "conversion" : "continuous");
        if (kind !== "conversion" && kind !== "continuous")
            throw new UsageError(`--kind must be conversion or continuous, got '${kind}'`);
        if (kind === "conversion" && !isBinary(values, order))
            throw new UsageError(`--kind conversion needs a 0/1 (or true/false) outcome; '${outcome}' has other values`);
        const armOf = Uint8Array.from(order, (i) => armIndex[i]);
        const outcomeOf = Float64Array.from(order, (i) => values[i]);
        const perArm = [0, 1].map((a) => outcomeOf.filter((_, k) => armOf[k] === a));
        for (const a of [0, 1])
            if (perArm[a].length < 2)
                throw new UsageError(`arm '${names[a]}' has ${perArm[a].length} usable rows; need at least 2`);
        if (kind === "conversion") {
            const arms = perArm.map((xs) => ({ conversions: xs.reduce((s, x) => s + x, 0), n: xs.length }));
            body = conversionBody(compareProportions(arms[0], arms[1], level));
        }
        else
            body = continuousBody(welchTest(summarize(perArm[0]), summarize(perArm[1]), level));
        body.arms = { control: names[0], treatment: names[1] };
        body.excludedRows = excluded;
        if (v.sequential) {
            const pooledSd = summarize(outcomeOf).sd;
            const tau = numberOption(v.tau, "--tau", { min: 1e-12 }) ?? 0.1 * pooledSd;
            if (!(tau > 0))
                throw new UsageError("the outcome does not vary; pass --tau explicitly");
            body.sequential = sequentialBody(sequentialTest(armOf, outcomeOf, { tau, alpha }));
        }
        inputs = [{ name: source.name, digest: await source.digest(), rows: table.length }];
    }
    const report = makeReport("abtest", { inputs, config: { alpha, level, ...pickConfig(v) }, results: [] }, body);
    saveEvidence(report);
    if (v.json)
        printJson(report);
    else
        process.stdout.write(text(body));
    return 0;
}
function sampleSize(v, alpha) {
    const power = numberOption(v.power, "--power", { min: 0.01, max: 0.9999 }) ?? 0.8;
    const mde = numberOption(v.mde, "--mde");
    if (mde === undefined || mde === 0)
        throw new UsageError("size needs --mde D: the (absolute) difference to detect, not 0");
    let perArm;
    let body;
    if (v.baseline !== undefined) {
        const baseline = numberOption(v.baseline, "--baseline", { min: 0, max: 1 });
        const target = baseline + mde;
        if (!(target > 0 && target < 1))
            throw new UsageError(`--baseline ${baseline} + --mde ${mde} leaves (0, 1)`);
        perArm = sampleSizeProportions(baseline, target, { alpha, power });
        body = {
            kind: "conversion",
            baseline,
            target,
            method: "normal approximation, pooled variance under H0 (Fleiss, no continuity correction)",
        };
    }
    else if (v.sd !== undefined) {
        const sd = numberOption(v.sd, "--sd", { min: 1e-300 });
        perArm = sampleSizeMeans(sd, mde, { alpha, power });
        body = {
            kind: "continuous",
            sd,
            effect: mde,
            method: "two-sample t, equal SDs, t quantiles iterated on df = 2n − 2",
        };
    }
    else
        throw new UsageError("size needs --baseline P (conversion) or --sd S (continuous)");
    const out = { ...body, mde, alpha, power, perArm, total: 2 * perArm };
    if (v.json)
        printJson(makeReport("abtest.size", { inputs: [], config: { alpha, power, mde }, results: [] }, out));
    else
        process.stdout.write(`${perArm} units per arm (${2 * perArm} in total) to detect ${mde} with power ${power} at α = ${alpha}\n`);
    return 0;
}
function requireString(value, what) {
    if (typeof value !== "string" || value.trim() === "")
        throw new UsageError(`missing ${what} (see --help)`);
    return value;
}
function parsePairs(text, flag, pattern, shape) {
    const parts = text.split(",");
    if (parts.length !== 2)
        throw new UsageError(`${flag} expects ${shape} (control first)`);
    return parts.map((p) => {
        const m = pattern.exec(p);
        if (!m)
            throw new UsageError(`${flag}: '${p}' is not of the form ${shape.split(",")[0]}`);
        return m;
    });
}
function toArm(m) {
    return { conversions: Number(m[1]), n: Number(m[2]) };
}
function toSummary(text) {
    const parts = text.split(",").map((s) => Number(s.trim()));
    if (parts.length !== 3 ||
        parts.some((x) => !Number.isFinite(x)) ||
        parts[1] < 0 ||
        !Number.isInteger(parts[2]))
        throw new UsageError(`--means: '${text}' is not MEAN,SD,N`);
    return { mean: parts[0], sd: parts[1], n: parts[2] };
}
function armsOf(column, control, treatment) {
    const labels = Array.from(column.values, (x, i) => column.valid[i] ? String(x) : null);
    const distinct = [...new Set(labels.filter((x) => x !== null))].sort();
    let names;
    if (control !== undefined || treatment !== undefined) {
        const c = control ?? distinct.find((d) => d !== treatment);
        const t = treatment ?? distinct.find((d) => d !== control);
        if (c === undefined || t === undefined)
            throw new UsageError(`arm column '${column.name}' needs two arms`);
        for (const name of [c, t])
            if (!distinct.includes(name))
                throw new UsageError(`arm '${name}' does not occur in '${column.name}' (arms: ${distinct.slice(0, 10).join(", ")})`);
        names = [c, t];
    }
    else {
        if (distinct.length !== 2)
            throw new UsageError(`arm column '${column.name}' has ${distinct.length} values (${distinct.slice(0, 5).join(", ")}); name the two arms with --control and --treatment`);
        names = [distinct[0], distinct[1]];
    }
    const armIndex = Int8Array.from(labels, (x) => (x === names[0] ? 0 : x === names[1] ? 1 : -1));
    return { armIndex, names };
}
function outcomeValues(column) {
    if (column.type !== "string")
        return Float64Array.from(column.values, (x, i) => (column.valid[i] ? x : Number.NaN));
    return Float64Array.from(column.values, (x) => {
        if (x === null)
            return Number.NaN;
        const t = x.trim().toLowerCase();
        if (t === "true")
            return 1;
        if (t === "false")
            return 0;
        const n = Number(t);
        if (t === "" || !Number.isFinite(n))
            throw new UsageError(`outcome '${column.name}' holds text ('${x}'); it must be numbers or true/false`);
        return n;
    });
}
function isBinary(values, rows) {
    return rows.every((i) => values[i] === 0 || values[i] === 1);
}
function conversionBody(r) {
    return {
        kind: "conversion",
        control: r.control,
        treatment: r.treatment,
        difference: { value: r.difference, ci: r.ci, method: "newcombe" },
        waldCi: r.waldCi,
        relativeLift: r.relativeLift,
        test: { name: "two-proportion z (pooled)", statistic: r.z, pValue: r.pValue },
        level: r.level,
    };
}
function continuousBody(r) {
    return {
        kind: "continuous",
        control: r.control,
        treatment: r.treatment,
        difference: { value: r.difference, ci: r.ci, standardError: r.standardError },
        relativeLift: r.relativeLift,
        test: { name: "welch t", statistic: r.t, df: r.df, pValue: r.pValue },
        level: r.level,
    };
}
function sequentialBody(r) {
    return {
        method: "mSPRT (normal mixture, plug-in variances, burn-in 10 per arm)",
        alwaysValidPValue: r.alwaysValidPValue,
        confidenceSequence: r.confidenceSequence,
        stoppedEarly: r.crossed,
        crossedAt: r.crossedAt,
        looks: r.looks,
        tau: r.tau,
        alpha: r.alpha,
    };
}
function pickConfig(v) {
    const keys = [
        "arm",
        "outcome",
        "control",
        "treatment",
        "kind",
        "sequential",
        "tau",
        "order",
        "counts",
        "means",
    ];
    return Object.fromEntries(keys.filter((k) => v[k] !== undefined).map((k) => [k, v[k]]));
}
function text(body) {
    const f = (x, d = 4) => formatFixed(x, d, "n/a");
    const diff = body.difference;
    const test = body.test;
    const c = body.control;
    const t = body.treatment;
    const arms = body.arms;
    const lines = [
        body.kind === "conversion"
            ? `conversion: ${arms?.control ?? "control"} ${c.conversions}/${c.n} (${f(c.rate)}) vs ${arms?.treatment ?? "treatment"} ${t.conversions}/${t.n} (${f(t.rate)})`
            : `continuous: ${arms?.control ?? "control"} mean ${f(c.mean)} (sd ${f(c.sd)}, n ${c.n}) vs ${arms?.treatment ?? "treatment"} mean ${f(t.mean)} (sd ${f(t.sd)}, n ${t.n})`,
        `difference (treatment − control) ${f(diff.value)}  ${Math.round(body.level * 100)}% CI [${f(diff.ci[0])}, ${f(diff.ci[1])}]  relative lift ${f(body.relativeLift, 3)}`,
        `${test.name}: statistic ${f(test.statistic, 3)}, p = ${formatPValue(test.pValue)}`,
    ];
    const s = body.sequential;
    if (s) {
        const cs = s.confidenceSequence;
        lines.push(`sequential (mSPRT, τ = ${f(s.tau)}): always-valid p = ${formatPValue(s.alwaysValidPValue)}, confidence sequence [${f(cs[0])}, ${f(cs[1])}]` +
            (s.stoppedEarly ? `, boundary crossed after ${s.crossedAt} rows` : ", boundary not crossed"));
    }
    return `${lines.join("\n")}\n`;
}
