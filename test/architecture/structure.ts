import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import {
  EDGE_FOLDERS,
  folderOf,
  GROUND_FLOOR,
  type Import,
  isBrowserPackage,
  isCoreFile,
  isNodeBuiltin,
  sourceImports,
} from "./layers.js";

/**
 * The structure of a src/ tree in three figures, as docs/architecture.md records them before and after
 * issue 11: the folders caught in an import loop (a strongly connected component of the folder graph
 * with more than one folder), the imports that point up a floor, and the core files that import a Node
 * built-in or a package a browser cannot load. Run on any checkout:
 *   node dist/test/architecture/structure.js [SRC_DIR]
 */
export interface Structure {
  folders: string[];
  /** Each loop's folders (components of two or more folders). */
  loops: string[][];
  /** Imports from a file to a file on a higher floor, as "from → to". */
  upward: string[];
  /** The same as arrows between folders ("from → to"), and those of them from the core to an edge. */
  upwardArrows: string[];
  coreToEdgeArrows: string[];
  /** Core files that import Node or a driver, as "file: specifier". */
  coreNodeImports: string[];
}

/** A folder's floor: ground floor 0–3 (table, stats, sketch, report), stages 4, io/ and model/node/ 5, monitor/ 6, cli/ 7. */
export function floorOf(file: string): number {
  if (file.startsWith("model/node/")) return 5;
  const folder = folderOf(file);
  const ground = GROUND_FLOOR.indexOf(folder);
  if (ground >= 0) return ground;
  const edge = EDGE_FOLDERS.indexOf(folder);
  return edge >= 0 ? 5 + edge : 4;
}

export function measureStructure(src: string): Structure {
  const imports = sourceImports(src).filter((i) => i.file.includes("/"));
  const folders = readdirSync(src, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const internal = imports.filter((i): i is Import & { target: string } => i.target !== null);
  const graph = new Map<string, Set<string>>(folders.map((f) => [f, new Set<string>()]));
  for (const i of internal) {
    const [from, to] = [folderOf(i.file), folderOf(i.target)];
    if (from !== to && graph.has(to)) graph.get(from)?.add(to);
  }
  const upward = [
    ...new Set(
      internal.filter((i) => floorOf(i.target) > floorOf(i.file)).map((i) => `${i.file} → ${i.target}`),
    ),
  ].sort();
  const arrows = internal.filter((i) => floorOf(i.target) > floorOf(i.file));
  const upwardArrows = [...new Set(arrows.map((i) => `${folderOf(i.file)} → ${folderOf(i.target)}`))].sort();
  const coreToEdgeArrows = [
    ...new Set(
      arrows
        .filter((i) => isCoreFile(i.file) && !isCoreFile(i.target))
        .map((i) => `${folderOf(i.file)} → ${folderOf(i.target)}`),
    ),
  ].sort();
  const coreNodeImports = [
    ...new Set(
      imports
        .filter((i) => isCoreFile(i.file) && i.target === null)
        .filter((i) => isNodeBuiltin(i.specifier) || !isBrowserPackage(i.specifier))
        .map((i) => `${i.file}: ${i.specifier}`),
    ),
  ].sort();
  const loops = components(graph).filter((c) => c.length > 1);
  return { folders, loops, upward, upwardArrows, coreToEdgeArrows, coreNodeImports };
}

/** Strongly connected components (Tarjan), each sorted, in order of their first folder. */
function components(graph: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      out.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}

if (process.argv[1]?.endsWith("structure.js")) {
  const src = process.argv[2] ?? join(process.cwd(), "src");
  if (!existsSync(src)) throw new Error(`${src}: no such folder`);
  const s = measureStructure(src);
  const inLoops = s.loops.flat().length;
  console.log(`${s.folders.length} folders; ${inLoops} of them in an import loop`);
  for (const loop of s.loops) console.log(`  loop: ${loop.join(", ")}`);
  console.log(
    `${s.upward.length} upward imports, along ${s.upwardArrows.length} folder arrows (${s.coreToEdgeArrows.length} from the core to an edge)`,
  );
  for (const u of s.upward) console.log(`  ${u}`);
  console.log(`  arrows: ${s.upwardArrows.join(", ") || "none"}`);
  console.log(
    `${new Set(s.coreNodeImports.map((c) => c.split(":")[0])).size} core files importing Node or a driver`,
  );
  for (const c of s.coreNodeImports) console.log(`  ${c}`);
}
