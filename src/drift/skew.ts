import { InputError } from "../table/errors.js";
import type { Relation, Row } from "../table/relation.js";
import type { ColumnInfo } from "../table/types.js";

/** How two values of a feature are compared after the join. */
interface SkewOptions {
  key: string[];
  /** Numeric values match when |a − b| ≤ absolute + relative·|a|. */
  tolerance: { absolute: number; relative: number };
  /** A feature is skewed when the share of differing joined rows exceeds this. */
  threshold: number;
  examples: number;
  columns?: string[];
  /** Leave keys that repeat on a side out of the comparison (with a warning) instead of refusing them. */
  allowRepeatedKeys?: boolean;
}

export interface FeatureSkew {
  name: string;
  comparison: "numeric" | "exact";
  trainingType: string;
  servingType: string;
  /** Joined rows where the values differ (both present and unequal, or missing on one side only). */
  differing: number;
  share: number;
  bothPresentDiffer: number;
  missingInTrainingOnly: number;
  missingInServingOnly: number;
  /** Largest |a − b| over joined numeric rows (null for exact comparison). */
  maxAbsDifference: number | null;
  status: "skew" | "ok";
  examples: { key: Record<string, unknown>; training: unknown; serving: unknown }[];
}

export interface SkewResult {
  key: string[];
  join: {
    trainingRows: number;
    servingRows: number;
    /** Keys present once on each side, compared. */
    joined: number;
    trainingOnly: number;
    servingOnly: number;
    /** Keys occurring more than once on a side: ambiguous, left out of the comparison. */
    duplicateTrainingKeys: number;
    duplicateServingKeys: number;
  };
  features: FeatureSkew[];
  skewed: boolean;
}

const NUMERIC = new Set(["integer", "float"]);

/**
 * Training/serving skew: joins the two tables on the key inside the training relation's engine (serving
 * must be readable there: two files in one DuckDB) and, per feature, counts the joined rows whose values
 * differ. Numbers match within the tolerance; everything else must be equal (NULL matches NULL; NULL on
 * one side only is a difference). A key that repeats on a side does not identify a row and makes the
 * join ambiguous: an input error, unless allowRepeatedKeys leaves those keys out (counted, warned). A
 * join with no key on both sides is an input error too: "no skew" over no rows is no verdict.
 */
