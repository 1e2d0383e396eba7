import type { Status } from "../report/report.js";
import type { ColumnInfo, ColumnType } from "../table/types.js";
import {
  type Anomaly,
  complement,
  fmtFactor,
  nullableNum,
  num,
  pct,
  pctOf,
  roundTolerance,
  showValue,
} from "./anomaly.js";
import { columnSetChecks } from "./column-set.js";
import { explainUnseenValues } from "./domain-explain.js";
import { bucketKeySql, logHistogramQuantiles } from "./log-histogram.js";
import { numbered, type QueryFn, sqlIdent, sqlNumber, sqlString, sqlStringList } from "./sql.js";
import type { CheckId, ColumnContract, Schema } from "./types.js";
import { detectUnitChange } from "./units.js";
import { rateStatus, severityFor, statusOf, toleranceFor } from "./verdict.js";

/**
 * Validation: a batch against a contract, pushed down to DuckDB. All counting happens in ONE
 * aggregate scan (missing, non-finite, out-of-range, out-of-domain, format, uniqueness, duplicate
 * rows by row hash, quantiles for unit changes); offending row numbers come from one more scan over
 * the row-numbered relation (`min(__row, k) FILTER (WHERE …)` per failing check), and only when
 * something failed. Out-of-domain values and duplicate pairs get one small query each when they fire.
 */
export interface ValidateInput {
  schema: Schema;
  /** The batch's columns as the source reports them. */
  columns: ColumnInfo[];
  /** A FROM-able DuckDB relation holding the batch. */
  relation: string;
  query: QueryFn;
  /**
   * A second connection to the same database, when there is one: the duplicate-row scan runs on it
   * while the main aggregate runs on `query` (DuckDB's ORDER BY window is largely single-threaded).
   */
  queryConcurrent?: QueryFn;
  /** Offending rows shown per anomaly. */
  maxExamples?: number;
}

export interface ValidationOutcome {
  rows: number;
  results: Anomaly[];
}

interface Pending {
  result: Anomaly;
  predicate?: string;
  column?: string;
}

const NUMERIC: ColumnType[] = ["integer", "float"];

