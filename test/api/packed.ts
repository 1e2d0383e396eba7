import { execFileSync, spawnSync } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ROOT } from "../helpers/cli.js";

/**
 * Assay as a user gets it: `npm pack` of the built package (dist/ is built by `npm test`; --ignore-scripts
 * so packing does not rebuild dist/ under the other tests' feet), unpacked into a scratch package's
 * node_modules/assay exactly as `npm install assay-0.1.0.tgz` lays it out, with node_modules/.bin/assay
 * (made executable, as npm does).
 * The dependencies are not downloaded again: each one package.json declares is linked from the
 * repository's node_modules (a full `npm install` of the tarball took 55 s and 509 MB with the network;
 * docs/api.md). Only declared dependencies are linked, so an import of anything else from dist/src fails
 * here as it would for a user.
 */
export interface PackedApp {
  /** The scratch package's folder (it has node_modules/assay). */
  dir: string;
  /** Paths inside the tarball, below package/. */
  files: string[];
  /** The tarball's size in bytes. */
  size: number;
}

export function packedApp(): PackedApp {
  const base = mkdtempSync(join(tmpdir(), "assay-packed-"));
  const out = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", base], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  const [info] = JSON.parse(out) as { filename: string; size: number; files: { path: string }[] }[];
  const dir = join(base, "app");
  const modules = join(dir, "node_modules");
  mkdirSync(modules, { recursive: true });
  writeFileSync(
    join(dir, "package.json"),
    `${JSON.stringify({ name: "scratch", private: true, type: "module", dependencies: { assay: `file:../${info.filename}` } }, null, 2)}\n`,
  );
  execFileSync("tar", ["-xzf", join(base, info.filename), "-C", modules]);
  renameSync(join(modules, "package"), join(modules, "assay"));
  const manifest = JSON.parse(readFileSync(join(modules, "assay", "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
    bin: Record<string, string>;
  };
  // a TypeScript user has @types/node; the type check of the examples needs it
  for (const name of [...Object.keys(manifest.dependencies), "@types/node"]) {
    mkdirSync(dirname(join(modules, name)), { recursive: true });
    symlinkSync(join(ROOT, "node_modules", name), join(modules, name), "dir");
  }
  mkdirSync(join(modules, ".bin"));
  for (const [name, target] of Object.entries(manifest.bin)) {
    symlinkSync(join("..", "assay", target), join(modules, ".bin", name));
    chmodSync(join(modules, "assay", target), 0o755); // as npm install does for a bin
  }
  return { dir, files: info.files.map((f) => f.path), size: info.size };
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs an ES module written into the scratch package, from the repository root (fixture paths are
 * relative to it), with the evidence store in the scratch package.
 */
export function runModule(
  app: PackedApp,
  name: string,
  source: string,
  env: Record<string, string> = {},
): Run {
  const file = join(app.dir, name);
  writeFileSync(file, source);
  const result = spawnSync(process.execPath, [file], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ASSAY_HOME: join(app.dir, ".assay"), ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
