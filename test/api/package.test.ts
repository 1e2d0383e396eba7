import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { fixture, ROOT } from "../helpers/cli.js";
import { type PackedApp, packedApp, runModule } from "./packed.js";

/**
 * Assay installed from its tarball, used as a user would: the package's contents, its three entries, the
 * bin, every example of docs/api.md (run) and its TypeScript block (type-checked against the packed
 * declarations).
 */
const API_DOC = readFileSync(join(ROOT, "docs", "api.md"), "utf8");
let app: PackedApp;

before(() => {
  app = packedApp();
});
after(() => rmSync(dirname(app.dir), { recursive: true, force: true }));

/** The fenced blocks of one language in docs/api.md, in order. */
function blocks(language: string): string[] {
  const out: string[] = [];
  const fence = new RegExp(`^${"```"}${language}\\n([\\s\\S]*?)^${"```"}$`, "gm");
  for (const m of API_DOC.matchAll(fence)) out.push(m[1]);
  return out;
}

test("the tarball holds the built library, the dashboard and the demo's data, and no tests, fixtures or benchmarks", () => {
  const has = (path: string) => app.files.includes(path);
  for (const path of [
    "package.json",
    "README.md",
    "dist/src/index.js",
    "dist/src/index.d.ts",
    "dist/src/core.js",
    "dist/src/core.d.ts",
    "dist/src/monitor/client.js",
    "dist/src/monitor/client.d.ts",
    "dist/src/cli/main.js",
    "dist/src/io/profile-worker.js",
    "web/index.html",
    "examples/adult/adult_test.csv",
  ])
    assert.ok(has(path), `${path} is missing from the tarball`);
  const stray = app.files.filter(
    (f) => !/^(dist\/src\/|web\/|examples\/|README\.md$|package\.json$)/.test(f),
  );
  assert.deepEqual(stray, []);
  assert.ok(app.size < 3_000_000, `${app.size} bytes packed`);
});

test("a user's script imports assay and assay/client and profiles, drift-checks and evaluates a CSV", () => {
  const csv = fixture("evaluate", "adult_predictions.csv");
  const run = runModule(
    app,
    "user.mjs",
    `import { driftBetween, driftReport, evaluateModel, evaluationReport, openSource, profileReport,
  profileSource, readTable, scoreColumnModel } from "assay";
import { AssayClient } from "assay/client";
const source = await openSource({ path: ${JSON.stringify(csv)} });
const profile = profileReport(await profileSource(source));
const half = (op) => openSource({ sql: \`SELECT * FROM '${csv}' WHERE "row" \${op} 8000\` });
const columns = ["y_true", "score_v1", "score_v2", "sex", "race"]; // the row number is an id: it always drifts
const drift = driftReport(await driftBetween(await half("<"), await half(">="), { columns }));
const women = await openSource({ sql: \`SELECT * FROM '${csv}' WHERE sex = 'Female'\` });
const shifted = await driftBetween(await half("<"), women, { columns });
const table = await readTable(source);
const model = scoreColumnModel("score_v2");
const evaluation = await evaluateModel(table, model, { label: "y_true", resamples: 100, baselineFeatures: null });
const report = evaluationReport(evaluation, { input: { name: source.name, digest: await source.digest(), rows: table.length }, model, label: "y_true" });
console.log(JSON.stringify({
  rows: profile.rows, kinds: [profile.kind, drift.kind, report.kind], drifted: [drift.summary.drifted, shifted.drift.drifted],
  auc: evaluation.metrics.rocAuc.value, client: typeof AssayClient,
}));
`,
  );
  assert.equal(run.code, 0, run.stderr);
  const out = JSON.parse(run.stdout);
  assert.equal(out.rows, 16281);
  assert.deepEqual(out.kinds, ["profile", "drift", "evaluation"]);
  assert.deepEqual(out.drifted, [false, true]);
  assert.ok(out.auc > 0.8 && out.auc < 0.95, String(out.auc));
  assert.equal(out.client, "function");
});

test("only the three entries can be imported: the internal layout is not part of the API", () => {
  const run = runModule(
    app,
    "deep.mjs",
    `const outcomes = [];
for (const spec of ["assay", "assay/core", "assay/client", "assay/dist/src/drift/verdict.js", "assay/src/index.ts"])
  outcomes.push(await import(spec).then(() => "ok", (e) => e.code));
console.log(JSON.stringify(outcomes));`,
  );
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), [
    "ok",
    "ok",
    "ok",
    "ERR_PACKAGE_PATH_NOT_EXPORTED",
    "ERR_PACKAGE_PATH_NOT_EXPORTED",
  ]);
});

