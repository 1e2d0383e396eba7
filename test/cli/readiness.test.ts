import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, runCli } from "../helpers/cli.js";

/**
 * The worked example of examples/adult, replayed: its evidence (saved by real runs of Assay's commands,
 * see examples/adult/readiness.sh) and its sign-offs are added step by step to a copy, and the level
 * rises; then the test file changes, the evidence goes stale and the level falls back with a discovery
 * switchback naming the cause; then real runs on the changed file bring it back up, gate by gate.
 *
 * The copy uses a policy with a long freshness window, so the committed evidence still counts whenever
 * this test runs (the card itself, and so the sign-offs' card digest, stay as committed).
 */
const EXAMPLE = join(ROOT, "examples", "adult");
const dir = mkdtempSync(join(tmpdir(), "assay-readiness-"));
for (const f of [
  "adult_train.csv",
  "adult_test.csv",
  "adult_v1.onnx",
  "adult_v1.yaml",
  "adult.schema.yaml",
  "assay.card.yaml",
])
  copyFileSync(join(EXAMPLE, f), join(dir, f));
cpSync(join(EXAMPLE, "docs"), join(dir, "docs"), { recursive: true });
mkdirSync(join(dir, "evidence"));
const KINDS = ["profile", "validation", "lint", "drift", "evaluation", "comparison", "docs"];
writeFileSync(
  join(dir, "policy.yaml"),
  `format: assay.policy\nversion: 1\nfreshnessDays: { ${KINDS.map((k) => `${k}: 3650`).join(", ")} }\n`,
);
const committed = readdirSync(join(EXAMPLE, "evidence"));
const logLines = readFileSync(join(EXAMPLE, "assay.signoffs.jsonl"), "utf8").trim().split("\n");

function addEvidence(...kinds: string[]) {
  for (const kind of kinds) {
    const file = committed.find((f) => f.includes(`-${kind}-`));
    assert.ok(file, `the example has ${kind} evidence`);
    copyFileSync(join(EXAMPLE, "evidence", file), join(dir, "evidence", file));
  }
}

/** The first n sign-offs of the example's log, as they were recorded. */
function signoffs(n: number) {
  writeFileSync(join(dir, "assay.signoffs.jsonl"), `${logLines.slice(0, n).join("\n")}\n`);
}

function readiness(extra: string[] = []) {
  const r = runCli(
    ["readiness", "--card", "assay.card.yaml", "--policy", "policy.yaml", "--json", ...extra],
    { cwd: dir },
  );
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const report = JSON.parse(r.stdout);
  return {
    code: r.code,
    report,
    level: report.systemLevel as number,
    of: (id: string) => report.components.find((c: { id: string }) => c.id === id),
  };
}

