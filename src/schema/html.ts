import type { Report } from "../report/report.js";
import type { Anomaly } from "./validate.js";

/** Placeholder until the charts land: a plain HTML table. */
export async function validationHtml(report: Report, results: Anomaly[]): Promise<string> {
  void report;
  return `<!doctype html><html><body><pre>${results.length}</pre></body></html>`;
}
