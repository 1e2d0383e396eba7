import type { CheckResult } from "../report/report.js";

/**
 * JUnit XML for CI systems: one <testcase> per check result. A failing error-severity anomaly is a
 * <failure>; warnings pass but carry their message in <system-out> (JUnit has no "warning" state).
 */
export function validationJunit(suiteName: string, results: CheckResult[], seconds = 0): string {
  return junitDocument([junitSuite(suiteName, results, seconds)], results, seconds);
}

/** A JUnit document of suites (their XML from junitSuite); `results` are all of their cases, for the totals. */
export function junitDocument(suites: string[], results: CheckResult[], seconds = 0): string {
  const failures = results.filter((r) => r.status === "fail" || r.status === "error").length;
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="assay" tests="${results.length}" failures="${failures}" errors="0" time="${seconds.toFixed(3)}">
${suites.join("\n")}
</testsuites>
`;
}

/** One <testsuite>: a test case per check result. */
export function junitSuite(suiteName: string, results: CheckResult[], seconds = 0): string {
  const failures = results.filter((r) => r.status === "fail" || r.status === "error").length;
  const cases = results.map((r) => {
    const subject = r.subject?.rule ?? r.subject?.column ?? r.subject?.group;
    const name = subject !== undefined ? `${r.check} [${subject}]` : r.check;
    const detail = [
      r.message,
      ...(Array.isArray(r.examples) && r.examples.length > 0
        ? [`examples: ${JSON.stringify(r.examples)}`]
        : []),
      ...(typeof r.suggestion === "string" ? [`suggestion: ${r.suggestion}`] : []),
    ].join("\n");
    const open = `    <testcase classname="${xml(r.check)}" name="${xml(name)}" time="0">`;
    if (r.status === "fail" || r.status === "error")
      return `${open}\n      <failure type="${xml(r.check)}" message="${xml(r.message)}">${xml(detail)}</failure>\n    </testcase>`;
    if (r.status === "warn" || r.status === "insufficient")
      return `${open}\n      <system-out>${xml(`warning: ${detail}`)}</system-out>\n    </testcase>`;
    return `${open}</testcase>`;
  });
  return `  <testsuite name="${xml(suiteName)}" tests="${results.length}" failures="${failures}" errors="0" skipped="0" time="${seconds.toFixed(3)}">
${cases.join("\n")}
  </testsuite>`;
}

function xml(text: string): string {
  // XML 1.0 forbids most control characters even when escaped: drop them.
  const printable = Array.from(text)
    .filter((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      return code === 9 || code === 10 || code === 13 || code >= 32;
    })
    .join("");
  return printable
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}
