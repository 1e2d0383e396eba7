import { openSource } from "../../../src/io/source.js";
import { readTable } from "../../../src/model/table.js";
import type { Batch } from "../../../src/table/types.js";
import { fixture } from "../../helpers/cli.js";

export const LABEL = "income-per-year";

/** Adult train and test splits as batches, and their 0/1 labels (positive ">50K"). */
export async function adult(): Promise<{
  train: Batch;
  test: Batch;
  yTrain: Uint8Array;
  yTest: Uint8Array;
  features: string[];
}> {
  const read = async (file: string) => readTable(await openSource({ path: fixture("adult", file) }));
  const [train, test] = await Promise.all([read("adult_train.csv"), read("adult_test.csv")]);
  const labels = (b: Batch) => {
    const c = b.columns.find((x) => x.name === LABEL)!;
    return Uint8Array.from(c.values as (string | null)[], (v) => (v === ">50K" ? 1 : 0));
  };
  const features = train.columns.map((c) => c.name).filter((n) => n !== LABEL);
  return { train, test, yTrain: labels(train), yTest: labels(test), features };
}
