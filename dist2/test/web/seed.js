import { spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { duckdb, queryRows } from "../../src/io/duckdb.js";
import { ROOT, vegaData } from "../helpers/cli.js";
const CLI = join(ROOT, "dist", "src", "cli", "main.js");
export const MODEL = "flights-delay";
export const BARE_MODEL = "flights-bare";
const PER_MONTH = 2000;
function cli(args, env) {
    const result = spawnSync(process.execPath, [CLI, ...args], {
        cwd: ROOT,
        env: { ...process.env, ...env },
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0 && result.status !== 1)
        throw new Error(`assay ${args[0]} exited ${result.status}: ${result.stderr}`);
    return result.stdout;
}
function startServe(db, rules, env, referenceDir) {
    const child = spawn(process.execPath, [
        CLI,
        "serve",
        "--port",
        "0",
        "--db",
        db,
        "--rules",
        rules,
        "--bucket",
        "1d",
        "--eval-interval",
        "1h",
        "--reference-dir",
        referenceDir,
    ], {
        stdio: ["ignore", "ignore", "pipe"],
        env: { ...process.env, ...env },
    });
    let err = "";
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 20_000);
        child.stderr.on("data", (chunk) => {
            err += chunk.toString();
            const m = /listening on (http:\/\/[^\s]+)/.exec(err);
            if (m) {
                clearTimeout(timer);
                resolve({ child, url: m[1], stderr: () => err });
            }
        });
        child.on("exit", (code) => {
            clearTimeout(timer);
            reject(new Error(`server exited with ${code}: ${err}`));
        });
    });
}
async function call(url, token, method, path, body) {
    const response = await fetch(`${url}${path}`, {
        method,
        headers: {
            authorization: `Bearer ${token}`,
            ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok)
        throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
}
/**
 * Seeds `dir` (a fresh temp directory): January flights as the reference, February–June sampled flights as
 * predictions scored with January's late rate per hour of day, labels for February–April only (so May and
 * June show estimated performance without realized), evaluated alert rules at every month end.
 */
export async function seedFlights(dir) {
    const home = join(dir, ".assay");
    const env = { ASSAY_HOME: home, ASSAY_EVIDENCE: "on" };
    const db = `sqlite:${join(dir, "monitor.db")}`;
    const adminToken = cli(["token", "create", "--scope", "admin", "--name", "seed", "--db", db], env).trim();
    const readToken = cli(["token", "create", "--scope", "read", "--name", "dashboard", "--db", db], env).trim();
    const conn = await duckdb();
    const file = vegaData("flights-3m.parquet").replaceAll("'", "''");
    await queryRows(conn, "SET threads = 1");
    await queryRows(conn, `CREATE OR REPLACE TEMP TABLE web_flights AS
     SELECT epoch_ms(date)::DOUBLE AS ts, month(date) AS month, hour(date) AS hour, dayofweek(date) AS weekday,
            distance, origin, (delay > 15)::INTEGER AS late,
            row_number() OVER (ORDER BY date, origin, destination, delay, distance) AS rn
     FROM read_parquet('${file}') WHERE month(date) <= 6 AND delay IS NOT NULL`);
    await queryRows(conn, `CREATE OR REPLACE TEMP TABLE web_sample AS
     SELECT * FROM web_flights USING SAMPLE reservoir(${PER_MONTH * 6} ROWS) REPEATABLE (7)`);
    await queryRows(conn, `CREATE OR REPLACE TEMP TABLE web_rates AS
     SELECT hour, avg(late) AS score FROM web_flights WHERE month = 1 GROUP BY hour`);
    const reference = join(dir, "reference.csv");
    await queryRows(conn, `COPY (SELECT f.hour, f.weekday, f.distance, f.origin, r.score FROM web_sample f JOIN web_rates r USING (hour)
           WHERE f.month = 1) TO '${reference}' (HEADER)`);
    // A labelled later month for the evaluation and comparison reports in the evidence store.
    const april = join(dir, "april.csv");
    await queryRows(conn, `COPY (SELECT f.hour, f.weekday, f.distance, f.origin, f.late, r.score,
                  least(1, r.score + CASE WHEN f.weekday IN (1, 7) THEN 0.15 ELSE 0 END) AS score_weekend
           FROM web_sample f JOIN web_rates r USING (hour) WHERE f.month = 4 ORDER BY f.rn) TO '${april}' (HEADER)`);
    const rows = await queryRows(conn, `SELECT f.rn, f.ts, f.month, f.hour, f.weekday, f.distance, f.origin, f.late, r.score
     FROM web_sample f JOIN web_rates r USING (hour) WHERE f.month >= 2 ORDER BY f.ts`);
    const rules = join(dir, "rules.yaml");
    writeFileSync(rules, `rules:
  - name: prediction-bias
    monitor: prediction_bias
    window: 28d
    condition: "abs > 0.02"
    for: "0"
    severity: warning
  - name: weekday-drift
    monitor: feature_drift
    subject: weekday
    window: 7d
    condition: "> 0.05"
    for: "0"
    severity: critical
  - name: unseen-origins
    monitor: out_of_domain_rate
    subject: origin
    window: 7d
    condition: "> 0.025"
    for: "0"
    severity: warning
`);
    const timing = (what) => process.env.ASSAY_TIMING && console.error(what, Date.now() - t0);
    const t0 = Date.now();
    const server = await startServe(db, rules, env, dir);
    const { url } = server;
    const features = ["hour", "weekday", "distance", "origin"];
    await call(url, adminToken, "POST", "/v1/models", {
        name: MODEL,
        description: "Late departure (> 15 min) from January's late rate per hour of day",
        features: [
            { name: "hour", type: "number" },
            { name: "weekday", type: "number" },
            { name: "distance", type: "number" },
            { name: "origin", type: "string" },
        ],
        threshold: 0.25,
        trainedAt: "2001-02-01T00:00:00Z",
        actionLimits: { minPositiveRate: 0, maxPositiveRate: 0.5 },
    });
    await call(url, adminToken, "PUT", `/v1/models/${MODEL}/reference?version=jan`, { path: reference });
    for (let i = 0; i < rows.length; i += 5000) {
        const chunk = rows.slice(i, i + 5000);
        await call(url, adminToken, "POST", `/v1/models/${MODEL}/predictions`, chunk.map((r) => ({
            id: String(r.rn),
            timestamp: r.ts,
            version: "jan",
            features: {
                hour: Number(r.hour),
                weekday: Number(r.weekday),
                distance: Number(r.distance),
                origin: r.origin,
            },
            score: r.score,
        })));
        const labelled = chunk.filter((r) => Number(r.month) <= 4);
        if (labelled.length)
            await call(url, adminToken, "POST", `/v1/models/${MODEL}/labels`, labelled.map((r) => ({
                id: String(r.rn),
                label: Number(r.late),
                timestamp: r.ts + 3_600_000,
            })));
    }
    // A second model with no reference and no labels: the page must say what is missing, not break.
    await call(url, adminToken, "POST", "/v1/models", {
        name: BARE_MODEL,
        features: [{ name: "distance", type: "number" }],
    });
    await call(url, adminToken, "POST", `/v1/models/${BARE_MODEL}/predictions`, rows.slice(0, 300).map((r) => ({
        id: `b${r.rn}`,
        timestamp: r.ts,
        features: { distance: Number(r.distance) },
        score: r.score,
    })));
    timing("ingest");
    for (let month = 2; month <= 7; month++)
        for (const day of [8, 22, 1]) {
            const at = Date.UTC(2001, day === 1 ? month : month - 1, day);
            if (at <= Date.UTC(2001, 6, 1))
                await call(url, adminToken, "POST", "/v1/alerts/evaluate", { at });
        }
    timing("alerts");
    cli([
        "evaluate",
        april,
        "--label",
        "late",
        "--positive",
        "1",
        "--score",
        "score",
        "--threshold",
        "0.25",
        "--slices",
        "weekday",
    ], env);
    cli([
        "compare",
        april,
        "--label",
        "late",
        "--positive",
        "1",
        "--old",
        "score:score",
        "--new",
        "score:score_weekend",
        "--threshold",
        "0.25",
    ], env);
    timing("evidence");
    return { ...server, readToken, adminToken, model: MODEL, features };
}
