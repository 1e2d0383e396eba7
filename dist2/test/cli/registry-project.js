import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixture, runCli } from "../helpers/cli.js";
/** A scratch project: two models, train/eval slices of adult, a config; the registry lives in its .assay/. */
export function project() {
    const dir = mkdtempSync(join(tmpdir(), "assay-registry-"));
    copyFileSync(fixture("compat", "adult_v1.onnx"), join(dir, "v1.onnx"));
    copyFileSync(fixture("compat", "adult_v2.onnx"), join(dir, "v2.onnx"));
    copyFileSync(fixture("compat", "adult_v1.onnx"), join(dir, "adult_v1.onnx"));
    copyFileSync(fixture("compat", "adult_v1.yaml"), join(dir, "adult_v1.yaml"));
    copyFileSync(fixture("compat", "adult_v2.onnx"), join(dir, "adult_v2.onnx"));
    copyFileSync(fixture("compat", "adult_v2.yaml"), join(dir, "adult_v2.yaml"));
    const train = readFileSync(fixture("adult", "adult_train.csv"), "utf8").split("\n");
    writeFileSync(join(dir, "train.csv"), `${train.slice(0, 2001).join("\n")}\n`);
    const evalRows = readFileSync(fixture("adult", "adult_test.csv"), "utf8").split("\n");
    writeFileSync(join(dir, "eval.csv"), `${evalRows.slice(0, 1001).join("\n")}\n`);
    writeFileSync(join(dir, "v1.yaml"), "model:\n  C: 1.0\n  solver: lbfgs\n");
    const cli = (...args) => runCli(args, { cwd: dir, env: { ASSAY_HOME: join(dir, ".assay") } });
    return { dir, cli, train };
}
