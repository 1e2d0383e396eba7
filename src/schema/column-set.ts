import type { ColumnInfo } from "../table/types.js";
import type { Anomaly } from "./anomaly.js";
import { spellingVariantOf } from "./spelling.js";
import type { Schema } from "./types.js";
import { severityFor, statusOf } from "./verdict.js";

/** schema.missing_column and schema.new_column: the batch's columns against the contract's. */
export function columnSetChecks(schema: Schema, columns: ColumnInfo[]): Anomaly[] {
  const out: Anomaly[] = [];
  const present = new Set(columns.map((c) => c.name));
  const contracted = new Set(schema.columns.map((c) => c.name));
  const newColumns = columns.filter((c) => !contracted.has(c.name));
  for (const contract of schema.columns) {
    if (present.has(contract.name)) continue;
    const severity = contract.required ? severityFor(schema, "schema.missing_column", contract) : "info";
    const renamed = newColumns.find((c) => spellingVariantOf(c.name, [contract.name]) !== null);
    out.push({
      check: "schema.missing_column",
      subject: { column: contract.name },
      status: statusOf(severity),
      severity,
      expected: { column: contract.name, type: contract.type, required: contract.required },
      found: null,
      message:
        `column '${contract.name}' (${contract.type}) is ${contract.required ? "required" : "optional"} but absent` +
        (renamed ? `; '${renamed.name}' appeared instead — renamed?` : ""),
      suggestion: renamed
        ? `rename '${renamed.name}' back to '${contract.name}' upstream, or rename the column in the schema`
        : `if the column was dropped on purpose, set columns.${contract.name}.required: false or remove it`,
    });
  }
  // a contract of rules alone (no columns:) says nothing about which columns a batch has
  for (const info of schema.columns.length > 0 ? newColumns : []) {
    const severity = severityFor(schema, "schema.new_column");
    out.push({
      check: "schema.new_column",
      subject: { column: info.name },
      status: statusOf(severity),
      severity,
      expected: null,
      found: { column: info.name, type: info.type },
      message: `column '${info.name}' (${info.type}) is not in the contract`,
      suggestion: `add columns.${info.name}: {type: ${info.type}} (or run 'assay schema infer' on a batch that has it)`,
    });
  }

  return out;
}
