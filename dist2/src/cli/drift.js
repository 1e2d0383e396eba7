import { readFileSync } from "node:fs";
import { DRIFT_CHECK_STATUS } from "../drift/check-status.js";
import { applyOverride, parseAssignments, policyFromConfig } from "../drift/config.js";
import { defaultPolicy, resolveRule } from "../drift/policy.js";
import { readProfileSamples } from "../drift/profile-samples.js";
import { pooledCategories, readColumnSamples } from "../drift/source-samples.js";
import { renderDriftText } from "../drift/text.js";
import { compareColumns } from "../drift/verdict.js";
import { isProfileFile, readProfile } from "../io/profile-file.js";
import { openSources } from "../io/source.js";
import { makeReport } from "../report/report.js";
import { InputError, inContext } from "../table/errors.js";
import { listOption, numberOption, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { printJson, saveEvidence, writeTextFile } from "./output.js";
const HELP = `assay drift <reference> <current> [options]

Compares a current table with a reference, column by column, and gives a dataset verdict.
Numeric columns: two-sample Kolmogorov–Smirnov (exact p for small samples, as SciPy), Wasserstein (raw and
÷ reference σ), PSI and Jensen–Shannon on reference-decile bins, share out of the reference range.
Categorical columns: chi-square homogeneity on the 2×k table, Jensen–Shannon, L∞, PSI, unseen categories.
Every column: change in missing rate (two-proportion z test).

A column drifts when its effect size reaches a practical threshold AND its test rejects after
Benjamini–Hochberg correction across all tests; 'insufficient' when the sample is too small to tell.
The dataset drifts when at least one column drifts (see --share). Exit code 1 when it drifts.

  <reference> <current>   data files (.csv .tsv .parquet .json .ndjson .jsonl .arrow) or saved profiles
                          (assay profile X --out x.profile.json); either side may be a profile
  --reference-sql "…"     use a DuckDB query as the reference instead of a file (same for --current-sql)
  --current-sql "…"
  --columns a,b           compare only these columns
  --ignore a,b            leave these columns out
  --config FILE           YAML/JSON policy: alpha, numeric/categorical {method, threshold}, types, columns
  --method K=M,…          effect size per column or type (K = column, numeric, categorical, integer, string …;
                          M = wasserstein | ks | psi | js for numeric, js | linf | psi for categorical)
  --threshold K=V,…       practical threshold per column or type
  --alpha A               false discovery rate for the Benjamini–Hochberg procedure (default 0.05)
  --share S               the dataset drifts only when at least this share of columns drifts (default: any)
  --json                  print the drift Report as JSON on stdout
  --html FILE             write a self-contained HTML report with overlaid distributions per column

defaults: numeric wasserstein ÷ σ_ref ≥ 0.1 with KS; categorical Jensen–Shannon (base 2) ≥ 0.1 with χ²;
missing rate |Δ| ≥ 0.01; unseen share ≥ 0.01; out-of-range share ≥ 0.01. Formulas: docs/drift.md.

examples:
  assay drift train.parquet serving.parquet
  assay drift --reference-sql "SELECT * FROM 'flights.parquet' WHERE month(date)=1" \\
              --current-sql "SELECT * FROM 'flights.parquet' WHERE month(date)=6" --ignore date
  assay drift ref.profile.json today.csv --json
`;
export async function run(argv) {
    const { values, positionals, help } = parseCommand(argv, {
        "reference-sql": { type: "string" },
        "current-sql": { type: "string" },
        columns: { type: "string" },
        ignore: { type: "string" },
        config: { type: "string" },
        method: { type: "string" },
        threshold: { type: "string" },
        alpha: { type: "string" },
        share: { type: "string" },
        json: { type: "boolean", default: false },
        html: { type: "string" },
    }, HELP);
    if (help)
        return 0;
    const policy = await buildPolicy(values);
    const [referenceArg, currentArg] = sides(positionals, values);
    // The sides must share one DuckDB (the high-cardinality path joins across them): opened together.
    const tables = [referenceArg, currentArg].filter((a) => !("path" in a && isProfileFile(a.path)));
    const opened = await openSources(tables.map((a) => ("path" in a ? { path: a.path } : { sql: a.sql })));
    const relationOf = (arg) => opened[tables.indexOf(arg)];
    const reference = await openSide(referenceArg, "reference", relationOf(referenceArg));
    const current = await openSide(currentArg, "current", relationOf(currentArg));
    const wanted = listOption(values.columns);
    const common = reference.columns.filter((c) => current.columns.some((d) => d.name === c.name));
    for (const name of wanted ?? []) {
        if (!reference.columns.some((c) => c.name === name))
            throw new UsageError(`${reference.name}: no column named '${name}'`);
        if (!current.columns.some((c) => c.name === name))
            throw new UsageError(`${current.name}: no column named '${name}'`);
    }
    const selected = wanted ? common.filter((c) => wanted.includes(c.name)) : common;
    if (selected.length === 0)
        throw new UsageError(`${reference.name} and ${current.name} have no column in common to compare`);
    const onlyReference = reference.columns
        .filter((c) => !current.columns.some((d) => d.name === c.name))
        .map((c) => c.name);
    const onlyCurrent = current.columns
        .filter((c) => !reference.columns.some((d) => d.name === c.name))
        .map((c) => c.name);
    const plan = selected.map((info) => {
        const other = current.columns.find((c) => c.name === info.name);
        const rule = resolveRule(policy, info.name, info.type);
        const kindOther = resolveRule(policy, other.name, other.type).kind;
        // A column whose type changed is compared as categorical (5 and "5" agree, "5.0" does not),
        // and the change is reported.
        const typeChange = info.type !== other.type ? `${info.type} → ${other.type}` : undefined;
        const kind = rule.kind !== kindOther ? "categorical" : rule.kind;
        return { info, kind, ignore: rule.ignore, typeChange: rule.kind !== kindOther ? typeChange : undefined };
    });
    const active = plan.filter((p) => !p.ignore);
    const [refSamples, curSamples] = await Promise.all([reference.samples(active), current.samples(active)]);
    // High-cardinality categorical columns: DuckDB joins the full frequency tables (exact pooling, exact unseen share)
    if (reference.source && current.source)
        for (const p of active) {
            const a = refSamples.get(p.info.name);
            const b = curSamples.get(p.info.name);
            if (a?.kind !== "categorical" || b?.kind !== "categorical" || !(a.highCardinality || b.highCardinality))
                continue;
            const [pa, pb] = await pooledCategories(reference.source, current.source, p.info.name, {
                reference: { missing: a.missing, rows: a.rows },
                current: { missing: b.missing, rows: b.rows },
            });
            refSamples.set(p.info.name, pa);
            curSamples.set(p.info.name, pb);
        }
    for (const [side, samples] of [
        [reference, refSamples],
        [current, curSamples],
    ]) {
        const first = samples.values().next().value;
        if (side.rows < 0)
            side.rows = first ? first.rows : await side.source.rowCount();
    }
    // a header-only file would make every column insufficient and the dataset "no drift"
    for (const [side, what] of [
        [reference, "reference"],
        [current, "current"],
    ])
        if (side.rows === 0)
            throw new InputError(`${what} ${side.name} has no rows: there is nothing to compare`);
    const pairs = plan.map((p) => ({
        name: p.info.name,
        type: p.info.type,
        typeChange: p.typeChange,
        reference: refSamples.get(p.info.name) ?? emptySample(p.kind),
        current: curSamples.get(p.info.name) ?? emptySample(p.kind),
    }));
    const result = compareColumns(pairs, policy);
    const approximate = reference.approximate || current.approximate;
    const report = makeReport("drift", {
        inputs: [
            { name: reference.name, digest: reference.digest, rows: reference.rows },
            { name: current.name, digest: current.digest, rows: current.rows },
        ],
        config: { ...policy, selectedColumns: wanted ?? null },
        results: checkResults(result),
        summary: {
            status: result.drifted
                ? "fail"
                : result.counts.warn + result.counts.insufficient > 0
                    ? "warn"
                    : "pass",
            drifted: result.drifted,
            verdict: result.drifted ? "drift" : result.insufficient ? "insufficient" : "no drift",
            share: result.share,
            counts: result.counts,
        },
    }, {
        drifted: result.drifted,
        insufficient: result.insufficient,
        share: result.share,
        rule: result.rule,
        approximate: approximate
            ? "one side is a saved profile: statistics come from its sketches (see docs/drift.md for the error)"
            : null,
        columns: result.columns,
        ignored: result.ignored,
        onlyInReference: onlyReference,
        onlyInCurrent: onlyCurrent,
    });
    saveEvidence(report);
    if (typeof values.html === "string") {
        // Vega is loaded only when a chart is asked for: it costs a quarter of a second at start-up.
        const { driftHtml } = await import("../drift/html.js");
        writeTextFile(values.html, await driftHtml(result, pairs, {
            reference: reference.name,
            current: current.name,
            createdAt: report.createdAt,
        }));
    }
    if (values.json)
        printJson(report);
    else {
        let text = renderDriftText(result, {
            reference: { name: reference.name, rows: reference.rows },
            current: { name: current.name, rows: current.rows },
        });
        if (onlyReference.length > 0)
            text += `only in reference (not compared): ${onlyReference.join(", ")}\n`;
        if (onlyCurrent.length > 0)
            text += `only in current (not compared): ${onlyCurrent.join(", ")}\n`;
        if (approximate)
            text += "note: a side is a saved profile; its statistics are computed from sketches\n";
        process.stdout.write(text);
    }
    return result.drifted ? 1 : 0;
}
function sides(positionals, values) {
    const queue = [...positionals];
    const pick = (sql, what) => {
        if (typeof sql === "string")
            return { sql };
        const path = queue.shift();
        if (path === undefined)
            throw new UsageError(`missing ${what}: a data file, a saved profile, or --${what}-sql "…"`);
        return { path };
    };
    const reference = pick(values["reference-sql"], "reference");
    const current = pick(values["current-sql"], "current");
    if (queue.length > 0)
        throw new UsageError(`unexpected argument '${queue[0]}': drift takes a reference and a current`);
    return [reference, current];
}
async function openSide(arg, what, source) {
    if ("path" in arg && isProfileFile(arg.path)) {
        const profile = readProfile(arg.path);
        return {
            name: arg.path.split("/").pop() ?? arg.path,
            digest: profile.source.digest,
            rows: profile.rows,
            columns: profile.columns.map((c) => ({ name: c.name, type: c.type, sourceType: c.type })),
            approximate: true,
            samples: async (columns) => readProfileSamples(profile, columns),
        };
    }
    if (!source)
        throw new Error("internal: a table side was not opened");
    // the row count comes with the column scans (see below); counting here would be another full
    // execution of a --sql query
    const digest = await source.digest();
    const rows = -1;
    return {
        source,
        name: "path" in arg ? source.name : `${what} query`,
        digest,
        rows,
        columns: source.columns,
        approximate: false,
        samples: (columns) => readColumnSamples(source, columns),
    };
}
async function buildPolicy(values) {
    let policy = defaultPolicy();
    if (typeof values.config === "string") {
        let text;
        try {
            text = readFileSync(values.config, "utf8");
        }
        catch {
            throw new UsageError(`${values.config}: cannot read the config file`);
        }
        let doc;
        const { parse: parseYaml } = await import("yaml"); // only when a config file is given
        try {
            doc = parseYaml(text);
        }
        catch (error) {
            throw new UsageError(`${values.config}: not valid YAML (${error.message.split("\n")[0]})`);
        }
        try {
            policy = policyFromConfig(doc, policy);
        }
        catch (error) {
            throw inContext(error, values.config);
        }
    }
    const alpha = numberOption(values.alpha, "--alpha", { min: 0, max: 1 });
    if (alpha !== undefined) {
        if (alpha === 0 || alpha === 1)
            throw new UsageError("--alpha must be strictly between 0 and 1");
        policy.alpha = alpha;
    }
    const share = numberOption(values.share, "--share", { min: 0, max: 1 });
    if (share !== undefined)
        policy.datasetShare = share;
    for (const name of listOption(values.ignore) ?? [])
        applyOverride(policy, name, { ignore: true });
    if (typeof values.method === "string")
        for (const [key, method] of parseAssignments(values.method, "--method")) {
            const rule = policyFromConfig({ columns: { x: { method } } }).columns.x;
            applyOverride(policy, key, rule);
        }
    if (typeof values.threshold === "string")
        for (const [key, text] of parseAssignments(values.threshold, "--threshold")) {
            const threshold = numberOption(text, `--threshold ${key}`, { min: 0 });
            applyOverride(policy, key, { threshold });
        }
    return policy;
}
function emptySample(kind) {
    return kind === "numeric"
        ? {
            kind,
            distribution: { values: new Float64Array(0), counts: new Float64Array(0), total: 0 },
            missing: 0,
            nonFinite: 0,
            rows: 0,
        }
        : { kind, counts: new Map(), missing: 0, rows: 0 };
}
function checkResults(result) {
    const out = result.columns.map((c) => {
        const main = c.signals[0];
        const deciding = c.signals.find((s) => s.status === c.status) ?? main;
        return {
            check: "drift.column",
            subject: { column: c.name },
            status: DRIFT_CHECK_STATUS[c.status],
            value: deciding.effect,
            threshold: deciding.threshold,
            pValue: deciding.qValue,
            message: `${c.name}: ${c.status} — ${deciding.signal === "distribution" ? "" : `${deciding.signal}: `}${deciding.reason}`,
            examples: "unseen" in c.stats && c.stats.unseen.count > 0 ? c.stats.unseen.examples : undefined,
        };
    });
    out.push({
        check: "drift.dataset",
        status: result.drifted ? "fail" : "pass",
        value: result.share,
        message: result.drifted
            ? `${result.counts.drift} of ${result.columns.length} columns drifted (${result.columns
                .filter((c) => c.status === "drift")
                .map((c) => c.name)
                .join(", ")})`
            : `no column drifted (${result.columns.length} compared)`,
    });
    return out;
}
