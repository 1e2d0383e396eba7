import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

/**
 * Exports that nothing uses: a declaration exported from a file of src/ whose name no other file of
 * src/, test/ or bench/ mentions (the library's entries re-export what they expose, so that counts as a
 * use; src/monitor/client.ts is an entry itself). `internalUses` tells an export only its own file uses
 * (drop `export`) from code nothing uses at all (delete it). A name is matched as a word in the text, so
 * a common word can hide a dead export, never invent one. Run: node dist/test/architecture/dead-exports.js
 */
export interface DeadExport {
  file: string;
  name: string;
  internalUses: number;
}

const ENTRIES = ["src/monitor/client.ts"];
const DECLARATION =
  /^export\s+(?:declare\s+)?(?:async\s+)?(?:abstract\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm;

export function deadExports(root: string): DeadExport[] {
  const texts = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts"))
        texts.set(relative(root, path).split(sep).join("/"), readFileSync(path, "utf8"));
    }
  };
  for (const folder of ["src", "test", "bench"]) walk(join(root, folder));
  const out: DeadExport[] = [];
  for (const [file, text] of texts) {
    if (!file.startsWith("src/") || ENTRIES.includes(file)) continue;
    for (const m of text.matchAll(DECLARATION)) {
      const source = `\\b${m[1].replace(/\$/g, "\\$")}\\b`;
      const word = new RegExp(source);
      const elsewhere = [...texts].some(([other, t]) => other !== file && word.test(t));
      const uses = text.match(new RegExp(source, "g"))?.length ?? 1;
      if (!elsewhere) out.push({ file, name: m[1], internalUses: uses - 1 });
    }
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.name.localeCompare(b.name));
}

if (process.argv[1]?.endsWith("dead-exports.js")) {
  const dead = deadExports(process.argv[2] ?? process.cwd());
  for (const d of dead) console.log(`${d.file} ${d.name} (${d.internalUses} uses in its own file)`);
  console.log(`${dead.length} exports nothing else uses`);
}
