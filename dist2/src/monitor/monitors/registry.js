import { actionLimits } from "./action-limits.js";
import { dataDrift } from "./data-drift.js";
import { dataQuality } from "./data-quality.js";
import { estimatedPerformance } from "./estimated-performance.js";
import { modelAge } from "./model-age.js";
import { outlierShare } from "./outlier-share.js";
import { performance } from "./performance.js";
import { predictionBias } from "./prediction-bias.js";
import { predictionDrift } from "./prediction-drift.js";
import { volume } from "./volume.js";
/** Every monitor, in the order their results are reported (docs/monitor.md lists them). */
export const MONITORS = [
    volume,
    dataDrift,
    dataQuality,
    predictionDrift,
    predictionBias,
    performance,
    estimatedPerformance,
    actionLimits,
    outlierShare,
    modelAge,
];
/** The monitor ids alert rules may name. */
export const MONITOR_IDS = new Set(MONITORS.flatMap((m) => m.ids));
/** Every monitor over one window. Pure: the caller fetches the window, reference and labels. */
export function runMonitors(inputs) {
    return MONITORS.flatMap((m) => m.run(inputs));
}
