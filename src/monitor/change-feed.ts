import type pg from "pg";
import type { PostgresStore } from "./postgres-store.js";
import type { MonitorService } from "./service.js";

/** Wait before reconnecting a lost LISTEN connection (ms). */
const RECONNECT_MS = 1000;

/**
 * Keeps a server's caches true to a database other servers write to. The PostgreSQL store announces every
 * spec, reference and trust-bundle write with NOTIFY (delivered at commit); this LISTENs on its own
 * connection and drops the model's cached spec, references and trust bundles (`service.invalidate`).
 * A notification sent while the connection was down is lost, so after every (re)connect every model's
 * caches are dropped as well. Window merges need no notice: they are keyed by their parts' fingerprint,
 * read from the store on every request.
 */
export class ChangeFeed {
  private client: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  /** Notifications received (tests, metrics). */
  received = 0;

  constructor(
    private readonly store: PostgresStore,
    private readonly service: MonitorService,
  ) {}

  /** Connects and LISTENs; resolves once listening (later reconnects happen in the background). */
  async start(): Promise<void> {
    const client = this.store.dedicatedClient("listen");
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    client.on("notification", (message) => {
      if (message.channel !== this.store.changeChannel || !message.payload) return;
      this.received++;
      this.service.invalidate(message.payload);
    });
    try {
      await client.connect();
      // the channel name is an identifier made of [a-z0-9_] (the store checks its schema name)
      await client.query(`LISTEN ${this.store.changeChannel}`);
    } catch (error) {
      client.end().catch(() => {});
      throw error;
    }
    this.client = client;
    await this.forgetAll();
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => {});
    this.retry();
  }

  private retry(): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.closed) return;
      this.start().catch(() => this.retry());
    }, RECONNECT_MS);
    this.timer.unref();
  }

  /** Drops every model's caches (what changed while not listening is unknown). */
  private async forgetAll(): Promise<void> {
    for (const spec of await this.store.listModels()) this.service.invalidate(spec.name);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => {});
  }
}
