/** Reads the columns a model test needs from a relation into one in-memory batch. */
export async function readTable(source, columns) {
    const parts = [];
    let length = 0;
    for await (const batch of source.batches(columns ? { columns } : {})) {
        parts.push(batch);
        length += batch.length;
    }
    const info = columns ? columns.map((name) => source.columns.find((c) => c.name === name)) : source.columns;
    const out = info.map((c, j) => {
        const valid = new Uint8Array(length);
        if (c.type === "string") {
            const values = new Array(length);
            let at = 0;
            for (const p of parts) {
                const col = p.columns[j];
                valid.set(col.valid, at);
                for (let i = 0; i < p.length; i++)
                    values[at + i] = col.values[i];
                at += p.length;
            }
            return { name: c.name, type: "string", values, valid };
        }
        const values = new Float64Array(length);
        let at = 0;
        for (const p of parts) {
            const col = p.columns[j];
            valid.set(col.valid, at);
            values.set(col.values, at);
            at += p.length;
        }
        return { name: c.name, type: c.type, values, valid };
    });
    return { length, offset: 0, columns: out };
}
