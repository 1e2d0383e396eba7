import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../errors.js";
import { assay, startServer } from "./assay-process.js";
import { DELAY_FEATURES } from "./delay-model.js";
import { MONTHS, scoredMonth } from "./flights.js";
const WEEK = 7 * 86_400_000;
/**
 * Starts the monitoring service and replays February–June through its ingest API at accelerated time:
 * predictions and their labels week by week, with the alert rules evaluated at each week's end in data
 * time, so drift and alerts appear where the data really changed.
 */
export async function replayFlights(flights, out, rulesFile, perMonth, say, serverArgs = []) {
    const db = `sqlite:${join(out, "monitor.db")}`;
    const token = assay(["token", "create", "--scope", "admin", "--db", db]).stdout.trim();
    // The dashboard link carries a read-only token: the browser keeps it, so it should not be able to change anything.
    const readToken = assay(["token", "create", "--scope", "read", "--db", db]).stdout.trim();
    // The reference is profiled on the server from a file it may read: the demo's flights directory only.
    const referenceDir = join(out, "flights");
    mkdirSync(referenceDir, { recursive: true });
    // Day buckets: a replay spans months, and a 14-day window then merges 14 summaries, not 20,160 minutes.
    const server = await startServer([
        ...serverArgs,
        "--reference-dir",
        referenceDir,
        "--db",
        db,
        "--rules",
        rulesFile,
        "--eval-interval",
        "1h",
        "--bucket",
        "1d",
    ]);
    const call = async (method, path, body) => {
        const response = await fetch(`${server.url}${path}`, {
            method,
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        if (!response.ok)
            throw new UsageError(`demo: ${method} ${path} → ${response.status} ${text.slice(0, 200)}`);
        return text ? JSON.parse(text) : null;
    };
    try {
        const model = "flights-delay";
        say(`monitor · assay serve at ${server.url}; registering ${model} with a January reference`);
        const existing = (await call("GET", "/v1/models")).models;
        if (!existing.some((m) => m.name === model))
            await call("POST", "/v1/models", {
                name: model,
                task: "binary",
                positiveLabel: "1",
                threshold: 0.3,
                trainedAt: "2001-02-01T00:00:00Z",
                description: "P(departure delay > 15 min) from hour, weekday, distance, origin; trained on January 2001",
                features: DELAY_FEATURES.map((name) => ({ name, type: name === "origin" ? "string" : "number" })),
            });
        const january = await scoredMonth(flights, 1, perMonth);
        const referenceCsv = join(referenceDir, "january.reference.csv");
        const { writeFileSync } = await import("node:fs");
        writeFileSync(referenceCsv, `${[...DELAY_FEATURES, "score"].join(",")}\n${january.map((r) => [...DELAY_FEATURES.map((f) => r.features[f]), r.score].join(",")).join("\n")}\n`);
        await call("PUT", `/v1/models/${model}/reference?version=january`, { path: referenceCsv });
        let sent = 0;
        const firing = [];
        const seen = new Set();
        for (let m = 2; m <= 6; m++) {
            const rows = await scoredMonth(flights, m, perMonth);
            say(`monitor · replaying ${MONTHS[m]}: ${rows.length} predictions and labels`);
            let start = 0;
            while (start < rows.length) {
                const weekEnd = rows[start].ts + WEEK;
                let end = start;
                while (end < rows.length && rows[end].ts < weekEnd)
                    end++;
                const chunk = rows.slice(start, end);
                await call("POST", `/v1/models/${model}/predictions`, chunk.map((r) => ({
                    id: r.id,
                    timestamp: r.ts,
                    version: "january",
                    features: r.features,
                    score: r.score,
                })));
                await call("POST", `/v1/models/${model}/labels`, chunk.map((r) => ({ id: r.id, label: String(r.late), timestamp: r.ts + 3_600_000 })));
                sent += chunk.length;
                await call("POST", "/v1/alerts/evaluate", { at: chunk[chunk.length - 1].ts + 1 });
                start = end;
            }
            const history = (await call("GET", `/v1/alerts/history?model=${model}&limit=10000`));
            for (const e of history.events) {
                const key = `${e.fingerprint}/${e.at}`;
                if (e.state === "firing" && !seen.has(key)) {
                    seen.add(key);
                    firing.push({ month: m, rule: e.rule, subject: e.labels?.subject ?? "", at: e.at });
                }
            }
        }
        return { url: server.url, token, readToken, model, sent, firing, stop: server.stop };
    }
    catch (error) {
        await server.stop();
        throw error;
    }
}
