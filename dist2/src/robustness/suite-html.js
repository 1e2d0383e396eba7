/** The HTML view of a suite run: a table of tests and, per failed test, its failing examples. */
import { badge, escapeHtml } from "../report/html.js";
export function suiteSections(outcomes) {
    const rows = outcomes
        .map((o) => `<tr><td>${badge(o.status)}</td><td>${o.type.toUpperCase()}</td><td>${escapeHtml(o.name)}</td><td>${escapeHtml(o.relation)}</td><td class="num">${o.rows}</td><td class="num">${o.failures}</td><td class="num">${o.rate === null ? "–" : `${(100 * o.rate).toFixed(1)}%`}</td><td class="num">${o.ci ? `${(100 * o.ci[0]).toFixed(1)}–${(100 * o.ci[1]).toFixed(1)}%` : "–"}</td><td class="num">${(100 * o.tolerance).toFixed(1)}%</td></tr>`)
        .join("\n");
    const sections = [
        `<section><h2>Tests</h2><table><thead><tr><th>status</th><th>type</th><th>test</th><th>relation</th><th class="num">rows</th><th class="num">failed</th><th class="num">rate</th><th class="num">95% CI</th><th class="num">tolerance</th></tr></thead><tbody>${rows}</tbody></table></section>`,
    ];
    for (const o of outcomes) {
        if (o.examples.length === 0)
            continue;
        const body = o.examples
            .map((e) => {
            const keys = Object.keys(e.row);
            const cells = keys
                .map((k) => {
                const after = e.transformed?.[k];
                const moved = e.transformed !== undefined && after !== e.row[k];
                return `<td${moved ? ' style="background:#fef3c7"' : ""}>${escapeHtml(e.row[k])}${moved ? ` → ${escapeHtml(after)}` : ""}</td>`;
            })
                .join("");
            return `<tr><td class="num">${e.score.toFixed(4)}</td><td class="num">${e.transformedScore === undefined ? "" : e.transformedScore.toFixed(4)}</td>${cells}</tr>`;
        })
            .join("\n");
        const head = Object.keys(o.examples[0].row)
            .map((k) => `<th>${escapeHtml(k)}</th>`)
            .join("");
        sections.push(`<section><h2>${escapeHtml(o.name)} ${badge(o.status)}</h2><p>${escapeHtml(o.message)}</p><table><thead><tr><th class="num">score</th><th class="num">after</th>${head}</tr></thead><tbody>${body}</tbody></table></section>`);
    }
    return sections;
}