test("assay/core from the package runs with every Node built-in and driver import refused", () => {
  // A resolve hook turns away what a browser cannot load, for every ES import the core makes;
  // then the core profiles rows and compares two profiles. (The CommonJS @stdlib packages are loaded by
  // require, which the hook does not see; the browser test serves them as ES modules.)
  writeFileSync(
    join(app.dir, "refuse.mjs"),
    `const refused = /^(node:|fs$|path$|os$|crypto$|child_process$|worker_threads$|@duckdb\\/|onnxruntime-node|better-sqlite3|pg$|fastify|apache-arrow)/;
export async function resolve(specifier, context, next) {
  if (refused.test(specifier)) throw new Error("refused: " + specifier);
  return next(specifier, context);
}`,
  );
  writeFileSync(
    join(app.dir, "hooks.mjs"),
    'import { register } from "node:module";\nregister("./refuse.mjs", import.meta.url);\n',
  );
  const script = join(app.dir, "core-only.mjs");
  writeFileSync(
    script,
    `import { compareProfiles, profileRows } from "assay/core";
const rows = (shift) => Array.from({ length: 400 }, (_, i) => ({ x: (i % 40) + shift, g: i % 3 ? "a" : "b" }));
const drift = compareProfiles(await profileRows(rows(0)), await profileRows(rows(15)));
console.log(JSON.stringify(drift.columns.map((c) => [c.name, c.status])));
let refused = "";
try { await import("assay"); } catch (error) { refused = error.message; }
console.log(refused);`,
  );
  const run = spawnSync(process.execPath, ["--import", join(app.dir, "hooks.mjs"), script], {
    cwd: app.dir,
    encoding: "utf8",
  });
  assert.equal(run.status, 0, run.stderr);
  const [columns, refused] = run.stdout.trim().split("\n");
  assert.deepEqual(JSON.parse(columns), [
    ["x", "drift"],
    ["g", "stable"],
  ]);
  // and the hook does bite: the Node entry cannot load under it
  assert.match(refused, /^refused: node:/);
});

test("docs/api.md names every export of the three entries, and they export nothing it does not name", () => {
  const run = runModule(
    app,
    "exports.mjs",
    `const all = {};
for (const spec of ["assay", "assay/core", "assay/client"]) all[spec] = Object.keys(await import(spec)).sort();
console.log(JSON.stringify(all));`,
  );
  assert.equal(run.code, 0, run.stderr);
  const all = JSON.parse(run.stdout) as Record<string, string[]>;
  assert.ok(all.assay.length >= 60, `${all.assay.length} exports`);
  // assay is assay/core and the Node edges
  assert.deepEqual(
    all["assay/core"].filter((name) => !all.assay.includes(name)),
    [],
  );
  assert.deepEqual(all["assay/client"], ["AssayClient", "monitorModel"]);
  const unnamed = [...all.assay, ...all["assay/client"]].filter((name) => !API_DOC.includes(`\`${name}`));
  assert.deepEqual(unnamed, [], "exports docs/api.md does not mention (as `name`)");
  const examples = blocks("js").join("\n");
  const unused = all.assay.filter((name) => !new RegExp(`\\b${name}\\b`).test(examples));
  assert.deepEqual(unused, [], "exports no example of docs/api.md uses");
});

test("every js example of docs/api.md runs against the installed package", () => {
  const examples = blocks("js");
  assert.ok(examples.length >= 10, `${examples.length} examples`);
  examples.forEach((source, k) => {
    const run = runModule(app, `example-${k + 1}.mjs`, source);
    assert.equal(run.code, 0, `example ${k + 1} of docs/api.md failed:\n${run.stderr}`);
  });
});

test("the ts block of docs/api.md type-checks against the packed declarations", () => {
  const [source] = blocks("ts");
  assert.ok(source.includes('from "assay"'));
  writeFileSync(join(app.dir, "example.ts"), source);
  writeFileSync(
    join(app.dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        noEmit: true,
        types: ["node"],
      },
      files: ["example.ts"],
    }),
  );
  const tsc = spawnSync(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", app.dir], { encoding: "utf8" });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  // and a wrong use is caught: the check is not vacuous
  writeFileSync(
    join(app.dir, "example.ts"),
    `${source}\nconst wrong: TableProfile = await openSource({ path: "x.csv" });\n`,
  );
  const bad = spawnSync(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", app.dir], { encoding: "utf8" });
  assert.notEqual(bad.status, 0);
  assert.match(bad.stdout, /TS2739|TS2322|TS2740/);
});

test("the bin runs from the installed package: assay profile --json, and a bad file exits 2 on one line", () => {
  const bin = join(app.dir, "node_modules", ".bin", "assay");
  const env = { ...process.env, ASSAY_EVIDENCE: "off" };
  const out = execFileSync(bin, ["profile", fixture("drift", "skew_training.csv"), "--json"], {
    cwd: app.dir,
    encoding: "utf8",
    env,
  });
  const report = JSON.parse(out);
  assert.equal(report.kind, "profile");
  assert.equal(report.rows, 10);
  const bad = spawnSync(bin, ["profile", "nope.csv"], { cwd: app.dir, encoding: "utf8", env });
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr.trim().split("\n").length, 1, bad.stderr);
});