test("the level rises as evidence and sign-offs are added, and falls back when the data changes", () => {
  assert.equal(
    logLines.length,
    5,
    "the example's log: levels 1–4 by the reviewer, the ethics checklist at 4",
  );
  let r = readiness();
  assert.equal(r.level, 0);
  assert.equal(
    r.of("adult-data").blocking.find((b: { item: string }) => b.item === "signoff").command,
    "assay signoff --card assay.card.yaml --level 1 --role reviewer --by ben --decision approve",
  );

  signoffs(2);
  addEvidence("profile");
  r = readiness();
  assert.equal(r.level, 2);
  assert.deepEqual(r.report.switchbacks, []);

  signoffs(3);
  addEvidence("validation", "lint");
  r = readiness();
  assert.equal(r.level, 3);
  const model = r.of("income-model");
  const evaluate = model.blocking.find((b: { item: string }) => b.item === "evaluation.intervals");
  assert.equal(evaluate.status, "missing");
  assert.equal(
    evaluate.command,
    "assay evaluate adult_test.csv --label income-per-year --positive '>50K' --model adult_v1.yaml --sensitive sex,race --slices auto --train adult_train.csv",
  );

  addEvidence("drift", "evaluation");
  r = readiness();
  assert.equal(r.level, 3, "level 4's evidence is there, its sign-offs are not");
  assert.deepEqual(
    r
      .of("income-model")
      .blocking.map((b: { item: string; subject?: string }) => `${b.item}:${b.subject ?? ""}`),
    [
      "ethics:E1",
      "ethics:E2",
      "ethics:E3",
      "ethics:E4",
      "ethics:E5",
      "ethics:E6",
      "ethics:E7",
      "ethics:E8",
      "signoff:reviewer",
    ],
  );

  signoffs(5);
  r = readiness();
  assert.equal(r.level, 4);
  assert.equal(r.code, 0);
  // what blocks level 5: evidence kinds other commands are building, each with its command
  const five = r
    .of("income-model")
    .blocking.filter((b: { status: string }) => b.status === "missing")
    .map((b: { item: string }) => b.item);
  for (const kind of ["behaviour", "fuzz", "robustness", "pmv", "sanity", "training"])
    assert.ok(five.includes(kind), kind);
  const score = r.report.mlTestScore;
  assert.equal(
    score.score,
    Math.min(
      score.sections.data,
      score.sections.model,
      score.sections.infrastructure,
      score.sections.monitoring,
    ),
  );
  assert.equal(
    runCli(["gate", "--level", "4", "--card", "assay.card.yaml", "--policy", "policy.yaml"], { cwd: dir })
      .code,
    0,
  );
  const gate5 = runCli(["gate", "--level", "5", "--card", "assay.card.yaml", "--policy", "policy.yaml"], {
    cwd: dir,
  });
  assert.equal(gate5.code, 1);
  assert.match(
    gate5.stdout,
    /gate level 5 \(Machine learning capability\): NOT met — the system is certified at level 4/,
  );
  assert.match(gate5.stdout, /→ assay test adult_test\.csv --suite <tests\.yaml> --model adult_v1\.yaml/);

  // the test file changes: one row fewer
  const test = readFileSync(join(dir, "adult_test.csv"), "utf8").trimEnd().split("\n");
  writeFileSync(join(dir, "adult_test.csv"), `${test.slice(0, -1).join("\n")}\n`);
  r = readiness();
  assert.equal(r.code, 1, "a discovery switchback fails the readiness report");
  assert.equal(r.level, 2);
  const discovery = r.report.switchbacks.filter((s: { type: string }) => s.type === "discovery");
  assert.deepEqual(
    discovery.map((s: { component: string; from: number; to: number }) => [s.component, s.from, s.to]),
    [
      ["adult-data", 4, 2],
      ["income-model", 4, 2],
    ],
  );
  assert.ok(
    discovery[0].cause.some((c: string) =>
      /^validation stale: validation evidence is stale: adult_test\.csv changed since this report \(sha256 5408ad27979c… → [0-9a-f]{12}…\)$/.test(
        c,
      ),
    ),
    discovery[0].cause.join("\n"),
  );
  assert.equal(
    runCli(["gate", "--level", "4", "--card", "assay.card.yaml", "--policy", "policy.yaml"], { cwd: dir })
      .code,
    1,
  );
  const text = runCli(["readiness", "--card", "assay.card.yaml", "--policy", "policy.yaml"], { cwd: dir });
  assert.equal(text.code, 1);
  assert.match(text.stdout, /discovery 4 → 2 \(adult-data\)/);

  // real runs on the changed file: the contract and the lint hold again, so gate 3 does; drift and the
  // evaluation are still stale, so level 4 waits for them
  const env = { ASSAY_EVIDENCE: "on", ASSAY_HOME: dir };
  assert.equal(
    runCli(["validate", "adult_test.csv", "--schema", "adult.schema.yaml"], { cwd: dir, env }).code,
    0,
  );
  assert.equal(
    runCli(["lint", "adult_train.csv", "--label", "income-per-year", "--against", "adult_test.csv"], {
      cwd: dir,
      env,
    }).code,
    0,
  );
  r = readiness();
  assert.equal(r.level, 3);
  assert.equal(r.code, 1, "level 4 was approved and is not back yet");
  assert.deepEqual(
    r.report.switchbacks.map((s: { component: string; to: number }) => [s.component, s.to]),
    [
      ["adult-data", 3],
      ["income-model", 3],
    ],
  );
});

