import type { Batch, ColumnInfo } from "../table/types.js";
import { ColumnAccumulator, type ProfileOptions } from "./column.js";
import { finalizeColumn } from "./finalize.js";
import { PROFILE_FORMAT, PROFILE_VERSION, type TableProfile } from "./types.js";

/** The stream engine: feeds batches through one accumulator per column. Browser-safe. */
export class ProfileBuilder {
  private readonly accumulators: ColumnAccumulator[];
  private rows = 0;

  constructor(
    readonly columns: ColumnInfo[],
    options: ProfileOptions = {},
  ) {
    this.accumulators = columns.map((c) => new ColumnAccumulator(c, options));
  }

  add(batch: Batch): void {
    this.rows += batch.length;
    for (const acc of this.accumulators) {
      const column = batch.columns.find((c) => c.name === acc.info.name);
      if (column) acc.add(column, batch.length);
      else acc.missing += batch.length; // a column absent from a batch is missing in all its rows
    }
  }

  finish(source: { name: string; digest: string }): TableProfile {
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
export async function profileBatches(
  columns: ColumnInfo[],
  batches: AsyncIterable<Batch> | Iterable<Batch>,
  source: { name: string; digest: string },
  options: ProfileOptions & { onBatch?: (rowsSoFar: number) => void } = {},
): Promise<TableProfile> {
  const builder = new ProfileBuilder(columns, options);
  let rows = 0;
  for await (const batch of batches) {
    builder.add(batch);
    rows += batch.length;
    options.onBatch?.(rows);
  }
  return builder.finish(source);
}
