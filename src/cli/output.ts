import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { jsonSafe, type Report } from "../report/report.js";

/** Prints one JSON document on stdout (the --json contract: nothing else goes there). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(jsonSafe(value), null, 2)}\n`);
}

export function writeTextFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** Logs for people go to stderr, and only when stderr is a terminal. */
export function log(message: string): void {
  if (process.stderr.isTTY) process.stderr.write(`${message}\n`);
}

/** A one-line progress bar on stderr (TTY only); call done() to clear it. */
export function progress(label: string): { update(fraction: number): void; done(): void } {
  const tty = process.stderr.isTTY === true;
  let last = -1;
  return {
    update(fraction: number) {
      if (!tty) return;
      const pct = Math.max(0, Math.min(100, Math.floor(fraction * 100)));
      if (pct === last) return;
      last = pct;
      const width = 30;
      const filled = Math.round((pct / 100) * width);
      process.stderr.write(`\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${pct}%`);
    },
    done() {
      if (tty && last >= 0) process.stderr.write("\r\x1b[K");
    },
  };
}

/**
 * Saves a report in the evidence store so readiness can tell fresh evidence from stale.
 * The store is `.assay/evidence/` under the working directory unless ASSAY_HOME says otherwise;
 * ASSAY_EVIDENCE=off disables it. `directory` overrides the store (readiness commands write where the card's
 * evidence is).
 */
export function saveEvidence(report: Report, directory?: string): string | null {
  if (process.env.ASSAY_EVIDENCE === "off") return null;
  const home = process.env.ASSAY_HOME ?? ".assay";
  const digest = report.inputs[0]?.digest?.slice(0, 12) ?? "none";
  const stamp = report.createdAt.replace(/[:.]/g, "-");
  const path = join(directory ?? join(home, "evidence"), `${stamp}-${report.kind}-${digest}.json`);
  try {
    writeTextFile(path, JSON.stringify(jsonSafe(report)));
    return path;
  } catch {
    return null; // evidence is a by-product; a read-only directory must not fail the command
  }
}
