import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, normalize, relative, sep } from "node:path";

/**
 * The house's layers as data (docs/architecture.md): which folders of src/ are edges, which files of
 * a core folder are Node adapters, the ground floor's order, and the packages the core may import.
 */
export const EDGE_FOLDERS = ["io", "monitor", "cli"];
/** Node-only files inside a core folder (path prefixes below src/). */
export const EDGE_PATHS = ["model/node/"];
/** Each ground-floor folder may import only the ones before it; no ground-floor folder imports a stage. */
export const GROUND_FLOOR = ["table", "stats", "sketch", "report"];
/** Packages that run in a browser; a core file imports no other package (and no Node built-in). */
export const BROWSER_PACKAGES = [
  "@stdlib/",
  "yaml",
  "vega",
  "vega-lite",
  "fast-check",
  "@datadog/sketches-js",
];

/**
 * Is this file (a path below src/, with /) part of the browser-safe core? Of the library's entries,
 * src/core.ts (assay/core) is core and held to its rules; src/index.ts (assay) is the Node front door.
 */
export function isCoreFile(path: string): boolean {
  if (!path.includes("/")) return path === "core.ts" || path === "core.js";
  return !EDGE_FOLDERS.includes(path.split("/")[0]) && !EDGE_PATHS.some((p) => path.startsWith(p));
}

export interface Import {
  /** The importing file, below src/. */
  file: string;
  specifier: string;
  /** The imported file below src/ for a relative import, else null. */
  target: string | null;
}

const STATIC = /^\s*(?:import|export)\b[^;"'`]*?\bfrom\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']/gm;
const DYNAMIC = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

/** Every import of every TypeScript file below `src`, type-only imports included. */
export function sourceImports(src: string): Import[] {
  const out: Import[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts")) {
        const text = readFileSync(path, "utf8");
        const file = relative(src, path).split(sep).join("/");
        for (const m of [...text.matchAll(STATIC), ...text.matchAll(DYNAMIC)]) {
          const specifier = m[1] ?? m[2];
          const target = specifier.startsWith(".")
            ? relative(src, normalize(join(dirname(path), specifier)))
                .split(sep)
                .join("/")
                .replace(/\.js$/, ".ts")
            : null;
          out.push({ file, specifier, target });
        }
      }
    }
  };
  walk(src);
  return out;
}

export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith("node:") || builtinModules.includes(specifier.split("/")[0]);
}

export function isBrowserPackage(specifier: string): boolean {
  return BROWSER_PACKAGES.some((p) =>
    p.endsWith("/") ? specifier.startsWith(p) : specifier === p || specifier.startsWith(`${p}/`),
  );
}

/** The folder a file below src/ belongs to (its first segment). */
export function folderOf(file: string): string {
  return file.split("/")[0];
}

/** A cycle in a directed graph, as a path that starts and ends at the same node, or null. */
export function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, "open");
    path.push(node);
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      if (state.get(next) === "open") return [...path.slice(path.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    path.pop();
    state.set(node, "done");
    return null;
  };
  for (const node of [...graph.keys()].sort()) {
    if (state.has(node)) continue;
    const found = visit(node);
    if (found) return found;
  }
  return null;
}
