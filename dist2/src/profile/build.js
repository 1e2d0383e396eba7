import { ColumnAccumulator } from "./column.js";
import { finalizeColumn } from "./finalize.js";
import { PROFILE_FORMAT, PROFILE_VERSION } from "./types.js";
/** The stream engine: feeds batches through one accumulator per column. Browser-safe. */
export class ProfileBuilder {
    columns;
    accumulators;
    rows = 0;
    constructor(columns, options = {}) {
        this.columns = columns;
        this.accumulators = columns.map((c) => new ColumnAccumulator(c, options));
    }
    add(batch) {
        this.rows += batch.length;
        for (const acc of this.accumulators) {
            const column = batch.columns.find((c) => c.name === acc.info.name);
            if (column)
                acc.add(column, batch.length);
            else
                acc.missing += batch.length; // a column absent from a batch is missing in all its rows
        }
    }
    finish(source) {
        return {
            format: PROFILE_FORMAT,
            version: PROFILE_VERSION,
            engine: "stream",
            source,
            rows: this.rows,
            columns: this.accumulators.map((a) => finalizeColumn(a.core())),
        };
    }
}
/** Profiles a stream of batches. */
export async function profileBatches(columns, batches, source, options = {}) {
    const builder = new ProfileBuilder(columns, options);
    let rows = 0;
    for await (const batch of batches) {
        builder.add(batch);
        rows += batch.length;
        options.onBatch?.(rows);
    }
    return builder.finish(source);
}