export async function validateBatch(input: ValidateInput): Promise<ValidationOutcome> {
  const { schema, relation, query } = input;
  const maxExamples = input.maxExamples ?? 5;
  const confidence = schema.reference?.confidence ?? 0.999;
  /** A rate check: its tolerance (after schema overrides) and the verdict on k of n. */
  const judge = (check: CheckId, k: number, n: number, base: number, contract?: ColumnContract) => {
    const tolerance = toleranceFor(schema, check, base, contract);
    return {
      tolerance,
      verdict: rateStatus(k, n, tolerance, severityFor(schema, check, contract), confidence),
    };
  };
  const aggregates: string[] = ["count(*)::DOUBLE AS __rows"];
  const add = (sql: string): string => {
    const alias = `a${aggregates.length}`;
    aggregates.push(`${sql} AS ${alias}`);
    return alias;
  };
  const byName = new Map(input.columns.map((c) => [c.name, c]));
  const pending: Pending[] = [];
  const later: ((agg: Record<string, unknown>, rows: number) => void)[] = [];
  const unitCandidates: {
    contract: ColumnContract;
    v: string;
    meanAlias: string;
    outsideAlias: string | null;
    finiteAlias: string | null;
  }[] = [];
  const push = (p: Pending) => pending.push(p);

  // The column set.
  for (const result of columnSetChecks(schema, input.columns)) push({ result });

  for (const contract of schema.columns) {
    const info = byName.get(contract.name);
    if (info) planColumn(contract, info);
  }

  // Table-level: duplicate rows by a 64-bit hash of every column (collisions: ~n²/2⁶⁵, negligible),
  // counted by sorting the hashes and comparing neighbours: a second, narrow scan that costs less
  // CPU than count(DISTINCT …) in the main aggregate (0.63 s vs 0.96 s on flights-3m).
  const allColumns = input.columns.map((c) => sqlIdent(c.name)).join(", ");
  const duplicateScan =
    schema.table.duplicates !== null
      ? (input.queryConcurrent ?? query)(
          `SELECT count(*) FILTER (WHERE h = p)::DOUBLE AS d FROM (SELECT h, lag(h) OVER (ORDER BY h) AS p FROM (SELECT hash(${allColumns}) AS h FROM ${relation}))`,
        )
      : Promise.resolve(null);
  const [aggRows, duplicateRows] = await Promise.all([
    query(`SELECT ${aggregates.join(", ")} FROM ${relation}`),
    duplicateScan,
  ]);
  const agg = aggRows[0] ?? {};
  const rows = num(agg.__rows);
  const duplicateCount = duplicateRows === null ? null : num(duplicateRows[0]?.d);
  for (const evaluate of later) evaluate(agg, rows);
  await checkUnits(agg);

  // Row count.
  {
    const { min, max } = schema.table.rows;
    const severity = severityFor(schema, "schema.row_count");
    const outside = (min !== null && rows < min) || (max !== null && rows > max);
    push({
      result: {
        check: "schema.row_count",
        status: outside ? statusOf(severity) : "pass",
        severity: outside ? severity : "info",
        value: rows,
        expected: { min, max },
        found: rows,
        message: `${rows} rows; the contract accepts ${min ?? "any"} to ${max ?? "any"}`,
        ...(outside
          ? { suggestion: `if batches of this size are normal, set table.rows to include ${rows}` }
          : {}),
      },
    });
  }
  if (duplicateCount !== null) {
    const duplicates = duplicateCount;
    const { tolerance, verdict: v } = judge(
      "data.duplicate_rows",
      duplicates,
      rows,
      schema.table.duplicates ?? 0,
    );
    push({
      result: {
        check: "data.duplicate_rows",
        status: v.status,
        severity: v.severity,
        value: rows > 0 ? duplicates / rows : null,
        threshold: tolerance,
        count: duplicates,
        total: rows,
        lowerBound: v.lowerBound,
        expected: { maxFraction: tolerance },
        found: { duplicates, fraction: rows > 0 ? duplicates / rows : null },
        message: `${duplicates} of ${rows} rows repeat an earlier row (${pct(duplicates, rows)}); the contract allows ${pctOf(tolerance)}`,
        ...(v.status !== "pass"
          ? {
              suggestion: `if repeated rows are legitimate here, raise table.duplicates to ${roundTolerance(duplicates / rows)}`,
            }
          : {}),
      },
    });
  }

  // Offending rows: one scan for every failing check's first row numbers, one to read those rows.
  const needing = pending.filter((p) => p.predicate && p.result.status !== "pass");
  if (needing.length > 0) {
    const picks = needing.map((p, i) => `min(__row, ${maxExamples}) FILTER (WHERE ${p.predicate}) AS e${i}`);
    const [firstRows] = await query(`SELECT ${picks.join(", ")} FROM ${numbered(relation)}`);
    const wanted = new Set<number>();
    const lists = needing.map((_, i) => ((firstRows?.[`e${i}`] as number[] | null) ?? []).map(Number));
    for (const list of lists) for (const r of list) wanted.add(r);
    if (wanted.size > 0) {
      const records = await query(
        `SELECT * FROM ${numbered(relation)} WHERE __row IN (${[...wanted].join(", ")}) ORDER BY __row`,
      );
      const byRow = new Map(records.map((r) => [num(r.__row), r]));
      needing.forEach((p, i) => {
        p.result.examples = lists[i].map((row) => {
          const raw = byRow.get(row) ?? {};
          // the whole offending row, so a person sees the value in its context
          const record: Record<string, unknown> = {};
          for (const c of input.columns) record[c.name] = showValue(raw[c.name], c.type);
          const column = p.column;
          return column === undefined ? { row, record } : { row, value: record[column], record };
        });
      });
    }
  }
  const duplicateResult = pending.find(
    (p) => p.result.check === "data.duplicate_rows" && p.result.status !== "pass",
  );
  if (duplicateResult) {
    const pairs = await query(
      `SELECT __row, __first FROM (SELECT __row, min(__row) OVER (PARTITION BY hash(${allColumns})) AS __first FROM ${numbered(relation)}) WHERE __row <> __first ORDER BY __row LIMIT ${maxExamples}`,
    );
    duplicateResult.result.examples = pairs.map((r) => ({ row: num(r.__row), duplicateOf: num(r.__first) }));
  }
  await explainDomains();
  return { rows, results: pending.map((p) => p.result) };

  function planColumn(contract: ColumnContract, info: ColumnInfo): void {
    const c = sqlIdent(info.name);
    const name = contract.name;
    const present = add(`count(${c})::DOUBLE`);
    const wantNumeric = NUMERIC.includes(contract.type);
    // The numeric view of the column: cast when the batch stores the numbers as text.
    let v: string | null = null;
    let typeCheck: { predicate: string | null; alias: string | null; note: string } | null = null;
    if (contract.type !== info.type) {
      if (wantNumeric && NUMERIC.includes(info.type)) {
        v = `${c}::DOUBLE`;
        if (contract.type === "integer") {
          const pred = `isfinite(${c}::DOUBLE) AND ${c}::DOUBLE <> round(${c}::DOUBLE)`;
          typeCheck = {
            predicate: pred,
            alias: add(`count(*) FILTER (WHERE ${pred})::DOUBLE`),
            note: "non-integer values",
          };
        }
        // integer where float is expected is a widening: accepted.
      } else if (wantNumeric && info.type === "string") {
        const parsed = `TRY_CAST(trim(${c}) AS DOUBLE)`;
        v = parsed;
        const pred = `${c} IS NOT NULL AND ${parsed} IS NULL`;
        typeCheck = {
          predicate: pred,
          alias: add(`count(*) FILTER (WHERE ${pred})::DOUBLE`),
          note: "values that do not parse as numbers",
        };
      } else {
        typeCheck = { predicate: `${c} IS NOT NULL`, alias: null, note: `values stored as ${info.type}` };
      }
    } else if (wantNumeric) {
      v = c;
    }
    // Integer columns hold no NaN or Inf: their finite values are the present ones, and every
    // aggregate can skip the isfinite() filter (a per-row predicate per aggregate on 3M rows adds up).
    const integral = info.type === "integer" && v === c;
    const finite = (x: string) => (integral ? `${x} IS NOT NULL` : `isfinite(${x})`);

    const nan =
      v && (info.type === "float" || info.type === "string")
        ? add(`count(*) FILTER (WHERE isnan(${v}))::DOUBLE`)
        : null;
    const posInf =
      v && (info.type === "float" || info.type === "string")
        ? add(`count(*) FILTER (WHERE ${v} = 'inf'::DOUBLE)::DOUBLE`)
        : null;
    const negInf =
      v && (info.type === "float" || info.type === "string")
        ? add(`count(*) FILTER (WHERE ${v} = '-inf'::DOUBLE)::DOUBLE`)
        : null;
    const finiteCount = v
      ? integral
        ? present
        : add(`count(*) FILTER (WHERE isfinite(${v}))::DOUBLE`)
      : null;
    let rangePred: string | null = null;
    let outside: string | null = null;
    let minA: string | null = null;
    let maxA: string | null = null;
    if (v && contract.range) {
      const parts: string[] = [];
      if (contract.range.min !== null) parts.push(`${v} < ${sqlNumber(contract.range.min)}`);
      if (contract.range.max !== null) parts.push(`${v} > ${sqlNumber(contract.range.max)}`);
      if (parts.length > 0) {
        rangePred = `${finite(v)} AND (${parts.join(" OR ")})`;
        outside = add(`count(*) FILTER (WHERE ${rangePred})::DOUBLE`);
      }
    }
    if (v) {
      minA = add(integral ? `min(${v})::DOUBLE` : `min(${v}) FILTER (WHERE isfinite(${v}))`);
      maxA = add(integral ? `max(${v})::DOUBLE` : `max(${v}) FILTER (WHERE isfinite(${v}))`);
    }
    // Unit changes: the cheap mean rides in the main scan; quantiles (a histogram) are computed in a
    // second scan only for columns whose mean moved by ×1.5 or more, changed sign, or broke the range.
    let meanA: string | null = null;
    if (v && contract.reference && Object.keys(contract.reference.quantiles).length > 0) {
      meanA = add(integral ? `avg(${v})` : `avg(${v}) FILTER (WHERE isfinite(${v}))`);
      unitCandidates.push({ contract, v, meanAlias: meanA, outsideAlias: outside, finiteAlias: finiteCount });
    }
    let domainPred: string | null = null;
    let domainA: string | null = null;
    if (contract.domain) {
      const text = info.type === "string" ? c : `CAST(${c} AS VARCHAR)`;
      domainPred = `${c} IS NOT NULL AND NOT list_contains(${sqlStringList(Object.keys(contract.domain.values))}, ${text})`;
      domainA = add(`count(*) FILTER (WHERE ${domainPred})::DOUBLE`);
    }
    let formatPred: string | null = null;
    let formatA: string | null = null;
    if (contract.format && info.type === "string") {
      const f = contract.format;
      const test =
        f.kind === "regex"
          ? `regexp_full_match(${c}, ${sqlString(f.pattern ?? ".*")})`
          : f.kind === "integer"
            ? `TRY_CAST(trim(${c}) AS BIGINT) IS NOT NULL`
            : f.kind === "float"
              ? `TRY_CAST(trim(${c}) AS DOUBLE) IS NOT NULL`
              : f.kind === "boolean"
                ? `TRY_CAST(trim(${c}) AS BOOLEAN) IS NOT NULL`
                : f.kind === "date"
                  ? `TRY_CAST(trim(${c}) AS DATE) IS NOT NULL`
                  : `TRY_CAST(trim(${c}) AS TIMESTAMP) IS NOT NULL`;
      formatPred = `${c} IS NOT NULL AND NOT (${test})`;
      formatA = add(`count(*) FILTER (WHERE ${formatPred})::DOUBLE`);
    }
    const distinctA = contract.unique ? add(`count(DISTINCT ${c})::DOUBLE`) : null;

    later.push((row, rows) => {
      const nPresent = num(row[present]);
      // type
      if (typeCheck) {
        const bad = typeCheck.alias ? num(row[typeCheck.alias]) : nPresent;
        const severity = severityFor(schema, "schema.type_mismatch", contract);
        const failing = typeCheck.alias === null || bad > 0 || info.type === "string";
        push({
          column: name,
          predicate: failing ? (typeCheck.predicate ?? undefined) : undefined,
          result: {
            check: "schema.type_mismatch",
            subject: { column: name },
            status: failing ? statusOf(severity) : "pass",
            severity: failing ? severity : "info",
            value: nPresent > 0 ? bad / nPresent : null,
            count: bad,
            total: nPresent,
            expected: contract.type,
            found: info.type,
            message:
              typeCheck.alias === null
                ? `expected ${contract.type}, found ${info.type} (${info.sourceType})`
                : `expected ${contract.type}, found ${info.type} (${info.sourceType}); ${bad} of ${nPresent} present values are ${typeCheck.note}` +
                  (info.type === "string" && nPresent > bad ? ` — numbers stored as text` : ""),
            suggestion:
              info.type === "string" && wantNumeric
                ? `fix the writer so that '${name}' stays numeric; ${bad === 0 ? "every value parses, a cast is enough" : "the rows below do not parse"}`
                : `if '${name}' is now ${info.type} on purpose, set columns.${name}.type: ${info.type}`,
          },
        });
      }
      // missing rate
      {
        const k = rows - nPresent;
        const { tolerance, verdict } = judge("schema.missing_rate", k, rows, contract.missing, contract);
        push({
          column: name,
          predicate: `${c} IS NULL`,
          result: {
            check: "schema.missing_rate",
            subject: { column: name },
            ...verdict,
            value: rows > 0 ? k / rows : null,
            threshold: tolerance,
            count: k,
            total: rows,
            expected: { maxFraction: tolerance },
            found: { missing: k, fraction: rows > 0 ? k / rows : null },
            message: `${k} of ${rows} values missing (${pct(k, rows)}); the contract allows ${pctOf(tolerance)}`,
            ...(verdict.status !== "pass"
              ? {
                  suggestion: `if this much missing data is expected, set columns.${name}.missing: ${roundTolerance(k / rows)}`,
                }
              : {}),
          },
        });
      }
      // non-finite
      if (nan && posInf && negInf) {
        const counts = { nan: num(row[nan]), posInf: num(row[posInf]), negInf: num(row[negInf]) };
        const k = counts.nan + counts.posInf + counts.negInf;
        const { tolerance, verdict } = judge(
          "data.non_finite",
          k,
          nPresent,
          contract.nonFinite ?? 0,
          contract,
        );
        push({
          column: name,
          predicate: `${v} IS NOT NULL AND NOT isfinite(${v})`,
          result: {
            check: "data.non_finite",
            subject: { column: name },
            ...verdict,
            value: nPresent > 0 ? k / nPresent : null,
            threshold: tolerance,
            count: k,
            total: nPresent,
            expected: { maxFraction: tolerance },
            found: counts,
            message: `${k} of ${nPresent} present values are not finite (NaN ${counts.nan}, +Inf ${counts.posInf}, −Inf ${counts.negInf}); the contract allows ${pctOf(tolerance)}`,
            ...(verdict.status !== "pass"
              ? {
                  suggestion: `fix the producer (a division by zero or a failed parse?), or set columns.${name}.nonFinite: ${roundTolerance(k / nPresent)}`,
                }
              : {}),
          },
        });
      }
      // range
      if (outside && contract.range) {
        const k = num(row[outside]);
        const nFinite = finiteCount ? num(row[finiteCount]) : nPresent;
        const { tolerance, verdict } = judge(
          "schema.out_of_range",
          k,
          nFinite,
          complement(contract.range.mostly),
          contract,
        );
        const lo = minA ? nullableNum(row[minA]) : null;
        const hi = maxA ? nullableNum(row[maxA]) : null;
        const { min, max } = contract.range;
        push({
          column: name,
          predicate: rangePred ?? undefined,
          result: {
            check: "schema.out_of_range",
            subject: { column: name },
            ...verdict,
            value: nFinite > 0 ? k / nFinite : null,
            threshold: tolerance,
            count: k,
            total: nFinite,
            expected: { min, max, mostly: 1 - tolerance },
            found: { min: lo, max: hi, outside: k },
            message: `${k} of ${nFinite} values outside [${min ?? "−∞"}, ${max ?? "+∞"}] (${pct(k, nFinite)}; batch min ${lo}, max ${hi}); the contract allows ${pctOf(tolerance)}`,
            ...(verdict.status !== "pass"
              ? {
                  suggestion: `if these values are right, widen columns.${name}.range to {min: ${Math.min(min ?? lo ?? 0, lo ?? 0)}, max: ${Math.max(max ?? hi ?? 0, hi ?? 0)}}`,
                }
              : {}),
          },
        });
      }
      // domain
      if (domainA && contract.domain && domainPred) {
        const k = num(row[domainA]);
        const { tolerance, verdict } = judge(
          "schema.out_of_domain",
          k,
          nPresent,
          complement(contract.domain.mostly),
          contract,
        );
        push({
          column: name,
          predicate: domainPred,
          result: {
            check: "schema.out_of_domain",
            subject: { column: name },
            ...verdict,
            value: nPresent > 0 ? k / nPresent : null,
            threshold: tolerance,
            count: k,
            total: nPresent,
            expected: { values: Object.keys(contract.domain.values).length, mostly: 1 - tolerance },
            found: { outOfDomain: k },
            message: `${k} of ${nPresent} values outside the domain of ${Object.keys(contract.domain.values).length} known values (${pct(k, nPresent)}); the contract allows ${pctOf(tolerance)}`,
          },
        });
      }
      // format
      if (formatA && contract.format && formatPred) {
        const k = num(row[formatA]);
        const { tolerance, verdict } = judge(
          "schema.format",
          k,
          nPresent,
          complement(contract.format.mostly),
          contract,
        );
        const label =
          contract.format.kind === "regex" ? `/${contract.format.pattern}/` : contract.format.kind;
        push({
          column: name,
          predicate: formatPred,
          result: {
            check: "schema.format",
            subject: { column: name },
            ...verdict,
            value: nPresent > 0 ? k / nPresent : null,
            threshold: tolerance,
            count: k,
            total: nPresent,
            expected: contract.format,
            found: { notMatching: k },
            message: `${k} of ${nPresent} values do not look like ${label} (${pct(k, nPresent)}); the contract allows ${pctOf(tolerance)}`,
          },
        });
      }
      // uniqueness
      if (distinctA && contract.unique) {
        const k = nPresent - num(row[distinctA]);
        const { tolerance, verdict } = judge(
          "schema.unique",
          k,
          nPresent,
          complement(contract.unique.mostly),
          contract,
        );
        push({
          column: name,
          predicate:
            verdict.status === "pass"
              ? undefined
              : `${c} IN (SELECT ${c} FROM ${relation} GROUP BY ${c} HAVING count(*) > 1)`,
          result: {
            check: "schema.unique",
            subject: { column: name },
            ...verdict,
            value: nPresent > 0 ? k / nPresent : null,
            threshold: tolerance,
            count: k,
            total: nPresent,
            expected: { unique: true },
            found: { repeated: k },
            message: `${k} of ${nPresent} values repeat an earlier value; '${name}' is a key in the contract`,
          },
        });
      }
    });
  }

  async function checkUnits(agg: Record<string, unknown>): Promise<void> {
    const suspects = unitCandidates.filter((u) => {
      const reference = u.contract.reference!;
      const mean = nullableNum(agg[u.meanAlias]);
      const ratio =
        mean !== null && reference.mean !== null && reference.mean !== 0 ? mean / reference.mean : 1;
      const outside = u.outsideAlias ? num(agg[u.outsideAlias]) : 0;
      const finite = u.finiteAlias ? num(agg[u.finiteAlias]) : 0;
      const rangeTolerance = u.contract.range ? complement(u.contract.range.mostly) : 1;
      return !(ratio > 1 / 1.5 && ratio < 1.5) || (finite > 0 && outside / finite > rangeTolerance);
    });
    const histograms: Record<string, unknown> = {};
    if (suspects.length > 0) {
      const parts = suspects.flatMap((u, i) => [
        `to_json(histogram(${bucketKeySql(u.v)}) FILTER (WHERE isfinite(${u.v}) AND ${u.v} <> 0))::VARCHAR AS h${i}`,
        `count(*) FILTER (WHERE ${u.v} = 0)::DOUBLE AS z${i}`,
      ]);
      const [row] = await query(`SELECT ${parts.join(", ")} FROM ${relation}`);
      suspects.forEach((u, i) => {
        histograms[u.contract.name] = { json: row?.[`h${i}`], zeros: num(row?.[`z${i}`]) };
      });
    }
    for (const u of unitCandidates) {
      const contract = u.contract;
      const reference = contract.reference!;
      const name = contract.name;
      const refQuantiles = Object.keys(reference.quantiles);
      const mean = nullableNum(agg[u.meanAlias]);
      const hist = histograms[name] as { json: unknown; zeros: number } | undefined;
      const batchQuantiles: Record<string, number> = {};
      if (hist) {
        const buckets =
          typeof hist.json === "string" ? (JSON.parse(hist.json) as Record<string, number>) : {};
        if (hist.zeros + Object.keys(buckets).length > 0) {
          const list = logHistogramQuantiles(buckets, hist.zeros, refQuantiles.map(Number));
          for (const [i, q] of refQuantiles.entries())
            if (list[i] !== null) batchQuantiles[q] = list[i] as number;
        }
      }
      const batch = { quantiles: batchQuantiles, mean };
      const change = hist ? detectUnitChange(reference, batch) : null;
      // A modest factor matching no known conversion (×1.7) may be a real shift in scale (prices,
      // a new population): at most a warning. Known conversions and factors beyond ×√10 keep the severity.
      const configured = severityFor(schema, "schema.unit_change", contract);
      const modest = change !== null && change.known === null && Math.abs(Math.log10(change.factor)) < 0.5;
      const severity = modest && configured === "error" ? "warning" : configured;
      push({
        column: name,
        result: {
          check: "schema.unit_change",
          subject: { column: name },
          status: change ? statusOf(severity) : "pass",
          severity: change ? severity : "info",
          value: change ? change.factor : null,
          expected: reference,
          found: hist ? batch : { mean },
          message: change
            ? `the distribution moved by a constant factor ×${fmtFactor(change.factor)}${change.known ? ` — ${change.known}` : ""}; every quantile and the mean agree within ×${change.spread.toFixed(3)}`
            : hist
              ? "no constant-factor rescaling of the reference quantiles"
              : "the mean is within ×1.5 of the reference and the range holds: no rescaling",
          ...(hist
            ? { chart: { kind: "quantiles" as const, reference: reference.quantiles, batch: batchQuantiles } }
            : {}),
          ...(change
            ? {
                ratios: change.ratios,
                suggestion: `convert '${name}' back upstream (×${fmtFactor(1 / change.factor)}); if the new unit is intended, multiply columns.${name}.range and reference by ${fmtFactor(change.factor)}`,
              }
            : {}),
        },
      });
    }
  }

  async function explainDomains(): Promise<void> {
    for (const p of pending) {
      const r = p.result;
      if (r.check !== "schema.out_of_domain" || (r.count ?? 0) === 0 || !p.column) continue;
      const contract = schema.columns.find((c) => c.name === p.column)!;
      await explainUnseenValues(r, contract, byName.get(p.column)!, relation, query);
    }
  }
}

export type { Anomaly, Status };
