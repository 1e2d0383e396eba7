import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { ROOT } from "../helpers/cli.js";
import { floorOf, measureStructure } from "./structure.js";

/** The figures docs/architecture.md records for today's tree (before issue 11: 11 of 13 folders in a loop, 22 upward imports, 7 core files importing Node). */
test("today's src/: no folder in an import loop, no upward import, no core file importing Node or a driver", () => {
  const s = measureStructure(join(ROOT, "src"));
  assert.ok(s.folders.length >= 16, s.folders.join(", "));
  assert.deepEqual(s.loops, []);
  assert.deepEqual(s.upward, []);
  assert.deepEqual(s.coreNodeImports, []);
});

test("the measure finds a loop, an upward import and a core file importing Node where there are some", () => {
  const src = mkdtempSync(join(tmpdir(), "assay-structure-"));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(src, path)), { recursive: true });
    writeFileSync(join(src, path), text);
  };
  write("table/types.ts", 'import { x } from "../report/x.js";\nexport const t = x;\n');
  write("report/x.ts", 'import { t } from "../table/types.js";\nexport const x = 1;\nexport const y = t;\n');
  write("drift/a.ts", 'import { readFileSync } from "node:fs";\nimport { run } from "../cli/main.js";\n');
  write("cli/main.ts", 'import { x } from "../report/x.js";\nexport const run = x;\n');
  try {
    const s = measureStructure(src);
    assert.deepEqual(s.loops, [["report", "table"]]);
    assert.deepEqual(s.upward, ["drift/a.ts → cli/main.ts", "table/types.ts → report/x.ts"]);
    assert.deepEqual(s.coreToEdgeArrows, ["drift → cli"]);
    assert.deepEqual(s.coreNodeImports, ["drift/a.ts: node:fs"]);
  } finally {
    rmSync(src, { recursive: true, force: true });
  }
  assert.deepEqual(
    ["table/a.ts", "report/a.ts", "drift/a.ts", "model/node/a.ts", "io/a.ts", "monitor/a.ts", "cli/a.ts"].map(
      floorOf,
    ),
    [0, 3, 4, 5, 5, 6, 7],
  );
});
