/**
 * The public surface of src/model: one Model interface, the adapters that run anywhere (HTTP endpoint,
 * score column, built-in baselines) and the helpers to run a model over a table. Browser-safe; the
 * adapters that need Node (ONNX Runtime, JS module files, descriptor files) and `loadModel(spec)`, which
 * picks among all of them, are in model/node/.
 */
export { BASELINES, trainBaseline } from "./baselines/index.js";
export { batchRecords, featureMatrix, sliceBatch, takeRows } from "./features.js";
export { ModelError } from "./model.js";
export { defaultBatchRows, predictTable } from "./predict.js";
export { readTable } from "./table.js";