test("the committed example is certified at level 4 as of its last sign-off, and its documentation checks", () => {
  const last = JSON.parse(logLines[logLines.length - 1]).at as string;
  const at = new Date(Date.parse(last) + 60_000).toISOString();
  const r = runCli(["readiness", "--card", "examples/adult/assay.card.yaml", "--at", at, "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.kind, "readiness");
  assert.equal(report.systemLevel, 4);
  assert.deepEqual(
    report.components.map((c: { certifiedLevel: number }) => c.certifiedLevel),
    [4, 4],
  );
  assert.deepEqual(Object.keys(report.mlTestScore.sections), [
    "data",
    "model",
    "infrastructure",
    "monitoring",
  ]);
  assert.equal(report.evidence.used.filter((e: { fresh: boolean }) => !e.fresh).length, 0);
  const docs = runCli(["docs", "check", "--card", "examples/adult/assay.card.yaml", "--at", at]);
  assert.equal(docs.code, 0, docs.stdout);
  assert.match(docs.stdout, /all 12 checks pass/);
  // a moment before the first sign-off, the evidence was there but nothing was reviewed yet
  const first = new Date(Date.parse(JSON.parse(logLines[0]).at) - 1).toISOString();
  const before = JSON.parse(
    runCli(["readiness", "--card", "examples/adult/assay.card.yaml", "--at", first, "--json"]).stdout,
  );
  assert.equal(before.systemLevel, 0);
  assert.equal(before.components[0].approvedLevel, 0);
});

test("assay signoff records a chained line; an owner signing their own gate is refused with exit 2", () => {
  const card = join(dir, "assay.card.yaml");
  signoffs(5);
  const owner = runCli([
    "signoff",
    "--card",
    card,
    "--level",
    "5",
    "--role",
    "reviewer",
    "--by",
    "ana",
    "--decision",
    "approve",
  ]);
  assert.equal(owner.code, 2);
  assert.match(
    owner.stderr,
    /^assay: ana owns this technology \(.*assay\.card\.yaml:11: owners\) and cannot sign its own gate\n$/,
  );
  assert.equal(
    readFileSync(join(dir, "assay.signoffs.jsonl"), "utf8").trim().split("\n").length,
    5,
    "nothing was written",
  );
  const role = runCli([
    "signoff",
    "--card",
    card,
    "--level",
    "5",
    "--role",
    "product",
    "--by",
    "dana",
    "--decision",
    "approve",
  ]);
  assert.equal(role.code, 2);
  assert.match(role.stderr, /level 5's gate is signed by reviewer; 'product' is not one of them/);
  const up = runCli([
    "signoff",
    "--card",
    card,
    "--level",
    "4",
    "--role",
    "reviewer",
    "--by",
    "ben",
    "--decision",
    "switchback",
    "--to",
    "5",
  ]);
  assert.equal(up.code, 2);
  assert.match(up.stderr, /--to 5 is not below --level 4/);
  const ok = runCli([
    "signoff",
    "--card",
    card,
    "--level",
    "5",
    "--role",
    "reviewer",
    "--by",
    "ben",
    "--decision",
    "reject",
    "--note",
    "no behavioural tests yet",
    "--json",
  ]);
  assert.equal(ok.code, 0, ok.stderr);
  const lines = readFileSync(join(dir, "assay.signoffs.jsonl"), "utf8").trim().split("\n");
  const entry = JSON.parse(lines[5]);
  assert.equal(
    entry.prev,
    spawnSync("sha256sum", { input: lines[4], encoding: "utf8" }).stdout.split(" ")[0],
  );
  assert.equal(JSON.parse(ok.stdout).entry.decision, "reject");
  // the log is append-only: editing a line makes every reader refuse it, naming the line after
  lines[2] = lines[2].replace('"by":"ben"', '"by":"bob"');
  writeFileSync(join(dir, "assay.signoffs.jsonl"), `${lines.join("\n")}\n`);
  const tampered = runCli(["readiness", "--card", card]);
  assert.equal(tampered.code, 2);
  assert.match(
    tampered.stderr,
    /assay\.signoffs\.jsonl:4: prev: does not match the sha256 of the line before: the log was edited, and it is append-only/,
  );
  signoffs(5);
});

test("bad cards, options and documents: one line naming file, line and field, exit 2", () => {
  const bad = join(dir, "bad.card.yaml");
  writeFileSync(
    bad,
    readFileSync(join(dir, "assay.card.yaml"), "utf8").replace(
      "risk: { likelihood: 3, impact: 3 }",
      "risk: { likelihood: 3, impact: 9 }",
    ),
  );
  for (const args of [
    ["readiness"],
    ["gate", "--level", "1"],
    ["audit", "--out", join(dir, "nowhere")],
    ["docs", "check"],
  ]) {
    const r = runCli([...args, "--card", bad]);
    assert.equal(r.code, 2, `${args[0]}: ${r.stderr}`);
    assert.match(
      r.stderr,
      /^assay: .*bad\.card\.yaml:47: requirements\.R1\.risk\.impact: must be between 1 and 5, got 9\n$/,
    );
  }
  const at = runCli(["readiness", "--card", join(dir, "assay.card.yaml"), "--at", "yesterday"]);
  assert.equal(at.code, 2);
  assert.match(at.stderr, /--at expects an ISO-8601 time/);
  assert.equal(runCli(["gate", "--card", join(dir, "assay.card.yaml")]).code, 2);
  assert.match(runCli(["docs", "init", "manifesto"]).stderr, /no template 'manifesto'/);
  const doc = join(dir, "docs", "datasheet.md");
  const original = readFileSync(doc, "utf8");
  writeFileSync(doc, original.replace("### composition.count:", "### composition.cout:"));
  const docs = runCli(["docs", "check", "--card", join(dir, "assay.card.yaml")]);
  assert.equal(docs.code, 2);
  assert.match(docs.stderr, /datasheet\.md:\d+: composition\.cout: not a question of the datasheet template/);
  writeFileSync(doc, original);
  assert.match(
    runCli(["readiness", "--card", join(dir, "absent.yaml")]).stderr,
    /absent\.yaml: no such card \(write one with 'assay card init/,
  );
});

test("assay card init writes a card that reads back, and will not overwrite one", () => {
  const out = join(dir, "new.card.yaml");
  const r = runCli([
    "card",
    "init",
    "--name",
    "Fraud scores",
    "--owner",
    "ana",
    "--reviewer",
    "ben",
    "--entry-level",
    "3",
    "--out",
    out,
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(readFileSync(out, "utf8"), /entryLevel: 3/);
  const assessed = runCli(["readiness", "--card", out, "--json"]);
  assert.equal(JSON.parse(assessed.stdout).systemLevel, 3, "levels up to the entry level are taken as done");
  assert.equal(
    runCli(["card", "init", "--name", "X", "--owner", "a", "--reviewer", "b", "--out", out]).code,
    2,
  );
  assert.match(
    runCli(["card", "init", "--name", "X", "--owner", "a", "--reviewer", "a", "--out", join(dir, "x.yaml")])
      .stderr,
    /an owner cannot sign their own gate/,
  );
});

test("--html, --json and the audit trail", () => {
  const html = join(dir, "readiness.html");
  const r = runCli(
    ["readiness", "--card", "assay.card.yaml", "--policy", "policy.yaml", "--html", html, "--json"],
    { cwd: dir },
  );
  assert.ok(r.code === 0 || r.code === 1);
  JSON.parse(r.stdout); // exactly one JSON document
  const page = readFileSync(html, "utf8");
  assert.match(page, /<svg/);
  assert.match(page, /ML Test Score/);
  // one inline script sorts the tables; nothing is loaded from elsewhere
  assert.doesNotMatch(page, /<script src|(?:src|href)=["']?https?:/);
  const out = join(dir, "audit");
  const audit = runCli(["audit", "--card", "assay.card.yaml", "--policy", "policy.yaml", "--out", out], {
    cwd: dir,
  });
  assert.equal(audit.code, 0, audit.stderr);
  for (const f of [
    "index.html",
    "readiness.json",
    "signoffs.jsonl",
    "SHA256SUMS",
    "card/assay.card.yaml",
    "docs/model-card.md",
  ])
    assert.ok(existsSync(join(out, f)), f);
  const check = spawnSync("sha256sum", ["-c", "SHA256SUMS"], { cwd: out, encoding: "utf8" });
  assert.equal(check.status, 0, check.stdout + check.stderr);
  assert.deepEqual(
    readdirSync(join(out, "evidence")).sort(),
    readdirSync(join(dir, "evidence")).sort(),
    "every report about the card",
  );
  const index = readFileSync(join(out, "index.html"), "utf8");
  assert.doesNotMatch(index, /<script src|(?:src|href)=["']?https?:/, "nothing is fetched");
  assert.match(index, /Sign-off log \(5 entries\)/);
  // a second audit into the same folder is refused, unless forced
  assert.equal(
    runCli(["audit", "--card", "assay.card.yaml", "--policy", "policy.yaml", "--out", out], { cwd: dir })
      .code,
    2,
  );
});
