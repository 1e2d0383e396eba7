import { mergeProfiles } from "../profile/merge.js";
import { profileSource } from "../profile/sql.js";
import type { TableProfile } from "../profile/types.js";
import { InputError } from "../table/errors.js";
import type { EngineRelation } from "./engine-relation.js";

/** More partitions than this is a key, not a partition column: a profile each would be a scan each. */
export const MAX_PARTITIONS = 1000;

export interface PartitionedProfile {
  profile: TableProfile;
  /** Each partition's value of the column (null for the rows where it is NULL) and its row count. */
  partitions: { value: number | string | null; rows: number }[];
}

/**
 * Profiles each value of `column` as its own partition (a `WHERE column = value` on the server) and merges
 * the partition profiles, as a warehouse's daily partitions or a sharded table's parts combine. The
 * merged profile equals the profile of the whole table (tested): counts and sketches exactly, moments
 * to float rounding. The values come back from the server and go into the SQL as the dialect's literals.
 */
export async function profilePartitions(
  relation: EngineRelation,
  column: string,
  options: { columns?: string[]; onPartition?: (done: number, total: number) => void } = {},
): Promise<PartitionedProfile> {
  const info = relation.columns.find((c) => c.name === column);
  if (!info) throw new InputError(`${relation.name}: no column named '${column}' (--partition-by)`);
  const { ident, batchValue, double, number, string } = relation.dialect;
  const key = batchValue(info);
  const rows = await relation.query(
    `SELECT __key, ${double("count(*)")} AS __n FROM (SELECT ${key} AS __key FROM ${relation.sql}) AS __keys GROUP BY __key ORDER BY __key`,
  );
  if (rows.length > MAX_PARTITIONS)
    throw new InputError(
      `${relation.name}: '${column}' has ${rows.length} values, more than ${MAX_PARTITIONS} partitions; partition by a coarser column`,
    );
  const c = ident(column);
  let merged: TableProfile | null = null;
  const partitions: PartitionedProfile["partitions"] = [];
  for (const [i, row] of rows.entries()) {
    const value = row.__key as number | string | null;
    const predicate =
      value === null
        ? `${c} IS NULL`
        : typeof value === "number" && Number.isNaN(value)
          ? relation.dialect.isNan(key)
          : `${key} = ${typeof value === "number" ? number(value) : string(value)}`;
    const part = await profileSource(relation.where(predicate), { columns: options.columns });
    partitions.push({ value, rows: part.rows });
    merged = merged ? mergeProfiles(merged, part) : part;
    options.onPartition?.(i + 1, rows.length);
  }
  if (!merged) merged = await profileSource(relation, { columns: options.columns });
  return {
    profile: { ...merged, source: { name: relation.name, digest: await relation.digest() } },
    partitions,
  };
}
