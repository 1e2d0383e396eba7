import { loadAlertRules, parseAlertRules } from "./alert-rules.js";
import { BadRequest } from "./ingest.js";
import { isoTime, outOfBounds, requireDateTime } from "./time-bounds.js";
import { parseDuration, parseTimestamp } from "./windows.js";
export function alertRoutes(app, alerts, service) {
    app.get("/v1/alerts", { config: { scope: "read" } }, async () => ({ alerts: await alerts.list() }));
    app.get("/v1/alerts/history", {
        config: { scope: "read" },
        schema: {
            querystring: {
                type: "object",
                additionalProperties: false,
                properties: {
                    model: { type: "string" },
                    since: { type: "string" },
                    limit: { type: "integer", minimum: 1, maximum: 10_000 },
                },
            },
        },
    }, async (request) => {
        const since = request.query.since === undefined ? undefined : parseTimestamp(request.query.since);
        if (since === null)
            throw new BadRequest("since must be an ISO 8601 timestamp or epoch ms");
        if (since !== undefined)
            requireDateTime(since, "since");
        const events = await alerts.store.alertHistory({
            model: request.query.model,
            since,
            limit: request.query.limit ?? 1000,
        });
        return { events: events.map((e) => ({ ...e, at: isoTime(e.at) })) };
    });
    app.post("/v1/alerts/evaluate", {
        config: { scope: "admin" },
        schema: {
            body: {
                type: ["object", "null"],
                additionalProperties: false,
                properties: { at: { type: ["string", "number"] } },
            },
        },
    }, async (request) => {
        const raw = request.body?.at;
        const now = service.options.clock();
        const at = raw === undefined ? now : parseTimestamp(raw);
        if (at === null)
            throw new BadRequest("at must be an ISO 8601 timestamp or epoch ms");
        // An evaluation far in the future would resolve every alert there (no data) and re-fire it now.
        const wrong = outOfBounds(at, service.options.timeBounds, now);
        if (wrong !== null)
            throw new BadRequest(`at: ${wrong}`);
        const active = await alerts.evaluate(at);
        return { at: new Date(at).toISOString(), alerts: active };
    });
    app.get("/v1/alerts/rules", { config: { scope: "read" } }, async () => alerts.ruleSet);
    app.put("/v1/alerts/rules", { config: { scope: "admin" } }, async (request) => {
        const rules = typeof request.body === "string"
            ? loadAlertRules(request.body, "body")
            : parseAlertRules(request.body, "body");
        alerts.setRules(rules);
        return rules;
    });
    app.get("/v1/alerts/deliveries", { config: { scope: "read" } }, async () => ({
        deliveries: alerts.deliveryLog,
    }));
    app.get("/v1/silences", { config: { scope: "read" } }, async () => ({
        silences: await alerts.store.listSilences(),
    }));
    app.post("/v1/silences", {
        config: { scope: "admin" },
        schema: {
            body: {
                type: "object",
                required: ["matchers"],
                additionalProperties: false,
                properties: {
                    matchers: { type: "object", minProperties: 1, additionalProperties: { type: "string" } },
                    startsAt: { type: "string" },
                    endsAt: { type: "string" },
                    duration: { type: "string" },
                    comment: { type: "string", maxLength: 2000 },
                },
            },
        },
    }, async (request, reply) => {
        const b = request.body;
        const startsAt = b.startsAt === undefined ? Date.now() : parseTimestamp(b.startsAt);
        if (startsAt === null)
            throw new BadRequest("startsAt must be an ISO 8601 timestamp");
        requireDateTime(startsAt, "startsAt");
        let endsAt;
        if (b.endsAt !== undefined)
            endsAt = parseTimestamp(b.endsAt);
        else if (b.duration !== undefined) {
            const d = parseDuration(b.duration);
            endsAt = d === null ? null : startsAt + d;
        }
        else
            throw new BadRequest("a silence needs endsAt or duration");
        if (endsAt === null || endsAt <= startsAt)
            throw new BadRequest("endsAt must be a timestamp after startsAt");
        requireDateTime(endsAt, "endsAt");
        const silence = await alerts.addSilence({
            matchers: b.matchers,
            startsAt,
            endsAt,
            comment: b.comment ?? "",
            createdBy: request.tokenName ?? "",
        });
        return reply.code(201).send(silence);
    });
    app.delete("/v1/silences/:id", { config: { scope: "admin" } }, async (request, reply) => {
        if (!(await alerts.store.deleteSilence(request.params.id)))
            return reply.code(404).send({ statusCode: 404, error: `no silence '${request.params.id}'` });
        return reply.code(204).send();
    });
}
