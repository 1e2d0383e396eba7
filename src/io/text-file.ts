import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** Writes a text file, creating its folder first (report paths like out/eval.html need not exist yet). */
export function writeTextFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