export async function keyedSkew(
  training: Relation,
  serving: Relation,
  options: SkewOptions,
): Promise<SkewResult> {
  const quote = training.dialect.ident;
  const one = async (sql: string): Promise<Row> => (await training.query(sql))[0];
  const features = training.columns.filter(
    (c) =>
      !options.key.includes(c.name) &&
      serving.columns.some((s) => s.name === c.name) &&
      (!options.columns || options.columns.includes(c.name)),
  );
  const keyList = options.key.map(quote).join(", ");
  const tag = Math.random().toString(36).slice(2, 10);
  const t = `assay_skew_t_${tag}`;
  const s = `assay_skew_s_${tag}`;
  const select = [...options.key, ...features.map((f) => f.name)].map(quote).join(", ");
  await training.query(`CREATE TEMP TABLE ${t} AS SELECT ${select} FROM ${training.sql}`);
  // serving's own session reads its file (so a read error names it); the join then reads its copy
  await training.query(`CREATE TEMP TABLE ${s} AS SELECT ${select} FROM ${await serving.materialized()}`);
  try {
    const counts = await one(
      `WITH tk AS (SELECT ${keyList}, count(*) AS c FROM ${t} GROUP BY ALL),
            sk AS (SELECT ${keyList}, count(*) AS c FROM ${s} GROUP BY ALL)
       SELECT (SELECT count(*) FROM ${t})::DOUBLE AS training_rows,
              (SELECT count(*) FROM ${s})::DOUBLE AS serving_rows,
              (SELECT count(*) FROM tk WHERE c > 1)::DOUBLE AS dup_t,
              (SELECT count(*) FROM sk WHERE c > 1)::DOUBLE AS dup_s,
              (SELECT count(*) FROM tk JOIN sk USING (${keyList}) WHERE tk.c = 1 AND sk.c = 1)::DOUBLE AS joined,
              (SELECT count(*) FROM tk ANTI JOIN sk USING (${keyList}))::DOUBLE AS training_only,
              (SELECT count(*) FROM sk ANTI JOIN tk USING (${keyList}))::DOUBLE AS serving_only`,
    );
    if (!options.allowRepeatedKeys && Number(counts.dup_t) + Number(counts.dup_s) > 0)
      throw new InputError(await repeatedKeyMessage(training, t, s, options.key, counts));
    if (Number(counts.joined) === 0)
      throw new InputError(
        `no value of the key ${options.key.join(", ")} occurs once on each side (training ${counts.training_rows} rows, serving ${counts.serving_rows}): there is nothing to compare`,
      );
    const joinedRows = `(SELECT * FROM ${t} WHERE (${keyList}) IN (SELECT (${keyList}) FROM ${t} GROUP BY ALL HAVING count(*) = 1)) AS a
       JOIN (SELECT * FROM ${s} WHERE (${keyList}) IN (SELECT (${keyList}) FROM ${s} GROUP BY ALL HAVING count(*) = 1)) AS b USING (${keyList})`;
    const parts: string[] = [];
    const plans = features.map((f, i) => {
      const other = serving.columns.find((c) => c.name === f.name) as ColumnInfo;
      const numeric = NUMERIC.has(f.type) && NUMERIC.has(other.type);
      const a = numeric ? `CAST(a.${quote(f.name)} AS DOUBLE)` : `CAST(a.${quote(f.name)} AS VARCHAR)`;
      const b = numeric ? `CAST(b.${quote(f.name)} AS DOUBLE)` : `CAST(b.${quote(f.name)} AS VARCHAR)`;
      const bothPresentDiffer = numeric
        ? `(${a} IS NOT NULL AND ${b} IS NOT NULL AND NOT (${a} = ${b} OR abs(${a} - ${b}) <= ${options.tolerance.absolute} + ${options.tolerance.relative} * abs(${a})))`
        : `(${a} IS NOT NULL AND ${b} IS NOT NULL AND ${a} <> ${b})`;
      const differ = `(${bothPresentDiffer} OR (${a} IS NULL) <> (${b} IS NULL))`;
      parts.push(`count(*) FILTER (WHERE ${bothPresentDiffer})::DOUBLE AS d${i}`);
      parts.push(`count(*) FILTER (WHERE ${a} IS NULL AND ${b} IS NOT NULL)::DOUBLE AS mt${i}`);
      parts.push(`count(*) FILTER (WHERE ${a} IS NOT NULL AND ${b} IS NULL)::DOUBLE AS ms${i}`);
      parts.push(numeric ? `max(abs(${a} - ${b}))::DOUBLE AS x${i}` : `NULL::DOUBLE AS x${i}`);
      return { f, other, numeric, differ, a, b };
    });
    const totals = plans.length > 0 ? await one(`SELECT ${parts.join(", ")} FROM ${joinedRows}`) : {};
    const joined = Number(counts.joined);
    const result: FeatureSkew[] = [];
    for (const [i, p] of plans.entries()) {
      const bothPresentDiffer = Number(totals[`d${i}`]);
      const missingInTrainingOnly = Number(totals[`mt${i}`]);
      const missingInServingOnly = Number(totals[`ms${i}`]);
      const differing = bothPresentDiffer + missingInTrainingOnly + missingInServingOnly;
      const share = joined > 0 ? differing / joined : 0;
      const examples =
        differing > 0 && options.examples > 0
          ? (
              await training.query(
                `SELECT ${options.key.map((k) => `${quote(k)} AS ${quote(`key:${k}`)}`).join(", ")}, ${p.a} AS training, ${p.b} AS serving FROM ${joinedRows} WHERE ${p.differ} ORDER BY ${keyList} LIMIT ${options.examples}`,
              )
            ).map((r) => {
              const key: Record<string, unknown> = {};
              for (const k of options.key) key[k] = r[`key:${k}`];
              return { key, training: r.training, serving: r.serving };
            })
          : [];
      const max = totals[`x${i}`];
      result.push({
        name: p.f.name,
        comparison: p.numeric ? "numeric" : "exact",
        trainingType: p.f.type,
        servingType: p.other.type,
        differing,
        share,
        bothPresentDiffer,
        missingInTrainingOnly,
        missingInServingOnly,
        maxAbsDifference: max === null || max === undefined ? null : Number(max),
        status: differing > 0 && share > options.threshold ? "skew" : "ok",
        examples,
      });
    }
    result.sort((a, b) => b.share - a.share || a.name.localeCompare(b.name));
    return {
      key: options.key,
      join: {
        trainingRows: Number(counts.training_rows),
        servingRows: Number(counts.serving_rows),
        joined,
        trainingOnly: Number(counts.training_only),
        servingOnly: Number(counts.serving_only),
        duplicateTrainingKeys: Number(counts.dup_t),
        duplicateServingKeys: Number(counts.dup_s),
      },
      features: result,
      skewed: result.some((f) => f.status === "skew"),
    };
  } finally {
    await training.query(`DROP TABLE IF EXISTS ${t}`);
    await training.query(`DROP TABLE IF EXISTS ${s}`);
  }
}

/** "key age repeats: 15,982 of 16,281 training rows share a value with another row (e.g. age = 36, 460 rows)". */
async function repeatedKeyMessage(
  relation: Relation,
  training: string,
  serving: string,
  key: string[],
  counts: Row,
): Promise<string> {
  const quote = relation.dialect.ident;
  const keyList = key.map(quote).join(", ");
  const parts: string[] = [];
  for (const [side, table, rows] of [
    ["training", training, counts.training_rows],
    ["serving", serving, counts.serving_rows],
  ] as const) {
    const [r] = await relation.query(
      `SELECT coalesce(sum(c), 0)::DOUBLE AS repeated, arg_max(k, c) AS k, max(c)::DOUBLE AS top FROM (SELECT CAST((${keyList}) AS VARCHAR) AS k, count(*) AS c FROM ${table} GROUP BY ALL HAVING count(*) > 1)`,
    );
    if (Number(r.repeated) > 0)
      parts.push(
        `${Number(r.repeated)} of ${Number(rows)} ${side} rows share a key value with another row (e.g. ${key.join(", ")} = ${String(r.k)}: ${Number(r.top)} rows)`,
      );
  }
  return `the key ${key.join(", ")} is not unique: ${parts.join("; ")}. Join on columns that identify a row, or pass --allow-repeated-keys to leave repeated keys out`;
}
