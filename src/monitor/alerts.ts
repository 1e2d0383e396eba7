import { createHash, randomUUID } from "node:crypto";
import type { CheckResult } from "../report/report.js";
import { type AlertRule, type AlertRules, compare } from "./alert-rules.js";
import type { MonitorMetrics } from "./metrics.js";
import { monitorOf, subjectOf } from "./monitors/check.js";
import type { MonitorService } from "./service.js";
import type { AlertEvent, AlertRecord, MonitorStore, Silence } from "./store.js";
import { isoTime } from "./time-bounds.js";
import { DEFAULT_RETRY, type DeliveryOutcome, deliver, type RetryPolicy } from "./webhook.js";

export { loadAlertRules } from "./alert-rules.js";

/** Most windows a learned threshold looks at. */
const MAX_LEARNING_WINDOWS = 60;

interface Band {
  mean: number;
  std: number;
  n: number;
  low: number;
  high: number;
}

/**
 * The alert lifecycle. Each (rule, model, subject) is one alert, identified by a fingerprint, so repeated
 * evaluations update it instead of duplicating it (de-duplication):
 *   inactive ──condition──► pending ──held for `for`──► firing ──condition gone──► resolved
 *   pending ──condition gone──► inactive (never notified)      resolved ──condition──► pending (new episode)
 * Webhooks are sent on firing and on resolved, unless a silence matches the alert's labels at that moment
 * (wall clock). Every transition is written to the alert history.
 */
export class AlertEngine {
  private service: MonitorService | null = null;
  private metrics: MonitorMetrics | null = null;
  private alerts: Map<string, AlertRecord> | null = null;
  private readonly deliveries = new Set<Promise<void>>();
  private readonly chains = new Map<string, Promise<void>>();
  private readonly bands = new Map<string, Map<string, Band | null>>();
  private evaluating: Promise<unknown> = Promise.resolve();
  /** Several servers: whether this one leads a model's evaluation (leader.ts); null: a single server. */
  private leads: ((model: string) => Promise<boolean>) | null = null;
  /** The latest webhook outcomes (newest last), for the API and tests. */
  readonly deliveryLog: (DeliveryOutcome & { fingerprint: string; status_: string; at: number })[] = [];

