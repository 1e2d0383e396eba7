import { Counter, Gauge, Registry } from "prom-client";
import { monitorOf, subjectOf } from "./monitors/check.js";
/** The Prometheus series the server exports (one registry per server, so tests can run several). */
export class MonitorMetrics {
    registry = new Registry();
    predictions = new Counter({
        name: "assay_predictions_total",
        help: "Predictions stored (new ids only; re-sent ids are not counted)",
        labelNames: ["model"],
        registers: [this.registry],
    });
    labels = new Counter({
        name: "assay_labels_total",
        help: "Labels stored (new ids only)",
        labelNames: ["model"],
        registers: [this.registry],
    });
    rejected = new Counter({
        name: "assay_ingest_rejected_total",
        help: "Ingest requests rejected (4xx), by reason",
        labelNames: ["reason"],
        registers: [this.registry],
    });
    featureDrift = new Gauge({
        name: "assay_feature_drift_score",
        help: "Drift score of a feature in the latest evaluated window against the reference",
        labelNames: ["model", "feature", "method"],
        registers: [this.registry],
    });
    datasetDrift = new Gauge({
        name: "assay_dataset_drift_share",
        help: "Share of features drifted in the latest evaluated window",
        labelNames: ["model"],
        registers: [this.registry],
    });
    performance = new Gauge({
        name: "assay_performance",
        help: "Realized performance over labeled predictions of the latest evaluated window",
        labelNames: ["model", "metric"],
        registers: [this.registry],
    });
    estimated = new Gauge({
        name: "assay_estimated_performance",
        help: "Performance estimated before labels (CBPE) for the latest evaluated window",
        labelNames: ["model", "metric"],
        registers: [this.registry],
    });
    monitor = new Gauge({
        name: "assay_monitor_value",
        help: "Any monitor's latest value (data quality rates, bias, positive rate, outlier share, model age …)",
        labelNames: ["model", "monitor", "subject"],
        registers: [this.registry],
    });
    alertsFiring = new Gauge({
        name: "assay_alerts_firing",
        help: "Alerts currently firing",
        labelNames: ["model", "severity"],
        registers: [this.registry],
    });
    /** Publishes one evaluation's results. Null values remove the series rather than export NaN. */
    record(model, results) {
        for (const r of results) {
            const monitor = monitorOf(r);
            const subject = subjectOf(r) ?? "";
            const value = r.value ?? null;
            const set = (gauge, labels) => {
                if (value === null)
                    gauge.remove(labels);
                else
                    gauge.set(labels, value);
            };
            if (monitor === "feature_drift" || monitor === "feature_psi")
                set(this.featureDrift, { model, feature: subject, method: String(r.method ?? "psi") });
            else if (monitor === "dataset_drift_share")
                set(this.datasetDrift, { model });
            else if (monitor === "performance")
                set(this.performance, { model, metric: subject });
            else if (monitor === "estimated_performance")
                set(this.estimated, { model, metric: subject });
            set(this.monitor, { model, monitor, subject });
        }
    }
    setFiring(counts) {
        this.alertsFiring.reset();
        for (const [key, n] of counts) {
            const [model, severity] = key.split("\u0000");
            this.alertsFiring.set({ model, severity }, n);
        }
    }
}
