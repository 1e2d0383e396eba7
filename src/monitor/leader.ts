import { createHash } from "node:crypto";
import type pg from "pg";
import type { PostgresStore } from "./postgres-store.js";

/** First key of every model lock (the two-key advisory lock space; the store's init uses the one-key one). */
const LOCK_NAMESPACE = 726375;

/** The second key of a model's lock: 32 bits of a hash of its schema and name. */
export function modelLockKey(scope: string, model: string): number {
  return createHash("sha256").update(`${scope}\u0000${model}`).digest().readInt32BE(0);
}

/**
 * Which models this server evaluates alerts for, when several servers share one PostgreSQL database.
 * A model's leader is the server whose session holds the model's advisory lock (session-level, on a
 * connection of its own, outside the pool). The lock lives exactly as long as that connection: when the
 * process dies (even kill -9) the kernel closes the socket, PostgreSQL ends the session and frees its
 * locks, and the next evaluation round of another server takes them. Two models whose keys collide share
 * one leader, which is harmless.
 */
export class ModelLeader {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private closed = false;
  /** The models whose lock the current session holds (emptied with the session). */
  private held = new Set<string>();

  constructor(private readonly store: PostgresStore) {}

  private connection(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    if (!this.connecting) {
      const client = this.store.dedicatedClient("leader");
      // A lost connection has lost its locks with it: forget it, the next call reconnects and retries.
      client.on("error", () => this.drop(client));
      client.on("end", () => this.drop(client));
      this.connecting = client
        .connect()
        .then(() => {
          this.client = client;
          return client;
        })
        .finally(() => {
          this.connecting = null;
        });
    }
    return this.connecting;
  }

  private drop(client: pg.Client): void {
    if (this.client === client) {
      this.client = null;
      this.held = new Set();
    }
    client.end().catch(() => {});
  }

  /**
   * True when this server leads `model` now: it holds the lock, or just took it. Always one round trip on
   * the lock's session, so a lock lost with its connection is noticed here, before an evaluation. False when
   * another server holds it or the database cannot be reached.
   */
  async leads(model: string): Promise<boolean> {
    if (this.closed) return false;
    try {
      const client = await this.connection();
      const held = this.held;
      if (held.has(model)) {
        await client.query("SELECT 1");
        return this.held === held; // still the same session
      }
      // not re-taken while held: session locks stack, and each would need its own unlock
      const { rows } = await client.query("SELECT pg_try_advisory_lock($1, $2) AS held", [
        LOCK_NAMESPACE,
        modelLockKey(this.store.lockScope, model),
      ]);
      if (rows[0].held !== true) return false;
      held.add(model);
      return this.held === held;
    } catch {
      return false;
    }
  }

  /** The models this server leads, as of the last checks. */
  leading(): string[] {
    return [...this.held].sort();
  }

  /** Ends the session, which frees every lock it holds (another server takes over at its next round). */
  async close(): Promise<void> {
    this.closed = true;
    const client = this.client ?? (await this.connecting?.catch(() => null)) ?? null;
    this.client = null;
    if (client) await client.end().catch(() => {});
  }
}
