/**
 * The service's own evidence for readiness: a `monitoring` report per card component that names a
 * served model (`components[].monitoring.model`) — is the model registered, is it receiving traffic,
 * does it get labels, are alert rules watching it, is anything firing. Written into the card's
 * evidence store when `assay serve --card` starts and then every snapshot interval, so that readiness
 * (CLI or dashboard) sees monitoring as it sees any other evidence: fresh while recent and while the
 * component's artefacts keep their digests.
 */

import { saveEvidence } from "../io/evidence.js";
import { artefactStates, evidenceDir, type LoadedCard, readEvidence } from "../io/readiness-files.js";
import { baseName } from "../readiness/card.js";
import { type CheckResult, makeReport, type Report } from "../report/report.js";
import type { AlertRules } from "./alert-rules.js";
import type { MonitorStore } from "./store.js";
import { isoTime } from "./time-bounds.js";

async function monitoringReport(
  loaded: LoadedCard,
  componentId: string,
  store: MonitorStore,
  rules: AlertRules,
  previous: Report | null,
  now: Date = new Date(),
): Promise<Report> {
  const component = loaded.card.components.find((c) => c.id === componentId);
  const model = component?.monitoring?.model ?? "";
  const spec = await store.getModel(model);
  const counts = spec
    ? await store.counts(model)
    : { predictions: 0, labels: 0, firstTimestamp: null, lastTimestamp: null };
  const watching = rules.rules.filter((r) => r.model === null || r.model === model);
  const firing = (await store.getAlerts()).filter((a) => a.model === model && a.state === "firing");
  const before = typeof previous?.predictions === "number" ? previous.predictions : null;
  const results: CheckResult[] = [
    spec
      ? {
          check: "monitoring.registered",
          status: "pass",
          message: `${model} is registered in the service (${spec.task})`,
        }
      : {
          check: "monitoring.registered",
          status: "fail",
          message: `no model '${model}' in the service: create it with POST /v1/models`,
        },
    counts.predictions === 0
      ? {
          check: "monitoring.traffic",
          status: "fail",
          value: 0,
          message: `${model} has received no predictions`,
        }
      : before !== null && counts.predictions <= before
        ? {
            check: "monitoring.traffic",
            status: "warn",
            value: counts.predictions,
            message: `no new predictions since the previous snapshot (${before})`,
          }
        : {
            check: "monitoring.traffic",
            status: "pass",
            value: counts.predictions,
            message: `${counts.predictions} predictions${before !== null ? ` (${counts.predictions - before} since the previous snapshot)` : ""}`,
          },
    counts.labels > 0
      ? {
          check: "monitoring.labels",
          status: "pass",
          value: counts.labels,
          message: `${counts.labels} labels: realized quality is monitored`,
        }
      : {
          check: "monitoring.labels",
          status: "warn",
          value: 0,
          message: "no labels yet: only estimated quality can be monitored",
        },
    watching.length > 0
      ? {
          check: "monitoring.rules",
          status: "pass",
          value: watching.length,
          message: `${watching.length} alert rules watch ${model}`,
        }
      : {
          check: "monitoring.rules",
          status: "warn",
          value: 0,
          message: `no alert rule watches ${model} (assay serve --rules FILE)`,
        },
    firing.length === 0
      ? { check: "monitoring.firing", status: "pass", value: 0, message: "no alert is firing" }
      : {
          check: "monitoring.firing",
          status: "warn",
          value: firing.length,
          message: `firing: ${firing.map((a) => a.rule).join(", ")}`,
        },
  ];
  const states = artefactStates(loaded).filter((a) => a.component === componentId && a.digest !== null);
  return makeReport(
    "monitoring",
    {
      inputs: states.map((a) => ({
        name: baseName(a.path),
        digest: a.digest as string,
        rows: counts.predictions,
      })),
      config: { card: loaded.path, component: componentId, model },
      results,
    },
    {
      model,
      predictions: counts.predictions,
      labels: counts.labels,
      dataFrom: isoTime(counts.firstTimestamp),
      dataTo: isoTime(counts.lastTimestamp),
      rules: watching.map((r) => r.name),
      firing: firing.map((a) => a.rule),
    },
    now,
  );
}

/** Writes a snapshot for every monitored component of every card; returns the files written. */
export async function writeMonitoringSnapshots(
  cards: LoadedCard[],
  store: MonitorStore,
  rules: AlertRules,
): Promise<string[]> {
  const written: string[] = [];
  for (const loaded of cards) {
    const dir = evidenceDir(loaded);
    const saved = readEvidence(dir).filter((e) => e.report.kind === "monitoring");
    for (const c of loaded.card.components.filter((x) => x.monitoring)) {
      const previous =
        saved.filter((e) => (e.report.config as { component?: string })?.component === c.id).pop()?.report ??
        null;
      const report = await monitoringReport(loaded, c.id, store, rules, previous);
      const path = saveEvidence(report, dir);
      if (path) written.push(path);
    }
  }
  return written;
}
