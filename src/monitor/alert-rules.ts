import { parse as parseYaml } from "yaml";
import { InputError } from "../table/errors.js";
import { MONITOR_IDS } from "./monitors/registry.js";
import { parseDuration, parseTimestamp } from "./windows.js";

/**
 * Alert rules file (YAML):
 *
 *   webhooks:
 *     - url: https://hooks.example/assay      # JSON POST on firing and resolved
 *       headers: { Authorization: Bearer … }  # optional
 *       retries: 5                            # optional (attempts after the first)
 *   rules:
 *     - name: dataset-drift
 *       monitor: dataset_drift_share          # a monitor id (see docs/monitor.md)
 *       subject: distance                     # optional: one feature / metric; default every subject
 *       model: flights                        # optional: default every model
 *       window: 1h                            # the window the monitor is computed over
 *       condition: "> 0.3"                    # > >= < <= == != value | abs > value | status (the monitor's own verdict: fail)
 *       # or condition: { learned: { k: 3, from: 2001-01-01, to: 2001-02-01 } }   mean ± kσ of clean history
 *       # or condition: { learned: { k: 3, history: 7d } }                           trailing history
 *       for: 10m                              # how long the condition must hold before firing
 *       severity: warning
 *       labels: { team: ml }
 */
interface Condition {
  kind: "compare" | "status" | "learned";
  op?: ">" | ">=" | "<" | "<=" | "==" | "!=";
  abs?: boolean;
  value?: number;
  learned?: {
    k: number;
    from?: number;
    to?: number;
    historyMs?: number;
    direction: "above" | "below" | "both";
  };
  text: string;
}

export interface AlertRule {
  name: string;
  monitor: string;
  subject: string | null;
  model: string | null;
  windowMs: number;
  condition: Condition;
  forMs: number;
  severity: string;
  labels: Record<string, string>;
}

export interface Webhook {
  url: string;
  headers: Record<string, string>;
  retries: number;
}

export interface AlertRules {
  rules: AlertRule[];
  webhooks: Webhook[];
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

/** Parses and validates a rules file; every problem is an InputError naming the rule and field. */
export function loadAlertRules(text: string, file = "rules"): AlertRules {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    throw new InputError(`${file}: not valid YAML (${(error as Error).message.split("\n")[0]})`);
  }
  return parseAlertRules(doc ?? {}, file);
}

export function parseAlertRules(doc: unknown, file = "rules"): AlertRules {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc))
    throw new InputError(`${file}: expected a mapping with 'rules' (and optionally 'webhooks')`);
  const d = doc as Record<string, unknown>;
  for (const key of Object.keys(d))
    if (key !== "rules" && key !== "webhooks") throw new InputError(`${file}: unknown key '${key}'`);
  const rawRules = d.rules ?? [];
  const rawHooks = d.webhooks ?? [];
  if (!Array.isArray(rawRules)) throw new InputError(`${file}: 'rules' must be a list`);
  if (!Array.isArray(rawHooks)) throw new InputError(`${file}: 'webhooks' must be a list`);
  const names = new Set<string>();
  const rules = rawRules.map((r, i) => {
    const rule = parseRule(r, `${file}: rule ${i + 1}`);
    if (names.has(rule.name)) throw new InputError(`${file}: rule name '${rule.name}' is used twice`);
    names.add(rule.name);
    return rule;
  });
  const webhooks = rawHooks.map((h, i) => parseWebhook(h, `${file}: webhook ${i + 1}`));
  return { rules, webhooks };
}

const RULE_KEYS = ["name", "monitor", "subject", "model", "window", "condition", "for", "severity", "labels"];

function parseRule(raw: unknown, where: string): AlertRule {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new InputError(`${where}: must be a mapping`);
  const r = raw as Record<string, unknown>;
  for (const key of Object.keys(r))
    if (!RULE_KEYS.includes(key)) throw new InputError(`${where}: unknown key '${key}'`);
  const name = r.name;
  if (typeof name !== "string" || !NAME.test(name))
    throw new InputError(`${where}: 'name' must be a simple name`);
  const at = `${where} (${name})`;
  if (typeof r.monitor !== "string" || r.monitor === "") throw new InputError(`${at}: 'monitor' is required`);
  const windowMs = parseDuration(String(r.window ?? "1h"));
  if (windowMs === null) throw new InputError(`${at}: 'window' must be a duration like 5m, 1h, 1d`);
  // 0 in any unit (0, 0s, 0m) fires on the first evaluation that sees the condition
  const forMs = r.for === undefined ? 0 : parseDuration(String(r.for), { allowZero: true });
  if (forMs === null)
    throw new InputError(`${at}: 'for' must be a duration like 0, 0m, 10m, 1h, got ${JSON.stringify(r.for)}`);
  const labels: Record<string, string> = {};
  if (r.labels !== undefined) {
    if (typeof r.labels !== "object" || r.labels === null || Array.isArray(r.labels))
      throw new InputError(`${at}: 'labels' must be a mapping of name → value`);
    for (const [k, v] of Object.entries(r.labels)) labels[k] = String(v);
  }
  const condition = parseCondition(r.condition, at);
  if (!MONITOR_IDS.has(r.monitor))
    throw new InputError(`${at}: unknown monitor '${r.monitor}' (monitors: ${[...MONITOR_IDS].join(", ")})`);
  return {
    name,
    monitor: r.monitor,
    subject: r.subject === undefined || r.subject === null || r.subject === "*" ? null : String(r.subject),
    model: r.model === undefined || r.model === null || r.model === "*" ? null : String(r.model),
    windowMs,
    condition,
    forMs,
    severity: r.severity === undefined ? "warning" : String(r.severity),
    labels,
  };
}

