import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { openSource } from "../../io/source.js";
import { encode, learnEncoding } from "../../model/baselines/design.js";
import { fitLogistic, predictLogistic } from "../../model/baselines/logistic.js";
import { readTable } from "../../model/table.js";
import { batchFromRows } from "../../table/types.js";
export const DELAY_FEATURES = ["hour", "weekday", "distance", "origin"];
/**
 * The demo's model: the built-in logistic-regression baseline trained on January flights to predict a
 * departure delay over 15 minutes from the hour, weekday, distance and origin. It is saved as JSON plus a
 * tiny module exporting predict(rows), so `assay evaluate` tests it like any user-supplied model.
 */
export async function trainDelayModel(trainingSql, outDir) {
    const source = await openSource({ sql: trainingSql });
    const batch = await readTable(source, [...DELAY_FEATURES, "late"]);
    const late = batch.columns.find((c) => c.name === "late").values;
    const encoding = learnEncoding(batch, DELAY_FEATURES, 20);
    const fit = fitLogistic(encode(batch, encoding), late, encoding.columns.length);
    const columns = DELAY_FEATURES.map((name) => {
        const info = source.columns.find((c) => c.name === name);
        return { name, type: info.type, sourceType: info.sourceType };
    });
    const saved = {
        features: DELAY_FEATURES,
        columns,
        encoding,
        weights: Array.from(fit.weights),
        intercept: fit.intercept,
    };
    writeFileSync(join(outDir, "delay-model.json"), `${JSON.stringify(saved, null, 2)}\n`);
    const here = (rel) => pathToFileURL(new URL(rel, import.meta.url).pathname).href;
    const modulePath = join(outDir, "delay-model.mjs");
    writeFileSync(modulePath, `// Written by 'assay demo': the January delay baseline as a model module (predict(rows) → scores).
import { readFileSync } from "node:fs";
import { batchFromRows } from "${here("../../table/types.js")}";
import { encode } from "${here("../../model/baselines/design.js")}";
import { predictLogistic } from "${here("../../model/baselines/logistic.js")}";
const saved = JSON.parse(readFileSync(new URL("./delay-model.json", import.meta.url), "utf8"));
const fit = { weights: Float64Array.from(saved.weights), intercept: saved.intercept, iterations: 0 };
export const name = "flights delay baseline (logistic regression, January 2001)";
export const features = saved.features;
export function predict(rows) {
  const batch = batchFromRows(saved.columns, rows);
  return predictLogistic(fit, encode(batch, saved.encoding), batch.length);
}
`);
    return {
        score: (b) => predictLogistic(fit, encode(b, encoding), b.length),
        modulePath,
    };
}
export { batchFromRows };
