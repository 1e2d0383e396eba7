/** The German credit purpose fixture (test/fixtures/multiclass): rows, both models' probabilities, the oracle. */
import { readFileSync } from "node:fs";
import { fixture } from "../helpers/cli.js";

export const multiclassOracle = JSON.parse(
  readFileSync(fixture("multiclass", "multiclass_oracle.json"), "utf8"),
);

export interface GermanPurpose {
  classes: string[];
  labels: Uint32Array;
  sex: string[];
  v1: Float64Array;
  v2: Float64Array;
}

export function germanPurpose(): GermanPurpose {
  const lines = readFileSync(fixture("multiclass", "german_purpose_test.csv"), "utf8").trim().split("\n");
  const header = lines[0].split(",");
  const classes: string[] = multiclassOracle.classes;
  const k = classes.length;
  const n = lines.length - 1;
  const at = (name: string) => header.indexOf(name);
  const out: GermanPurpose = {
    classes,
    labels: new Uint32Array(n),
    sex: new Array(n),
    v1: new Float64Array(n * k),
    v2: new Float64Array(n * k),
  };
  for (let i = 0; i < n; i++) {
    // the last column is a quoted JSON array; everything before it is plain
    const cells = lines[i + 1].slice(0, lines[i + 1].indexOf(',"')).split(",");
    out.labels[i] = classes.indexOf(cells[at("purpose")]);
    out.sex[i] = cells[at("sex")];
    classes.forEach((c, j) => {
      out.v1[i * k + j] = Number(cells[at(`p1_${c}`)]);
      out.v2[i * k + j] = Number(cells[at(`p2_${c}`)]);
    });
  }
  return out;
}
