/**
 * assay — the library (what `import … from "assay"` gives), for Node: the browser-safe core
 * (`assay/core`, re-exported whole) and the edges a Node program needs to use it on files — DuckDB
 * relations over files and queries, saved profiles, model files (ONNX, descriptors, JS modules), the
 * evidence store and the readiness files. The monitoring client is `assay/client`. docs/api.md has an
 * example of each export, run by a test.
 */
export * from "./core.js";
export { saveEvidence } from "./io/evidence.js";
export { fileDigest, textDigest } from "./io/file-digest.js";
export { isProfileFile, readProfile } from "./io/profile-file.js";
export { type ReadinessFiles, readinessFiles } from "./io/readiness-files.js";
export { type DuckDBRelation, openSource, type SourceSpec } from "./io/source.js";
export { type LoadModelOptions, loadModel } from "./model/node/index.js";
