import { loadCard, readinessFiles } from "../io/readiness-files.js";
import { assessReadiness } from "../readiness/assess.js";
import { readinessReport } from "../readiness/report.js";
import { oneLine } from "../table/errors.js";
import { writeMonitoringSnapshots } from "./monitoring-evidence.js";
export function readinessRoutes(app, store, options) {
    app.get("/v1/readiness", { config: { scope: "read" } }, async () => ({
        systems: options.cards.map((card) => {
            try {
                const files = readinessFiles({ card });
                return { card, report: readinessReport("readiness", files.source, assessReadiness(files.inputs)) };
            }
            catch (error) {
                return { card, error: oneLine(error) };
            }
        }),
    }));
    app.post("/v1/readiness/snapshot", { config: { scope: "admin" } }, async () => ({
        written: await snapshot(options, store),
    }));
}
/** A monitoring report for every monitored component of every readable card. */
export async function snapshot(options, store) {
    const cards = options.cards.flatMap((card) => {
        try {
            return [loadCard(card)];
        }
        catch {
            return []; // an unreadable card is reported by GET /v1/readiness
        }
    });
    return writeMonitoringSnapshots(cards, store, options.rules());
}
