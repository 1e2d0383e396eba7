import type { PersonalColumn } from "../privacy/detect.js";
import { maskValue } from "../privacy/mask.js";
import { finding, type LintFinding, percent } from "./finding.js";

const KIND_WORDS: Record<PersonalColumn["kind"], string> = {
  email: "e-mail addresses",
  phone: "phone numbers",
  payment_card: "payment card numbers (Luhn-valid)",
  national_id: "national identifiers",
  ip_address: "IP addresses",
  birth_date: "dates of birth",
  person_name: "person names",
  street_address: "street addresses",
};

/** lint.personal_data: one warning per personal column, with masked examples only. */
export function personalFindings(found: PersonalColumn[]): LintFinding[] {
  return found.map((p) =>
    finding("lint.personal_data", "warning", {
      subject: { column: p.column },
      value: p.share,
      count: p.matched,
      total: p.sampled,
      kind: p.kind,
      message: `'${p.column}' holds ${KIND_WORDS[p.kind]}: ${p.matched} of the ${p.sampled} values read (${percent(p.matched, p.sampled)})${p.invalidCheckDigits ? `; ${p.invalidCheckDigits} more are card-shaped with a wrong check digit` : ""}`,
      examples: p.examples,
      suggestion: `drop '${p.column}', or pseudonymise it, before the data spreads; mark it 'personal: ${p.kind}' in the schema`,
    }),
  );
}

/**
 * Other findings about a personal column show its values masked: examples' `value`/`label`, and a raw
 * value quoted in the message (near-constant columns quote their top value).
 */
export function maskPersonalFindings(
  results: LintFinding[],
  found: PersonalColumn[],
  topValues: Map<string, unknown>,
): void {
  const kinds = new Map(found.map((p) => [p.column, p.kind]));
  for (const r of results) {
    const column = r.subject?.column;
    const kind = column === undefined ? undefined : kinds.get(column);
    if (kind === undefined || r.check === "lint.personal_data") continue;
    const top = topValues.get(column as string);
    if (top !== undefined && top !== null)
      r.message = r.message.split(JSON.stringify(top)).join(JSON.stringify(maskValue(kind, top)));
    if (Array.isArray(r.examples))
      r.examples = r.examples.map((e) => {
        if (e === null || typeof e !== "object") return maskValue(kind, e);
        const masked: Record<string, unknown> = { ...(e as Record<string, unknown>) };
        for (const key of ["value", "label"]) if (key in masked) masked[key] = maskValue(kind, masked[key]);
        return masked;
      });
  }
}
