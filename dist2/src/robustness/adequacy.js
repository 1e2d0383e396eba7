import { missingAllowed } from "./fuzz-arbitraries.js";
export function cellsOf(c) {
    const withMissing = missingAllowed(c);
    if (c.type === "string") {
        const values = Object.entries(c.domain?.values ?? {})
            .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
            .map(([v]) => v);
        if (values.length === 0)
            return null;
        const slot = new Map(values.map((v, k) => [v, k]));
        const names = [...values, ...(withMissing ? ["(missing)"] : [])];
        return {
            names,
            of: (batch) => {
                const col = batch.columns.find((x) => x.name === c.name);
                return Int32Array.from({ length: batch.length }, (_, i) => col.valid[i] ? (slot.get(String(col.values[i])) ?? -1) : withMissing ? values.length : -1);
            },
        };
    }
    const edges = [
        ...new Set(Object.entries(c.reference?.quantiles ?? {})
            .sort((a, b) => Number(a[0]) - Number(b[0]))
            .map(([, q]) => q)),
    ].filter(Number.isFinite);
    if (edges.length === 0)
        return null;
    const names = [
        `≤ ${edges[0]}`,
        ...edges.slice(1).map((e, k) => `(${edges[k]}, ${e}]`),
        `> ${edges[edges.length - 1]}`,
    ];
    // Edges that repeat (capital-gain's quantiles are mostly 0) are merged, so every bin can hold a value.
    if (withMissing)
        names.push("(missing)");
    return {
        names,
        of: (batch) => {
            const col = batch.columns.find((x) => x.name === c.name);
            return Int32Array.from({ length: batch.length }, (_, i) => {
                if (!col.valid[i] || !Number.isFinite(col.values[i]))
                    return withMissing ? edges.length + 1 : -1;
                const x = col.values[i];
                let k = 0;
                while (k < edges.length && x > edges[k])
                    k++;
                return k;
            });
        },
    };
}
export function testAdequacy(test, columns, options = {}) {
    const skipped = [];
    const usable = [];
    for (const c of columns) {
        if (!test.columns.some((x) => x.name === c.name)) {
            skipped.push({ column: c.name, reason: "not in the test set" });
            continue;
        }
        const cells = cellsOf(c);
        if (!cells) {
            skipped.push({
                column: c.name,
                reason: c.type === "string"
                    ? "the contract has no domain for it"
                    : "the contract has no reference quantiles for it",
            });
            continue;
        }
        const reference = options.reference?.columns.some((x) => x.name === c.name)
            ? cells.of(options.reference)
            : null;
        usable.push({ contract: c, cells, test: cells.of(test), reference });
    }
    const top = options.top ?? 20;
    const features = usable.map(({ contract, cells, test: rows }) => {
        const counts = new Array(cells.names.length).fill(0);
        for (const k of rows)
            if (k >= 0)
                counts[k]++;
        const covered = counts.filter((x) => x > 0).length;
        return {
            column: contract.name,
            cells: cells.names,
            counts,
            covered,
            coverage: covered / cells.names.length,
            untested: cells.names.filter((_, k) => counts[k] === 0),
        };
    });
    const pairs = [];
    let allCells = 0;
    let allCovered = 0;
    for (let x = 0; x < usable.length; x++)
        for (let y = x + 1; y < usable.length; y++) {
            const a = usable[x];
            const b = usable[y];
            const width = b.cells.names.length;
            const seen = new Uint8Array(a.cells.names.length * width);
            for (let i = 0; i < test.length; i++)
                if (a.test[i] >= 0 && b.test[i] >= 0)
                    seen[a.test[i] * width + b.test[i]] = 1;
            let wanted;
            if (a.reference && b.reference) {
                wanted = new Uint8Array(seen.length);
                for (let i = 0; i < a.reference.length; i++)
                    if (a.reference[i] >= 0 && b.reference[i] >= 0)
                        wanted[a.reference[i] * width + b.reference[i]] = 1;
            }
            else
                wanted = new Uint8Array(seen.length).fill(1);
            let cells = 0;
            let covered = 0;
            const untested = [];
            for (let k = 0; k < seen.length; k++) {
                if (!wanted[k])
                    continue;
                cells++;
                if (seen[k])
                    covered++;
                else if (untested.length < top)
                    untested.push(`${a.contract.name} ${a.cells.names[Math.floor(k / width)]} × ${b.contract.name} ${b.cells.names[k % width]}`);
            }
            allCells += cells;
            allCovered += covered;
            pairs.push({
                columns: [a.contract.name, b.contract.name],
                cells,
                covered,
                coverage: cells > 0 ? covered / cells : 1,
                untested,
            });
        }
    pairs.sort((p, q) => p.coverage - q.coverage);
    return {
        rows: test.length,
        features,
        pairs,
        pairCoverage: allCells > 0 ? allCovered / allCells : null,
        skipped,
    };
}
