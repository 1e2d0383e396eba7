import { keyedSkew } from "../drift/skew.js";
import { openSources } from "../io/source.js";
import { formatNumber, textTable } from "../report/format.js";
import { badge, escapeHtml, htmlPage } from "../report/html.js";
import { makeReport } from "../report/report.js";
import { listOption, numberOption, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { printJson, saveEvidence, writeTextFile } from "./output.js";
const HELP = `assay skew <training> <serving> --key COL [options]

Training/serving skew: joins the two tables on the key (in DuckDB) and reports, per feature, the share of
joined rows whose values differ, with examples. Numbers match within the tolerance; other values must be
equal; NULL on one side only is a difference. The key must identify rows: a key value repeated on a side
is an input error (exit 2), as is a join with no key on both sides. Exit code 1 when a feature is skewed.

  <training> <serving>      data files (.csv .tsv .parquet .json .ndjson .jsonl .arrow)
  --training-sql "…"        a DuckDB query instead of the training file (same for --serving-sql)
  --serving-sql "…"
  --key a[,b]               the join key (one or more columns)
  --tolerance T             numbers match when |a − b| ≤ T + R·|a| (default T = 0)
  --relative-tolerance R    (default 0)
  --threshold S             a feature is skewed when more than this share of joined rows differ (default 0)
  --columns a,b             only these features
  --examples N              differing rows shown per feature (default 5)
  --allow-repeated-keys     leave key values that repeat on a side out of the comparison (counted, warned)
  --json                    print the Report as JSON on stdout
  --html FILE               write a self-contained HTML report

example:
  assay skew training.parquet serving_log.parquet --key request_id --tolerance 1e-6
`;
export async function run(argv) {
    const { values, positionals, help } = parseCommand(argv, {
        "training-sql": { type: "string" },
        "serving-sql": { type: "string" },
        key: { type: "string" },
        tolerance: { type: "string" },
        "relative-tolerance": { type: "string" },
        threshold: { type: "string" },
        columns: { type: "string" },
        examples: { type: "string" },
        "allow-repeated-keys": { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        html: { type: "string" },
    }, HELP);
    if (help)
        return 0;
    const key = listOption(values.key);
    if (!key || key.length === 0)
        throw new UsageError("missing --key: the column(s) to join training and serving on");
    const absolute = numberOption(values.tolerance, "--tolerance", { min: 0 }) ?? 0;
    const relative = numberOption(values["relative-tolerance"], "--relative-tolerance", { min: 0 }) ?? 0;
    const threshold = numberOption(values.threshold, "--threshold", { min: 0, max: 1 }) ?? 0;
    const examples = numberOption(values.examples, "--examples", { min: 0, max: 1000 }) ?? 5;
    if (!Number.isInteger(examples))
        throw new UsageError(`--examples must be a whole number, got ${examples}`);
    const queue = [...positionals];
    // one engine for both sides: the join reads them through one session
    const [training, serving] = await openSources([
        side(values["training-sql"], queue, "training"),
        side(values["serving-sql"], queue, "serving"),
    ]);
    if (queue.length > 0)
        throw new UsageError(`unexpected argument '${queue[0]}': skew takes a training and a serving table`);
    for (const k of key)
        for (const src of [training, serving])
            if (!src.columns.some((c) => c.name === k))
                throw new UsageError(`${src.name}: no key column named '${k}'`);
    const columns = listOption(values.columns);
    for (const name of columns ?? [])
        for (const src of [training, serving])
            if (!src.columns.some((c) => c.name === name))
                throw new UsageError(`${src.name}: no column named '${name}'`);
    const result = await keyedSkew(training, serving, {
        key,
        tolerance: { absolute, relative },
        threshold,
        examples,
        columns,
        allowRepeatedKeys: values["allow-repeated-keys"] === true,
    });
    const [tDigest, sDigest] = await Promise.all([training.digest(), serving.digest()]);
    const report = makeReport("skew", {
        inputs: [
            { name: training.name, digest: tDigest, rows: result.join.trainingRows },
            { name: serving.name, digest: sDigest, rows: result.join.servingRows },
        ],
        config: {
            key,
            tolerance: absolute,
            relativeTolerance: relative,
            threshold,
            examples,
            columns: columns ?? null,
            allowRepeatedKeys: values["allow-repeated-keys"] === true,
        },
        results: checkResults(result),
        summary: { status: result.skewed ? "fail" : "pass", skewed: result.skewed },
    }, { skewed: result.skewed, key: result.key, join: result.join, features: result.features });
    saveEvidence(report);
    if (typeof values.html === "string")
        writeTextFile(values.html, skewHtml(result, training.name, serving.name, report.createdAt));
    if (values.json)
        printJson(report);
    else
        process.stdout.write(skewText(result, training.name, serving.name));
    return result.skewed ? 1 : 0;
}
function side(sql, queue, what) {
    if (typeof sql === "string")
        return { sql };
    const path = queue.shift();
    if (path === undefined)
        throw new UsageError(`missing ${what} table: a data file or --${what}-sql "…"`);
    return { path };
}
function checkResults(result) {
    const out = result.features.map((f) => ({
        check: "skew.feature",
        subject: { column: f.name },
        status: f.status === "skew" ? "fail" : "pass",
        value: f.share,
        message: f.differing === 0
            ? `${f.name}: all ${result.join.joined} joined rows agree`
            : `${f.name}: ${f.differing} of ${result.join.joined} joined rows differ (${formatNumber(100 * f.share)}%)${describe(f)}`,
        examples: f.examples.length > 0 ? f.examples : undefined,
    }));
    if (result.join.duplicateTrainingKeys + result.join.duplicateServingKeys > 0)
        out.push({
            check: "skew.duplicate_keys",
            status: "warn",
            value: result.join.duplicateTrainingKeys + result.join.duplicateServingKeys,
            message: `key ${result.key.join(",")} is not unique: ${result.join.duplicateTrainingKeys} repeated in training, ${result.join.duplicateServingKeys} in serving (left out of the comparison)`,
        });
    return out;
}
function describe(f) {
    const parts = [];
    if (f.bothPresentDiffer > 0)
        parts.push(`${f.bothPresentDiffer} unequal`);
    if (f.missingInServingOnly > 0)
        parts.push(`${f.missingInServingOnly} missing in serving only`);
    if (f.missingInTrainingOnly > 0)
        parts.push(`${f.missingInTrainingOnly} missing in training only`);
    if (f.maxAbsDifference !== null && f.bothPresentDiffer > 0)
        parts.push(`max |Δ| ${formatNumber(f.maxAbsDifference)}`);
    return parts.length > 0 ? `: ${parts.join(", ")}` : "";
}
function show(v) {
    if (v === null || v === undefined)
        return "NULL";
    // full precision: a skew example is often a difference in the last digits
    return String(v);
}
function skewText(result, training, serving) {
    const j = result.join;
    const head = `skew: ${training} (${formatNumber(j.trainingRows)} rows) ⋈ ${serving} (${formatNumber(j.servingRows)} rows) on ${result.key.join(", ")}
joined ${formatNumber(j.joined)} keys · training only ${formatNumber(j.trainingOnly)} · serving only ${formatNumber(j.servingOnly)} · repeated keys ${formatNumber(j.duplicateTrainingKeys)} / ${formatNumber(j.duplicateServingKeys)}`;
    const table = textTable(["status", "feature", "compared", "differing", "share", "detail"], result.features.map((f) => [
        f.status,
        f.name,
        f.comparison,
        formatNumber(f.differing),
        formatNumber(f.share),
        describe(f).replace(/^: /, ""),
    ]));
    const examples = result.features
        .filter((f) => f.examples.length > 0)
        .map((f) => `${f.name}:\n${f.examples
        .map((e) => `  ${Object.entries(e.key)
        .map(([k, v]) => `${k}=${show(v)}`)
        .join(" ")}  training ${show(e.training)}  serving ${show(e.serving)}`)
        .join("\n")}`)
        .join("\n");
    return `${head}\n\n${table}\n${examples ? `\nexamples:\n${examples}\n` : ""}\n${result.skewed ? "SKEW" : "no skew"}: ${result.features.filter((f) => f.status === "skew").length} of ${result.features.length} features differ\n`;
}
function skewHtml(result, training, serving, createdAt) {
    const j = result.join;
    const rows = result.features
        .map((f) => `<tr><td>${badge(f.status === "skew" ? "fail" : "pass", f.status)}</td><td>${escapeHtml(f.name)}</td><td>${f.comparison}</td><td class="num">${formatNumber(f.differing)}</td><td class="num">${formatNumber(f.share)}</td><td>${escapeHtml(describe(f).replace(/^: /, ""))}</td></tr>`)
        .join("\n");
    const examples = result.features
        .filter((f) => f.examples.length > 0)
        .map((f) => `<section><h3>${escapeHtml(f.name)}</h3><table><thead><tr><th>key</th><th>training</th><th>serving</th></tr></thead><tbody>${f.examples
        .map((e) => `<tr><td>${escapeHtml(Object.entries(e.key)
        .map(([k, v]) => `${k}=${show(v)}`)
        .join(" "))}</td><td>${escapeHtml(show(e.training))}</td><td>${escapeHtml(show(e.serving))}</td></tr>`)
        .join("")}</tbody></table></section>`)
        .join("\n");
    const body = `<section><h2>${result.skewed ? badge("fail", "skew") : badge("pass", "no skew")}</h2>
<p>Joined ${formatNumber(j.joined)} keys on ${escapeHtml(result.key.join(", "))}; ${formatNumber(j.trainingOnly)} in training only, ${formatNumber(j.servingOnly)} in serving only; repeated keys ${formatNumber(j.duplicateTrainingKeys)} / ${formatNumber(j.duplicateServingKeys)} (left out).</p>
<table><thead><tr><th>status</th><th>feature</th><th>compared</th><th class="num">differing</th><th class="num">share</th><th>detail</th></tr></thead><tbody>${rows}</tbody></table></section>
<div class="grid">${examples}</div>`;
    return htmlPage(`Skew: ${training} ⋈ ${serving}`, `assay skew · ${createdAt}`, body);
}
