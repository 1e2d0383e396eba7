import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT } from "../helpers/cli.js";

/**
 * The README's tour, run as written from (a copy of) the clone: every `npx assay …` line, with `npx
 * assay` standing for the built CLI. Long-running servers (`serve`) and lines that read a database server are left out.
 */
export function tourCommands(readme: string): string[] {
  const tour = readme.slice(readme.indexOf("## A short tour"));
  const block = /```sh\n([\s\S]*?)```/.exec(tour);
  if (!block) throw new Error("README: no sh block after '## A short tour'");
  return block[1]
    .replace(/\\\n\s*/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
}

test("every command of the README tour runs as written from the clone (exit 0 or 1, no input error)", () => {
  const lines = tourCommands(readFileSync(join(ROOT, "README.md"), "utf8"));
  const assignments = lines.filter((l) => /^[A-Z]+=/.test(l));
  const commands = lines.filter((l) => !/^[A-Z]+=/.test(l));
  assert.ok(
    commands.every((c) => c.startsWith("npx assay ")),
    "every tour line starts with npx assay",
  );
  // left out: long-running servers, and lines reading a database server the clone does not have
  const serving = commands.filter((c) => / serve /.test(`${c} `) || /\b(?:postgres|clickhouse):\/\//.test(c));
  assert.ok(serving.length >= 2, "the serve and database lines are left out");
  const run = commands.filter((c) => !serving.includes(c));
  assert.ok(run.length >= 18, `${run.length} commands`);

  const cwd = mkdtempSync(join(tmpdir(), "assay-tour-"));
  cpSync(join(ROOT, "examples"), join(cwd, "examples"), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(cwd, "node_modules"));
  symlinkSync(join(ROOT, "test"), join(cwd, "test"));
  const main = join(ROOT, "dist", "src", "cli", "main.js");
  const script = [
    `npx() { if [ "$1" = assay ]; then shift; node ${JSON.stringify(main)} "$@"; else echo "npx $1?" >&2; return 127; fi; }`,
    ...assignments,
    // a line of its own inside the group, so that a trailing comment stays a comment
    ...run.map(
      (c, i) =>
        `echo "::tour ${i}" >&2; SECONDS=0; (\n${c}\n) > tour-${i}.out; echo "::rc ${i} $? $SECONDS" >&2`,
    ),
  ].join("\n");
  writeFileSync(join(cwd, "tour.sh"), script);
  const result = spawnSync("bash", ["tour.sh"], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ASSAY_EVIDENCE: "off" },
    maxBuffer: 64 * 1024 * 1024,
  });
  const codes = new Map<number, number>();
  const seconds: string[] = [];
  for (const m of result.stderr.matchAll(/::rc (\d+) (\d+) (\d+)/g)) {
    codes.set(Number(m[1]), Number(m[2]));
    seconds.push(`${m[3]} s  ${run[Number(m[1])].slice(0, 60)}`);
  }
  writeFileSync(join(cwd, "timings.txt"), seconds.join("\n"));
  const stderrOf = (i: number) =>
    result.stderr.slice(result.stderr.indexOf(`::tour ${i}\n`), result.stderr.indexOf(`::rc ${i} `));
  run.forEach((c, i) => {
    const code = codes.get(i);
    assert.ok(code === 0 || code === 1, `${c}\nexit ${code}: ${stderrOf(i)}`);
    assert.doesNotMatch(stderrOf(i), /internal error|at .*\.js:\d+/, c);
  });
  // what the tour says it makes, it makes
  for (const file of [
    "jan.profile.json",
    "jan.html",
    "adult.schema.yaml",
    "validation.xml",
    "eval.html",
    "v1.trust.json",
    "ood.html",
    "assay.db",
    "assay.card.yaml",
    "readiness.html",
    "datasheet.md",
    "audit",
  ])
    assert.ok(existsSync(join(cwd, file)), file);
  const out = (pattern: RegExp) => run.findIndex((c) => pattern.test(c));
  // the drift example compares flights, not the calendar: date is ignored
  assert.match(readFileSync(join(cwd, `tour-${out(/ drift /)}.out`), "utf8"), /ignored: date/);
  // the skew example finds the rounding it was built with, and nothing else
  const skew = readFileSync(join(cwd, `tour-${out(/ skew /)}.out`), "utf8");
  assert.match(skew, /hours-per-week/);
  assert.equal(codes.get(out(/ skew /)), 1);
});