function parseCondition(raw: unknown, at: string): Condition {
  // "alert" is what the monitors' failing verdict was called before they reported check results.
  if (raw === undefined || raw === "status" || raw === "alert")
    return { kind: "status", text: "the monitor's own verdict is 'fail'" };
  if (typeof raw === "string") {
    const m = /^\s*(abs\s+)?(>=|<=|==|!=|>|<)\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)\s*$/i.exec(raw);
    if (!m)
      throw new InputError(`${at}: condition '${raw}' must look like "> 0.2", "abs > 0.05" or "status"`);
    return {
      kind: "compare",
      abs: m[1] !== undefined,
      op: m[2] as Condition["op"],
      value: Number(m[3]),
      text: raw.trim(),
    };
  }
  if (typeof raw === "object" && raw !== null && "learned" in raw) {
    const l = (raw as { learned: Record<string, unknown> }).learned ?? {};
    const k = l.k === undefined ? 3 : Number(l.k);
    if (!(k > 0)) throw new InputError(`${at}: learned.k must be a positive number`);
    const direction = (l.direction ?? "both") as "above" | "below" | "both";
    if (!["above", "below", "both"].includes(direction))
      throw new InputError(`${at}: learned.direction must be above, below or both`);
    const from =
      l.from === undefined ? undefined : parseTimestamp(l.from instanceof Date ? l.from.getTime() : l.from);
    const to = l.to === undefined ? undefined : parseTimestamp(l.to instanceof Date ? l.to.getTime() : l.to);
    const historyMs = l.history === undefined ? undefined : parseDuration(String(l.history));
    if (from === null || to === null || historyMs === null)
      throw new InputError(`${at}: learned.from/to must be timestamps and learned.history a duration`);
    if ((from === undefined) !== (to === undefined))
      throw new InputError(`${at}: learned needs both from and to`);
    if (from === undefined && historyMs === undefined)
      throw new InputError(`${at}: learned needs a clean period (from, to) or a trailing history (e.g. 7d)`);
    if (from !== undefined && to !== undefined && to <= from)
      throw new InputError(`${at}: learned.to must be after from`);
    return {
      kind: "learned",
      learned: { k, from, to, historyMs, direction },
      text: `outside mean ± ${k}σ of ${from !== undefined ? "the clean period" : `the trailing ${String(l.history)}`}`,
    };
  }
  throw new InputError(`${at}: condition must be a comparison string, "status", or {learned: {...}}`);
}

function parseWebhook(raw: unknown, where: string): Webhook {
  const h = (typeof raw === "string" ? { url: raw } : raw) as Record<string, unknown> | null;
  if (typeof h !== "object" || h === null)
    throw new InputError(`${where}: must be a URL or a mapping with 'url'`);
  const url = h.url;
  if (typeof url !== "string" || !/^https?:\/\//.test(url))
    throw new InputError(`${where}: 'url' must be http(s)://…`);
  const retries = h.retries === undefined ? 5 : Number(h.retries);
  if (!Number.isInteger(retries) || retries < 0 || retries > 20)
    throw new InputError(`${where}: 'retries' must be 0…20`);
  const headers: Record<string, string> = {};
  if (h.headers !== undefined && (typeof h.headers !== "object" || h.headers === null))
    throw new InputError(`${where}: 'headers' must be a mapping`);
  for (const [k, v] of Object.entries((h.headers as object) ?? {})) headers[k] = String(v);
  return { url, headers, retries };
}

/** Whether a value meets a fixed comparison. */
export function compare(condition: Condition, value: number): boolean {
  const v = condition.abs ? Math.abs(value) : value;
  const t = condition.value!;
  switch (condition.op) {
    case ">":
      return v > t;
    case ">=":
      return v >= t;
    case "<":
      return v < t;
    case "<=":
      return v <= t;
    case "==":
      return v === t;
    default:
      return v !== t;
  }
}
