import { openSource } from "../../../src/io/source.js";
import { readTable } from "../../../src/model/table.js";
import { fixture } from "../../helpers/cli.js";
export const LABEL = "income-per-year";
/** Adult train and test splits as batches, and their 0/1 labels (positive ">50K"). */
export async function adult() {
    const read = async (file) => readTable(await openSource({ path: fixture("adult", file) }));
    const [train, test] = await Promise.all([read("adult_train.csv"), read("adult_test.csv")]);
    const labels = (b) => {
        const c = b.columns.find((x) => x.name === LABEL);
        return Uint8Array.from(c.values, (v) => (v === ">50K" ? 1 : 0));
    };
    const features = train.columns.map((c) => c.name).filter((n) => n !== LABEL);
    return { train, test, yTrain: labels(train), yTest: labels(test), features };
}
