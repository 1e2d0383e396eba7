import { join } from "node:path";
import { duckdbDialect } from "../../table/duckdb-dialect.js";
import { assay } from "./assay-process.js";

interface PrivacyResult {
  lines: string[];
  reports: string[];
}

/**
 * Adult, personal data: the training rows with a made-up e-mail column added, linted — the column is
 * found and shown masked — and the k-anonymity of (age, sex, race, native-country).
 */
export function runPrivacy(examples: string, say: (line: string) => void): PrivacyResult {
  const train = duckdbDialect.string(join(examples, "adult_train.csv"));
  say("adult · personal data and k-anonymity (a made-up e-mail column added to the training rows)");
  const lint = assay([
    "lint",
    "--sql",
    `SELECT *, 'person' || row_number() OVER () || '@example.com' AS contact FROM ${train}`,
    "--quasi",
    "age,sex,race,native-country",
    "--json",
  ]).report;
  const lines: string[] = [];
  if (lint) {
    const results = lint.results as { check: string; subject?: { column?: string }; examples?: unknown[] }[];
    const personal = results.filter((r) => r.check === "lint.personal_data");
    const k = results.find((r) => r.check === "lint.k_anonymity") as
      | { value: number; uniqueRows: number; total: number }
      | undefined;
    lines.push(
      `  personal data: ${personal.map((p) => `'${p.subject?.column}' (shown as ${JSON.stringify(p.examples?.[0])})`).join(", ") || "none"}` +
        (k
          ? `; (age, sex, race, native-country) is ${k.value}-anonymous, ${k.uniqueRows} of ${k.total} rows unique`
          : ""),
    );
  }
  return { lines, reports: [] };
}
