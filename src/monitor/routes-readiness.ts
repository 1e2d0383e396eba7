/**
 * Readiness in the service (`assay serve --card FILE …`): the same assessment as `assay readiness`,
 * computed on each request from the card, the card's evidence store and its sign-off log as they are on
 * disk now, so the dashboard never shows a level the files no longer support.
 *
 *   GET  /v1/readiness            (read)   {systems: [{card, report} | {card, error}]}
 *   POST /v1/readiness/snapshot   (admin)  writes a monitoring report for each monitored component now
 */
import type { FastifyInstance } from "fastify";
import { loadCard, readinessFiles } from "../io/readiness-files.js";
import { assessReadiness } from "../readiness/assess.js";
import { readinessReport } from "../readiness/report.js";
import { oneLine } from "../table/errors.js";
import type { AlertRules } from "./alert-rules.js";
import { writeMonitoringSnapshots } from "./monitoring-evidence.js";
import type { MonitorStore } from "./store.js";

export interface ReadinessOptions {
  /** Card files, as given to `assay serve --card`. */
  cards: string[];
  /** The alert rules in force (a snapshot says which rules watch a model). */
  rules: () => AlertRules;
}

export function readinessRoutes(app: FastifyInstance, store: MonitorStore, options: ReadinessOptions): void {
  app.get("/v1/readiness", { config: { scope: "read" } }, async () => ({
    systems: options.cards.map((card) => {
      try {
        const files = readinessFiles({ card });
        return { card, report: readinessReport("readiness", files.source, assessReadiness(files.inputs)) };
      } catch (error) {
        return { card, error: oneLine(error) };
      }
    }),
  }));

  app.post("/v1/readiness/snapshot", { config: { scope: "admin" } }, async () => ({
    written: await snapshot(options, store),
  }));
}

/** A monitoring report for every monitored component of every readable card. */
export async function snapshot(options: ReadinessOptions, store: MonitorStore): Promise<string[]> {
  const cards = options.cards.flatMap((card) => {
    try {
      return [loadCard(card)];
    } catch {
      return []; // an unreadable card is reported by GET /v1/readiness
    }
  });
  return writeMonitoringSnapshots(cards, store, options.rules());
}
