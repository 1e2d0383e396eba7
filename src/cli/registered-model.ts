/**
 * `registry:NAME[@VERSION]` as a model spec: what the registered version loads as. Every command
 * that takes a model SPEC (evaluate, compare, conformal, ood) resolves it here, so they agree.
 */
import { extname } from "node:path";
import type { ModelRecord } from "../compat/registry/types.js";
import { openRegistry } from "../io/registry/files.js";
import { readDescriptor } from "../model/node/descriptor.js";
import { UsageError } from "./errors.js";
import { log } from "./output.js";

const REGISTERED = /^registry:([\w.-]+)(?:@([\w.-]+))?$/;

interface ResolvedSpec {
  /** What loadModel opens: a descriptor, or the model file. */
  target: string;
  features: string[] | undefined;
  /** name@version when the spec named the registry. */
  registered?: string;
}

/** A plain spec comes back as it is; registry:NAME becomes its descriptor (or file) and recorded features. */
export function resolveModelSpec(spec: string, features: string[] | undefined, option: string): ResolvedSpec {
  const match = REGISTERED.exec(spec);
  if (!match) return { target: spec, features };
  const store = openRegistry();
  try {
    const record = store.get(match[1], match[2]);
    if (!record)
      throw new UsageError(`${option} ${spec}: no such model in the registry (see assay registry list)`);
    if (record.stale)
      log(
        `warning: ${record.name}@${record.version} is marked stale: ${record.staleReasons.map((r) => r.message).join("; ")}`,
      );
    return {
      target: descriptorOf(record) ?? record.path,
      features: features ?? record.features ?? undefined,
      registered: `${record.name}@${record.version}`,
    };
  } finally {
    store.close();
  }
}

/**
 * The registered descriptor. Registries written before descriptors were recorded apart kept it as the
 * configuration — but so is a training config given with --config, which is no model: a YAML/JSON
 * configuration counts only when it reads as a descriptor that names a model file.
 */
function descriptorOf(record: ModelRecord): string | null {
  if (record.descriptorPath) return record.descriptorPath;
  const config = record.configPath;
  if (!config || ![".yaml", ".yml", ".json"].includes(extname(config).toLowerCase())) return null;
  try {
    return readDescriptor(config).path !== undefined ? config : null;
  } catch {
    return null;
  }
}
