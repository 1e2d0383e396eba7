/** The registry's records: model versions, the datasets and models they depend on, and staleness. */
import type { DatasetFingerprint, FingerprintChange } from "./fingerprint.js";

type DatasetRole = "train" | "eval";

export interface DatasetDependency {
  role: DatasetRole;
  /** Absolute path of the data file. */
  path: string;
  /** sha256 of the file when the model was registered. */
  digest: string;
  fingerprint: DatasetFingerprint;
}

export interface ModelDependency {
  /** A model whose outputs this model reads (a hidden consumer, in Sculley et al.'s words). */
  name: string;
  version: string;
}

export interface StaleReason {
  /** What changed: a dataset, the model file, the configuration, or an upstream model. */
  subject: string;
  reason: "digest_changed" | "missing" | "upstream_stale" | "upstream_newer";
  message: string;
  changes?: FingerprintChange[];
}

export interface ModelRecord {
  name: string;
  version: string;
  /** Absolute path of the model file. */
  path: string;
  digest: string;
  configPath: string | null;
  configDigest: string | null;
  /**
   * The model descriptor (YAML/JSON naming the file, tensors and features) when the model was
   * registered through one: what `registry:NAME` loads. Not the --config file, which is a training
   * configuration and loads as no model.
   */
  descriptorPath: string | null;
  descriptorDigest: string | null;
  features: string[] | null;
  notes: string | null;
  createdAt: string;
  datasets: DatasetDependency[];
  upstream: ModelDependency[];
  stale: boolean;
  staleReasons: StaleReason[];
  checkedAt: string | null;
}
