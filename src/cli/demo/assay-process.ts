import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { UsageError } from "../errors.js";

const MAIN = fileURLToPath(new URL("../main.js", import.meta.url));

interface AssayRun {
  code: number;
  stdout: string;
  stderr: string;
  /** The parsed --json report, when the command printed one. */
  report: Record<string, any> | null;
}

/** Runs one `assay …` command as its own process — the demo uses the tool exactly as a user would. */
export function assay(
  args: string[],
  allowed: number[] = [0, 1],
  env: Record<string, string> = {},
): AssayRun {
  const result = spawnSync(process.execPath, [MAIN, ...args], {
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, ASSAY_EVIDENCE: process.env.ASSAY_EVIDENCE ?? "on", ...env },
  });
  const code = result.status ?? -1;
  if (!allowed.includes(code))
    throw new UsageError(
      `demo step 'assay ${args.slice(0, 2).join(" ")}' failed (exit ${code}): ${result.stderr.trim().split("\n")[0]}`,
    );
  let report: Record<string, any> | null = null;
  if (args.includes("--json")) {
    try {
      report = JSON.parse(result.stdout);
    } catch {
      report = null;
    }
  }
  return { code, stdout: result.stdout, stderr: result.stderr, report };
}

/** Starts `assay serve` on a free loopback port and resolves with its base URL once it listens. */
export function startServer(args: string[]): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [MAIN, "serve", "--port", "0", ...args], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let buffer = "";
    const timer = setTimeout(() => reject(new UsageError("assay serve did not start within 30 s")), 30_000);
    child.stderr.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(buffer);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1],
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once("exit", () => done());
              child.kill("SIGTERM");
            }),
        });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      const lines = buffer.trim().split("\n");
      const reason = lines.find((l) => /error/i.test(l)) ?? lines[0];
      reject(new UsageError(`assay serve exited (${code}): ${reason}`));
    });
  });
}
