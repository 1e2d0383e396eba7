/**
 * assay/core — the browser-safe library: everything here runs in Node and in a browser (no Node
 * built-in, no driver). Data comes in as plain rows, batches, or a Relation the caller implements over
 * its own engine; results come out as plain data and Report envelopes. The Node entry (`assay`) adds
 * files, DuckDB, model files and the evidence store on top of this. docs/api.md has an example of each.
 */

// biome-ignore-all assist/source/organizeImports: grouped by stage of the flow, as docs/api.md reads

// Tables: the shapes data comes in
export { InputError } from "./table/errors.js";
export type { QueryFn, Relation, Row } from "./table/relation.js";
export { columnsOfRows } from "./table/row-columns.js";
export {
  type Batch,
  batchFromRows,
  type Column,
  type ColumnInfo,
  type ColumnType,
} from "./table/types.js";

// Reports: the one envelope every result is given in
export {
  type CheckResult,
  jsonSafe,
  makeReport,
  type Report,
  type ReportInput,
  type Status,
  type Summary,
  worstStatus,
} from "./report/report.js";

// Profiles: build, merge, report
export { ProfileBuilder, profileBatches } from "./profile/build.js";
export { mergeProfiles } from "./profile/merge.js";
export { profileReport } from "./profile/report.js";
export { profileRows, type RowsProfileOptions } from "./profile/rows.js";
export { profileSource } from "./profile/sql.js";
export { renderProfileText } from "./profile/text.js";
export type { ColumnProfile, TableProfile } from "./profile/types.js";

// Schemas: infer a contract, validate data against it
export { type InferOptions, type InferredSchema, inferSchema } from "./schema/infer.js";
export { inferRelationSchema, type RelationInferOptions } from "./schema/infer-relation.js";
export { type ValidationReportParts, validationReport } from "./schema/report.js";
export { renderValidationText } from "./schema/text.js";
export type { Schema } from "./schema/types.js";
export { type Anomaly, type ValidationOutcome, validateRelation } from "./schema/validate.js";
export { parseSchema, SchemaFileError } from "./schema/yaml-read.js";
export { schemaToYaml } from "./schema/yaml-write.js";

// Lint: data bugs that need no schema
export type { LintFinding } from "./lint/finding.js";
export { lintRelation } from "./lint/lint.js";
export { lintReport } from "./lint/report.js";
export { renderLintText } from "./lint/text.js";

// Drift: reference vs current
export {
  type DriftOptions,
  type DriftOutcome,
  type DriftSide,
  type DriftSideFacts,
  driftBetween,
} from "./drift/between.js";
export { DriftConfigError, policyFromConfig } from "./drift/config.js";
export { type DriftPolicy, defaultPolicy } from "./drift/policy.js";
export { compareProfiles } from "./drift/profiles.js";
export { driftReport } from "./drift/report.js";
export { renderDriftText } from "./drift/text.js";
export type { ColumnDrift, DatasetDrift } from "./drift/verdict.js";

// Models and their evaluation
export { type Evaluation, type EvaluationOptions, evaluateClassifier } from "./evaluate/evaluation.js";
export { type BinaryLabel, binaryLabels, describePositive, encodeBinaryLabel } from "./evaluate/labels.js";
export {
  evaluateModel,
  type ModelEvaluation,
  type ModelEvaluationOptions,
} from "./evaluate/model-evaluation.js";
export { classIndices } from "./evaluate/class-labels.js";
export { evaluateMulticlass, type MulticlassEvaluation } from "./evaluate/multiclass.js";
export {
  evaluateMulticlassModel,
  type MulticlassModelEvaluation,
  type MulticlassModelOptions,
} from "./evaluate/multiclass-model.js";
export { evaluateRegression } from "./evaluate/regression.js";
export { type EvaluationReportParts, evaluationReport } from "./evaluate/report.js";
export { renderEvaluationText } from "./evaluate/text.js";
export { type HttpOptions, httpModel } from "./model/http.js";
export type { Model, ModelKind, ModelTask, Prediction } from "./model/model.js";
export { ModelError } from "./model/model.js";
export { predictTable } from "./model/predict.js";
export { probabilityColumnsModel, probabilityListModel } from "./model/probability-columns.js";
export { scoreColumnModel } from "./model/score-column.js";
export { readTable } from "./model/table.js";

// Compare: the update gate between an old and a new model
export { type CompareInput, type Comparison, compareModels } from "./compat/compare.js";
export { DEFAULT_GATE, type GateThresholds } from "./compat/gate.js";
export { compareMulticlassModels, type MulticlassComparison } from "./compat/multiclass.js";
export { type ComparisonReportParts, comparisonReport } from "./compat/report.js";

// Trust: conformal prediction, out-of-distribution scores, selective prediction, bundles
export {
  makeTrustBundle,
  parseTrustBundle,
  type RowScore,
  scoreWithBundle,
  serializeTrustBundle,
  type TrustBundle,
  type TrustScore,
} from "./trust/bundle.js";
export {
  type ConformalInput,
  type ConformalOptions,
  type ConformalResult,
  runConformal,
} from "./trust/conformal.js";
export { TrustError } from "./trust/errors.js";
export { encodeBatch } from "./trust/feature-space.js";
export { fitOod, type OodDetector, type OodOptions, type OodScores, scoreOod } from "./trust/ood.js";
export { riskCoverage } from "./trust/selective.js";

// Readiness: levels and the ML Test Score from a card, evidence and sign-offs
export { assessReadiness, type Readiness, type ReadinessInputs } from "./readiness/assess.js";
export { parseCard } from "./readiness/card-read.js";
export { readinessReport } from "./readiness/report.js";
export { readinessText } from "./readiness/text.js";