  constructor(
    readonly store: MonitorStore,
    private rules: AlertRules,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {}

  attach(service: MonitorService, metrics: MonitorMetrics): void {
    this.service = service;
    this.metrics = metrics;
  }

  /**
   * Shares evaluation with other servers on one database: a model is evaluated only by its leader, and the
   * alert states are re-read from the store on every evaluation and listing, because the leader of a model
   * may change between two of them (another server wrote them meanwhile).
   */
  shareWith(leads: (model: string) => Promise<boolean>): void {
    this.leads = leads;
  }

  get ruleSet(): AlertRules {
    return this.rules;
  }

  setRules(rules: AlertRules): void {
    this.rules = rules;
    this.bands.clear();
  }

  private async state(): Promise<Map<string, AlertRecord>> {
    if (!this.alerts || this.leads)
      this.alerts = new Map((await this.store.getAlerts()).map((a) => [a.fingerprint, a]));
    return this.alerts;
  }

  /** Evaluates every rule at time `at` (ms). Evaluations never overlap. Returns pending and firing alerts. */
  evaluate(at: number): Promise<AlertRecord[]> {
    const run = this.evaluating.then(() => this.evaluateNow(at));
    this.evaluating = run.catch(() => undefined);
    return run;
  }

  private async evaluateNow(at: number): Promise<AlertRecord[]> {
    const service = this.service;
    if (!service) throw new Error("alert engine is not attached to a service");
    const alerts = await this.state();
    const models = await this.store.listModels();
    for (const spec of models) {
      if (this.leads && !(await this.leads(spec.name))) continue;
      const windows = new Map<number, CheckResult[]>();
      const resultsFor = async (windowMs: number) => {
        let results = windows.get(windowMs);
        if (!results) {
          results = (await service.monitors(spec, at - windowMs, at, at)).results;
          windows.set(windowMs, results);
          this.metrics?.record(spec.name, results);
        }
        return results;
      };
      for (const rule of this.rules.rules) {
        if (rule.model !== null && rule.model !== spec.name) continue;
        const results = (await resultsFor(rule.windowMs)).filter(
          (r) => monitorOf(r) === rule.monitor && (rule.subject === null || subjectOf(r) === rule.subject),
        );
        const seen = new Set<string>();
        for (const result of results) {
          const fingerprint = fingerprintOf(rule.name, spec.name, subjectOf(result));
          seen.add(fingerprint);
          const active = await this.holds(rule, spec.name, result, at);
          await this.step(alerts, rule, spec.name, result, active, at, fingerprint);
        }
        // Alerts whose series vanished (no data, feature dropped) are treated as no longer holding.
        for (const alert of alerts.values())
          if (alert.rule === rule.name && alert.model === spec.name && !seen.has(alert.fingerprint))
            await this.step(alerts, rule, spec.name, null, false, at, alert.fingerprint);
      }
      if (this.rules.rules.length === 0) await resultsFor(3_600_000);
    }
    this.publishFiring(alerts);
    return [...alerts.values()].filter((a) => a.state !== "resolved");
  }

  private async holds(rule: AlertRule, model: string, result: CheckResult, at: number): Promise<boolean> {
    const c = rule.condition;
    if (c.kind === "status") return result.status === "fail";
    const value = result.value ?? null;
    if (value === null) return false;
    if (c.kind === "compare") return compare(c, value);
    const band = await this.band(rule, model, subjectOf(result), at);
    if (!band) return false;
    const d = c.learned!.direction;
    return (d !== "below" && value > band.high) || (d !== "above" && value < band.low);
  }

  /** mean ± kσ (ddof = 1) of the monitor over consecutive windows of clean history. */
  private async band(
    rule: AlertRule,
    model: string,
    subject: string | null,
    at: number,
  ): Promise<Band | null> {
    const l = this.rules.rules.find((r) => r === rule)!.condition.learned!;
    const from = l.from ?? at - rule.windowMs - l.historyMs!;
    const to = l.to ?? at - rule.windowMs;
    const key = `${rule.name}\u0000${model}\u0000${from}\u0000${to}`;
    let bySubject = this.bands.get(key);
    if (!bySubject) {
      bySubject = new Map();
      const spec = await this.service!.model(model);
      const values = new Map<string, number[]>();
      if (spec) {
        const step = Math.max(rule.windowMs, (to - from) / MAX_LEARNING_WINDOWS);
        for (let end = from + rule.windowMs; end <= to; end += step) {
          const { results } = await this.service!.monitors(spec, end - rule.windowMs, end, end);
          for (const r of results)
            if (monitorOf(r) === rule.monitor && r.value !== null && r.value !== undefined) {
              const subject = subjectOf(r) ?? "";
              const list = values.get(subject) ?? [];
              list.push(r.value);
              values.set(subject, list);
            }
        }
      }
      for (const [s, xs] of values) {
        if (xs.length < 2) {
          bySubject.set(s, null);
          continue;
        }
        const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
        const std = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
        bySubject.set(s, { mean, std, n: xs.length, low: mean - l.k * std, high: mean + l.k * std });
      }
      if (l.historyMs !== undefined) this.bands.clear(); // a trailing band is only valid at this `at`
      this.bands.set(key, bySubject);
    }
    return bySubject.get(subject ?? "") ?? null;
  }

  private async step(
    alerts: Map<string, AlertRecord>,
    rule: AlertRule,
    model: string,
    result: CheckResult | null,
    active: boolean,
    at: number,
    fingerprint: string,
  ): Promise<void> {
    const previous = alerts.get(fingerprint);
    const value = result?.value ?? null;
    const subject = (result ? subjectOf(result) : null) ?? previous?.subject ?? "";
    const labels = {
      ...rule.labels,
      alertname: rule.name,
      model,
      severity: rule.severity,
      monitor: rule.monitor,
      ...(subject ? { subject } : {}),
    };
    const message = result
      ? `${rule.monitor}${subject ? `[${subject}]` : ""} = ${value === null ? "n/a" : round(value)} (${rule.condition.text}): ${result.message}`
      : `${rule.monitor}${subject ? `[${subject}]` : ""}: no data in the window`;
    const base: AlertRecord = previous ?? {
      fingerprint,
      rule: rule.name,
      model,
      subject,
      severity: rule.severity,
      labels,
      state: "resolved",
      value,
      activeSince: at,
      firedAt: null,
      resolvedAt: null,
      lastEvaluated: at,
      message,
    };
    let next: AlertRecord = { ...base, value, lastEvaluated: at, message, labels, severity: rule.severity };
    let transition: AlertEvent["state"] | null = null;
    const live = previous && previous.state !== "resolved";
    if (active) {
      if (!live) {
        next = { ...next, state: "pending", activeSince: at, firedAt: null, resolvedAt: null };
        transition = "pending";
      }
      if (next.state === "pending" && at - next.activeSince >= rule.forMs) {
        next = { ...next, state: "firing", firedAt: at };
        transition = "firing";
      }
    } else if (live) {
      if (previous.state === "firing") {
        next = { ...next, state: "resolved", resolvedAt: at };
        transition = "resolved";
      } else {
        // A pending alert that stops holding never fired: it goes back to inactive without a notification.
        next = { ...next, state: "resolved", resolvedAt: null };
        transition = "inactive";
      }
    } else if (!previous) return; // nothing active, nothing to remember
    alerts.set(fingerprint, next);
    const event: AlertEvent | null = transition
      ? {
          fingerprint,
          rule: rule.name,
          model,
          state: transition,
          at,
          value,
          severity: rule.severity,
          labels,
          message,
        }
      : null;
    await this.store.saveAlert(next, event);
    if (transition === "firing" || transition === "resolved") await this.notify(next, transition);
  }

  private async notify(alert: AlertRecord, status: "firing" | "resolved"): Promise<void> {
    if (this.rules.webhooks.length === 0) return;
    const silences = await this.store.listSilences();
    const now = Date.now();
    if (silences.some((s) => s.startsAt <= now && now < s.endsAt && matches(s, alert.labels))) return;
    const payload = {
      version: 1,
      status,
      alert: {
        fingerprint: alert.fingerprint,
        rule: alert.rule,
        model: alert.model,
        subject: alert.subject || null,
        severity: alert.severity,
        labels: alert.labels,
        value: alert.value,
        activeSince: isoTime(alert.activeSince),
        firedAt: isoTime(alert.firedAt),
        resolvedAt: isoTime(alert.resolvedAt),
        message: alert.message,
      },
    };
    for (const hook of this.rules.webhooks) {
      // Delivery runs in the background (a slow receiver must not hold up evaluation), but in order per alert
      // and receiver: a "resolved" must never overtake the "firing" it resolves while that one is retried.
      const key = `${alert.fingerprint}\u0000${hook.url}`;
      const previous = this.chains.get(key) ?? Promise.resolve();
      const p = previous
        .then(() => deliver(hook, payload, this.retry))
        .then((outcome) => {
          this.deliveryLog.push({
            ...outcome,
            fingerprint: alert.fingerprint,
            status_: status,
            at: Date.now(),
          });
          if (this.deliveryLog.length > 200) this.deliveryLog.shift();
        });
      this.deliveries.add(p);
      this.chains.set(key, p);
      p.finally(() => {
        this.deliveries.delete(p);
        if (this.chains.get(key) === p) this.chains.delete(key);
      });
    }
  }

  /** Waits for webhook deliveries in flight (shutdown, tests). */
  async drain(): Promise<void> {
    while (this.deliveries.size > 0) await Promise.allSettled([...this.deliveries]);
  }

  private publishFiring(alerts: Map<string, AlertRecord>): void {
    if (!this.metrics) return;
    const counts = new Map<string, number>();
    for (const a of alerts.values())
      if (a.state === "firing") {
        const key = `${a.model}\u0000${a.severity}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    this.metrics.setFiring(counts);
  }

  async list(): Promise<(AlertRecord & { silenced: boolean })[]> {
    const silences = await this.store.listSilences();
    const now = Date.now();
    return [...(await this.state()).values()]
      .filter((a) => a.state !== "resolved")
      .map((a) => ({
        ...a,
        silenced: silences.some((s) => s.startsAt <= now && now < s.endsAt && matches(s, a.labels)),
      }));
  }

  async addSilence(input: Omit<Silence, "id">): Promise<Silence> {
    const silence = { ...input, id: randomUUID() };
    await this.store.addSilence(silence);
    return silence;
  }
}

function fingerprintOf(rule: string, model: string, subject: string | null): string {
  return createHash("sha256")
    .update(`${rule}\u0000${model}\u0000${subject ?? ""}`)
    .digest("hex")
    .slice(0, 16);
}

function matches(silence: Silence, labels: Record<string, string>): boolean {
  return Object.entries(silence.matchers).every(([k, v]) => labels[k] === v);
}

function round(x: number): string {
  return Math.abs(x) >= 100 ? x.toFixed(1) : x.toPrecision(3);
}
