import { numbered, type QueryFn, sqlIdent } from "../schema/sql.js";
import { InputError } from "../table/errors.js";
import type { Relation } from "../table/relation.js";
import type { ColumnInfo } from "../table/types.js";
import { columnFacts, columnFindings } from "./columns.js";
import { exposureFinding } from "./exposure.js";
import { finding, type LintFinding, percent } from "./finding.js";
import { labelFindings } from "./label.js";
import { outlierFindings } from "./outliers.js";
import { overlapFindings } from "./overlap.js";

/** Data bugs that need no schema, all computed by DuckDB over the source relation. */
interface LintInput {
  relation: string;
  columns: ColumnInfo[];
  query: QueryFn;
  label?: string;
  against?: { name: string; relation: string; columns: ColumnInfo[] };
  maxExamples?: number;
  exposure?: { column: string; values?: string[] };
}

async function lintTable(input: LintInput): Promise<{ rows: number; results: LintFinding[] }> {
  const { relation, columns, query } = input;
  const maxExamples = input.maxExamples ?? 5;
  const facts = await columnFacts(relation, columns, query);
  const all = columns.map((c) => sqlIdent(c.name)).join(", ");
  const [dup] = await query(
    `SELECT count(*)::DOUBLE AS n, count(DISTINCT hash(${all}))::DOUBLE AS d FROM ${relation}`,
  );
  const rows = Number(dup.n);
  const results: LintFinding[] = [];
  results.push(...(await columnFindings(relation, facts, query, rows, { label: input.label, maxExamples })));
  results.push(...(await outlierFindings(relation, facts, query, maxExamples)));

  const duplicates = rows - Number(dup.d);
  const pairs =
    duplicates > 0 && maxExamples > 0
      ? await query(
          `SELECT __row, __first FROM (SELECT __row, min(__row) OVER (PARTITION BY hash(${all})) AS __first FROM ${numbered(relation)}) WHERE __row <> __first ORDER BY __row LIMIT ${maxExamples}`,
        )
      : [];
  results.push(
    finding("lint.duplicate_rows", duplicates > 0 ? "warning" : "info", {
      value: rows > 0 ? duplicates / rows : null,
      count: duplicates,
      total: rows,
      message: `${duplicates} of ${rows} rows (${percent(duplicates, rows)}) repeat an earlier row`,
      ...(duplicates > 0
        ? { examples: pairs.map((r) => ({ row: Number(r.__row), duplicateOf: Number(r.__first) })) }
        : {}),
    }),
  );
  if (input.label !== undefined)
    results.push(...(await labelFindings(relation, input.label, facts, query, maxExamples)));
  if (input.exposure && input.label !== undefined)
    results.push(
      await exposureFinding({
        relation,
        columns,
        query,
        exposure: input.exposure.column,
        exposedValues: input.exposure.values,
        label: input.label,
      }),
    );
  if (input.against) {
    const names = new Set(input.against.columns.map((c) => c.name));
    const shared = columns.map((c) => c.name).filter((n) => names.has(n));
    results.push(
      ...(await overlapFindings(relation, input.against, shared, query, { label: input.label, maxExamples })),
    );
  }
  return { rows, results };
}

/**
 * A relation linted (`assay lint <source>`): with `label`, the label checks; with `against`, the rows it
 * shares with another relation of the same engine (train/test overlap).
 */
export function lintRelation(
  relation: Relation,
  options: {
    label?: string;
    against?: Relation;
    maxExamples?: number;
    /** The column marking model exposure (or the deployed model's decision) and its exposed values. */
    exposure?: { column: string; values?: string[] };
  } = {},
): Promise<{ rows: number; results: LintFinding[] }> {
  const { label, against } = options;
  if (label !== undefined && !relation.columns.some((c) => c.name === label))
    throw new InputError(
      `${relation.name}: no label column named '${label}' (columns: ${relation.columns.map((c) => c.name).join(", ")})`,
    );
  if (options.exposure) {
    if (label === undefined) throw new InputError("--exposure needs --label: it compares the labels of exposed and unexposed rows");
    if (!relation.columns.some((c) => c.name === options.exposure!.column))
      throw new InputError(`${relation.name}: no exposure column named '${options.exposure.column}'`);
  }
  if (against && !against.columns.some((c) => relation.columns.some((s) => s.name === c.name)))
    throw new InputError(`${against.name}: shares no column with ${relation.name}`);
  return lintTable({
    relation: relation.sql,
    columns: relation.columns,
    query: (sql) => relation.query(sql),
    label,
    against: against ? { name: against.name, relation: against.sql, columns: against.columns } : undefined,
    maxExamples: options.maxExamples,
    exposure: options.exposure,
  });
}
