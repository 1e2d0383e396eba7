import { existsSync, readFileSync, statSync } from "node:fs";
import { loadCard } from "../io/readiness-files.js";
import { AlertEngine, loadAlertRules } from "../monitor/alerts.js";
import { ChangeFeed } from "../monitor/change-feed.js";
import { ModelLeader } from "../monitor/leader.js";
import { DEFAULT_DB, hasPassword, openStore, redact } from "../monitor/open-store.js";
import { PostgresStore } from "../monitor/postgres-store.js";
import { snapshot } from "../monitor/routes-readiness.js";
import { buildServer, CONNECTION_LIMITS, DEFAULT_BODY_LIMIT } from "../monitor/server.js";
import { DEFAULT_TIME_BOUNDS, isDateTime } from "../monitor/time-bounds.js";
import { parseDuration, parseTimestamp } from "../monitor/windows.js";
import { numberOption, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";

const HELP = `usage: assay serve [--port 8080] [--host 127.0.0.1] [--db sqlite:FILE | postgres://…] [--rules rules.yaml]
                   [--bucket 1m] [--retention 30d] [--eval-interval 30s] [--body-limit BYTES]
                   [--card assay.card.yaml …] [--snapshot-interval 1h] [--max-future 1d] [--oldest TIME]
                   [--reference-dir DIR] [--request-timeout 30s] [--max-connections N]
                   [--db-password-file FILE]

Runs the monitoring service: ingest predictions and labels, per-bucket profiles, windows, monitors,
alerts, /metrics. Every route but /healthz needs a bearer token: create one with \`assay token create\`.
--db        where state lives (default ${DEFAULT_DB}); postgres:// for a shared deployment — give
            its password in PGPASSWORD or --db-password-file (first line), not in the URL (ps shows it)
--rules     alert rules (YAML); evaluated every --eval-interval over each rule's window. Several servers
            on one postgres:// store (give each the same rules): any ingests and answers, each model's
            alerts are evaluated by one of them (its leader), taken over if it dies
--bucket    width of a time bucket (default 1m); windows are merges of buckets
--retention drop data older than the retention clock minus this (default: keep everything); the clock
            is the model's data clock, robust to a few records ahead, never later than the server clock
--max-future reject records timestamped more than this past the server clock (default 1d)
--reference-dir  PUT …/reference {"path": F} may profile files inside DIR only (default: not at all)
--request-timeout  time to receive a whole request (default 30s; headers: 10s; idle keep-alive: 5s)
--max-connections  open connections at most (default 1000, or the open-file limit minus 64 if lower)
--oldest    reject records timestamped before this (ISO 8601 or epoch ms; default 1970-01-01)
--card      a readiness card (repeatable): the dashboard shows its readiness (GET /v1/readiness), and the
            service writes a monitoring report into the card's evidence for each component that names
            a served model (monitoring.model), at start and every --snapshot-interval (default 1h)
Port 0 picks a free port; the address is printed on stderr.`;

/**
 * 1000 connections, or fewer when the process may not open that many files: a cap above the limit
 * lets the sockets use up every descriptor (the database and new connections then fail).
 */
function defaultMaxConnections(): number {
  try {
    const m = /^Max open files\s+(\d+)/m.exec(readFileSync("/proc/self/limits", "utf8"));
    if (m) return Math.max(16, Math.min(CONNECTION_LIMITS.maxConnections, Number(m[1]) - 64));
  } catch {
    // not Linux: keep the default
  }
  return CONNECTION_LIMITS.maxConnections;
}

function duration(value: unknown, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseDuration(String(value));
  if (ms === null)
    throw new UsageError(`${flag} expects a duration like 30s, 1m, 1h, 30d, got '${String(value)}'`);
  return ms;
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals, help } = parseCommand(
    argv,
    {
      port: { type: "string" },
      host: { type: "string" },
      db: { type: "string" },
      rules: { type: "string" },
      bucket: { type: "string" },
      retention: { type: "string" },
      "eval-interval": { type: "string" },
      "body-limit": { type: "string" },
      card: { type: "string", multiple: true },
      "snapshot-interval": { type: "string" },
      "max-future": { type: "string" },
      oldest: { type: "string" },
      "reference-dir": { type: "string" },
      "request-timeout": { type: "string" },
      "max-connections": { type: "string" },
      "db-password-file": { type: "string" },
    },
    HELP,
  );
  if (help) return 0;
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}' (see --help)`);
  const port = numberOption(values.port, "--port", { min: 0, max: 65535 }) ?? 8080;
  const host = (values.host as string | undefined) ?? "127.0.0.1";
  const bucketMs = duration(values.bucket, "--bucket") ?? 60_000;
  const retentionMs = duration(values.retention, "--retention") ?? null;
  const evalMs = duration(values["eval-interval"], "--eval-interval") ?? 30_000;
  const maxFutureMs = duration(values["max-future"], "--max-future") ?? DEFAULT_TIME_BOUNDS.maxFutureMs;
  let minTimestamp = DEFAULT_TIME_BOUNDS.minTimestamp;
  if (values.oldest !== undefined) {
    const t = parseTimestamp(String(values.oldest));
    if (t === null || !isDateTime(t))
      throw new UsageError(`--oldest expects an ISO 8601 time or epoch ms, got '${String(values.oldest)}'`);
    minTimestamp = t;
  }
  const referenceDir = values["reference-dir"] === undefined ? null : String(values["reference-dir"]);
  if (referenceDir !== null && !(existsSync(referenceDir) && statSync(referenceDir).isDirectory()))
    throw new UsageError(`--reference-dir ${referenceDir}: no such directory`);
  const requestTimeoutMs = duration(values["request-timeout"], "--request-timeout");
  const maxConnections =
    numberOption(values["max-connections"], "--max-connections", { min: 1, max: 1_000_000 }) ??
    defaultMaxConnections();
  const bodyLimit = numberOption(values["body-limit"], "--body-limit", { min: 1024 }) ?? DEFAULT_BODY_LIMIT;
  let rulesText: string | null = null;
  if (values.rules !== undefined) {
    try {
      rulesText = readFileSync(String(values.rules), "utf8");
    } catch {
      throw new UsageError(`${String(values.rules)}: cannot read the rules file`);
    }
  }
  const rules = rulesText === null ? null : loadAlertRules(rulesText, String(values.rules));
  const db = (values.db as string | undefined) ?? DEFAULT_DB;
  if (hasPassword(db))
    process.stderr.write(
      "assay serve: warning: the --db URL holds a password, which ps shows to every user; use PGPASSWORD or --db-password-file\n",
    );
  const passwordFile = values["db-password-file"] as string | undefined;
  const store = await openStore(db, { passwordFile });
  const alerts = new AlertEngine(store, rules ?? { rules: [], webhooks: [] });
  const cards = (values.card as string[] | undefined) ?? [];
  for (const card of cards) loadCard(card); // a bad card stops the start, with its FILE:LINE
  const snapshotMs = duration(values["snapshot-interval"], "--snapshot-interval") ?? 3_600_000;
  const readiness = { cards, rules: () => alerts.ruleSet };
  const { app, service, metrics } = buildServer({
    store,
    service: { bucketMs, retentionMs, timeBounds: { minTimestamp, maxFutureMs } },
    bodyLimit,
    alerts,
    readiness,
    referenceDir,
    limits: {
      maxConnections,
      ...(requestTimeoutMs === undefined
        ? {}
        : { requestTimeoutMs, headersTimeoutMs: Math.min(10_000, requestTimeoutMs) }),
    },
  });
  alerts.attach(service, metrics);
  // Several servers may share a PostgreSQL store: caches follow the others' writes (LISTEN/NOTIFY) and
  // each model's alerts are evaluated by one of them, its leader (an advisory lock). docs/monitor.md.
  const leader = store instanceof PostgresStore ? new ModelLeader(store) : null;
  const feed = store instanceof PostgresStore ? new ChangeFeed(store, service) : null;
  if (leader) alerts.shareWith((model) => leader.leads(model));
  try {
    await feed?.start();
  } catch (error) {
    await store.close();
    throw new UsageError(`cannot listen for changes on the monitor database: ${(error as Error).message}`);
  }
  try {
    await app.listen({ port, host });
  } catch (error) {
    await feed?.close();
    await store.close();
    throw new UsageError(`cannot listen on ${host}:${port}: ${(error as Error).message}`);
  }
  const address = app.server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  process.stderr.write(`assay serve: listening on http://${host}:${actual} (store ${redact(db)})\n`);

  // Background work: fold raw rows into buckets, apply retention, evaluate alert rules.
  let stopping = false;
  const background = async (task: () => Promise<unknown>, what: string) => {
    try {
      await task();
    } catch (error) {
      if (!stopping) process.stderr.write(`assay serve: ${what} failed: ${(error as Error).message}\n`);
    }
  };
  const models = async () => (await store.listModels()).map((m) => m.name);
  const timers = [
    setInterval(
      () => background(async () => Promise.all((await models()).map((m) => service.fold(m))), "folding"),
      2000,
    ),
    setInterval(
      () =>
        background(
          async () => Promise.all((await models()).map((m) => service.applyRetention(m))),
          "retention",
        ),
      60_000,
    ),
    setInterval(() => background(() => alerts.evaluate(Date.now()), "alert evaluation"), evalMs),
  ];
  if (cards.length > 0) {
    await background(() => snapshot(readiness, store), "monitoring snapshot");
    timers.push(
      setInterval(() => background(() => snapshot(readiness, store), "monitoring snapshot"), snapshotMs),
    );
  }
  return new Promise<number>((resolve) => {
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      for (const t of timers) clearInterval(t);
      await app.close().catch(() => {});
      await alerts.drain().catch(() => {});
      await feed?.close();
      await leader?.close();
      await store.close().catch(() => {});
      resolve(0);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
