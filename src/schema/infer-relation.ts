import { redactPersonalColumns } from "../privacy/redact-profile.js";
import { profileSource } from "../profile/sql.js";
import type { TableProfile } from "../profile/types.js";
import { InputError } from "../table/errors.js";
import type { Relation } from "../table/relation.js";
import { type InferOptions, type InferredSchema, inferSchema } from "./infer.js";
import { countDuplicateRows, valueShapes } from "./relation-facts.js";

export interface RelationInferOptions extends Omit<InferOptions, "shapes" | "duplicateRows"> {
  /** The relation's profile, when the caller has it already (else it is computed). */
  profile?: TableProfile;
  /** Told the profile's progress (columns done of all). */
  onStep?: (done: number, total: number) => void;
}

/**
 * A schema inferred from reference data, as `assay schema infer <source>` does: the profile, plus what
 * only the data can tell — duplicate rows and the value shapes of text columns — asked of its engine.
 */
export async function inferRelationSchema(
  relation: Relation,
  options: RelationInferOptions = {},
): Promise<InferredSchema> {
  // personal columns are redacted first: their values never reach the contract (no domain, no range)
  const { profile } = redactPersonalColumns(
    options.profile ?? (await profileSource(relation, { onStep: options.onStep })),
  );
  const personal = new Set(profile.columns.filter((c) => c.personal).map((c) => c.name));
  if (profile.rows === 0) throw new InputError(`${relation.name}: no rows to infer a schema from`);
  const duplicateRows = await countDuplicateRows(relation);
  const shapes = new Map<string, { shape: string; count: number }[]>();
  for (const column of relation.columns.filter((c) => c.type === "string" && !personal.has(c.name)))
    shapes.set(column.name, await valueShapes(relation, column.name));
  return inferSchema(profile, { ...options, duplicateRows, shapes });
}
