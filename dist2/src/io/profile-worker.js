import { parentPort, workerData } from "node:worker_threads";
import { ProfileBuilder } from "../profile/build.js";
import { oneLine } from "../table/errors.js";
import { openSource } from "./source.js";
/** One worker of the parallel stream engine: profiles rows [firstRow, endRow) of a Parquet file. */
async function main(task) {
    const source = await openSource({ path: task.path, rowNumbers: true });
    const infos = source.columns.filter((c) => task.columns.includes(c.name));
    const builder = new ProfileBuilder(infos);
    const where = `file_row_number >= ${task.firstRow} AND file_row_number < ${task.endRow}`;
    for await (const batch of source.batches({ columns: task.columns, where }))
        builder.add(batch);
    parentPort.postMessage({ profile: builder.finish({ name: source.name, digest: "" }) });
}
main(workerData).catch((error) => parentPort.postMessage({ error: oneLine(error) }));
