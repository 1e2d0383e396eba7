import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT } from "../helpers/cli.js";
import {
  EDGE_FOLDERS,
  findCycle,
  folderOf,
  GROUND_FLOOR,
  isBrowserPackage,
  isCoreFile,
  isNodeBuiltin,
  sourceImports,
} from "./layers.js";

/** The arrows of docs/architecture.md, checked on the sources: what each layer may import. */
const imports = sourceImports(join(ROOT, "src"));

test("the scan sees the sources (a sanity check on the checks below)", () => {
  assert.ok(imports.length > 500, `${imports.length} imports`);
  assert.ok(imports.some((i) => i.file === "io/source.ts" && i.specifier === "@duckdb/node-api"));
  assert.ok(imports.some((i) => i.file === "profile/sql.ts" && i.target === "table/relation.ts"));
});

test("the core imports no Node built-in, no driver and no package that does not run in a browser", () => {
  const bad = imports
    .filter((i) => isCoreFile(i.file) && i.target === null)
    .filter((i) => isNodeBuiltin(i.specifier) || !isBrowserPackage(i.specifier))
    .map((i) => `${i.file} imports ${i.specifier}`);
  assert.deepEqual(bad, [], "a core file needs Node: move it to an edge (io/, monitor/, cli/, model/node/)");
});

test("the core never imports an edge: io/, monitor/, cli/ or the Node model adapters", () => {
  const bad = imports
    .filter((i) => isCoreFile(i.file) && i.target !== null && !isCoreFile(i.target))
    .map((i) => `${i.file} imports ${i.target}`);
  assert.deepEqual(bad, []);
});

test("the ground floor imports only what is below it: table ← stats ← sketch ← report", () => {
  const bad = imports
    .filter((i) => GROUND_FLOOR.includes(folderOf(i.file)) && i.target !== null)
    .filter((i) => folderOf(i.target!) !== folderOf(i.file))
    .filter((i) => {
      const from = GROUND_FLOOR.indexOf(folderOf(i.file));
      const to = GROUND_FLOOR.indexOf(folderOf(i.target!));
      return to < 0 || to > from;
    })
    .map((i) => `${i.file} imports ${i.target}`);
  assert.deepEqual(bad, []);
});

test("the core's folders import each other without a loop", () => {
  const graph = new Map<string, Set<string>>();
  for (const i of imports) {
    if (!isCoreFile(i.file) || i.target === null) continue;
    const [from, to] = [folderOf(i.file), folderOf(i.target)];
    if (from === to) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    graph.get(from)!.add(to);
  }
  assert.ok(graph.size >= 8, `${graph.size} folders`);
  assert.equal(findCycle(graph)?.join(" → ") ?? null, null);
});

test("edges point down too: io/ imports neither monitor/ nor cli/, monitor/ does not import cli/", () => {
  const bad = imports
    .filter((i) => i.target !== null && EDGE_FOLDERS.includes(folderOf(i.file)))
    .filter((i) => EDGE_FOLDERS.indexOf(folderOf(i.target!)) > EDGE_FOLDERS.indexOf(folderOf(i.file)))
    .map((i) => `${i.file} imports ${i.target}`);
  assert.deepEqual(bad, []);
});

test("findCycle finds a loop and only a loop", () => {
  const g = (edges: [string, string][]) => {
    const m = new Map<string, Set<string>>();
    for (const [a, b] of edges) m.set(a, (m.get(a) ?? new Set()).add(b));
    return m;
  };
  assert.deepEqual(
    findCycle(
      g([
        ["a", "b"],
        ["b", "c"],
        ["c", "a"],
      ]),
    ),
    ["a", "b", "c", "a"],
  );
  assert.equal(
    findCycle(
      g([
        ["a", "b"],
        ["a", "c"],
        ["b", "c"],
      ]),
    ),
    null,
  );
});

test("the core project (tsconfig.core.json: DOM lib, no Node types) has no Node types in it", () => {
  // tsc --listFilesOnly lists the program without type-checking: if a core import pulled in @types/node
  // (as a driver's types do), the core compile in `npm test` could no longer catch a Node global.
  const tsc = join(ROOT, "node_modules", ".bin", "tsc");
  const files = execFileSync(tsc, ["-p", join(ROOT, "tsconfig.core.json"), "--listFilesOnly"], {
    encoding: "utf8",
  }).split("\n");
  assert.ok(files.some((f) => f.endsWith("src/profile/build.ts")));
  assert.deepEqual(
    files.filter((f) => f.includes("@types/node/")),
    [],
  );
  const edges = files.filter((f) => /\/src\/(io|monitor|cli|model\/node)\//.test(f));
  assert.deepEqual(edges, []);
});

test("the library's entries: assay/core (src/core.ts) is core, assay (src/index.ts) adds only io/ and model/node/", () => {
  const core = imports.filter((i) => i.file === "core.ts");
  assert.ok(core.length > 30, `${core.length} imports in core.ts`);
  assert.deepEqual(
    core.filter((i) => i.target === null || !isCoreFile(i.target)).map((i) => i.specifier),
    [],
  );
  const index = imports.filter((i) => i.file === "index.ts");
  assert.ok(index.some((i) => i.target === "core.ts"));
  assert.deepEqual(
    index
      .filter((i) => i.target === null || !(i.target === "core.ts" || /^(io|model\/node)\//.test(i.target)))
      .map((i) => i.specifier),
    [],
  );
});
