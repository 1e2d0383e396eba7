import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import Database from "better-sqlite3";
import { project } from "./registry-project.js";
test("registry add / list / show: digests of model, data and config; features; versions", () => {
    const { dir, cli } = project();
    try {
        const add = cli("registry", "add", "adult", "--model", "v1.onnx", "--train", "train.csv", "--eval", "eval.csv", "--config", "v1.yaml", "--features", "age,fnlwgt", "--json");
        assert.equal(add.code, 0, add.stderr);
        const record = JSON.parse(add.stdout);
        assert.equal(record.version, "1");
        assert.equal(record.digest.length, 64);
        assert.deepEqual(record.features, ["age", "fnlwgt"]);
        assert.deepEqual(record.datasets.map((d) => d.role), ["train", "eval"]);
        assert.equal(record.datasets[0].fingerprint.rows, 2000);
        assert.equal(record.datasets[1].fingerprint.columns.length, 15);
        assert.equal(cli("registry", "add", "adult", "--model", "v2.onnx", "--train", "train.csv").code, 0);
        const list = JSON.parse(cli("registry", "list", "--json").stdout);
        assert.deepEqual(list.models.map((m) => m.version), ["1", "2"]);
        const show = cli("registry", "show", "adult@1");
        assert.match(show.stdout, /^adult@1\n {2}model {5}v1\.onnx {2}sha256 [0-9a-f]{64}/);
        assert.match(show.stdout, /train {5}train\.csv .* 2000 rows × 15 columns/);
        assert.match(cli("registry", "show", "adult").stdout, /^adult@2/);
        assert.ok(existsInRegistry(dir));
        // A model descriptor: the model file is the ONNX it names, the descriptor is the configuration.
        const described = JSON.parse(cli("registry", "add", "described", "--model", "adult_v1.yaml", "--json").stdout);
        assert.equal(described.digest, record.digest);
        assert.match(described.configPath, /adult_v1\.yaml$/);
        assert.equal(described.features.length, 6);
    }
    finally {
        rmSync(dir, { recursive: true, force: true });
    }
});
function existsInRegistry(dir) {
    try {
        readFileSync(join(dir, ".assay", "registry.db"));
        return true;
    }
    catch {
        return false;
    }
}
test("registry check marks models stale when their data changes, says what changed, and cascades", () => {
    const { dir, cli, train } = project();
    try {
        cli("registry", "add", "adult", "--model", "v1.onnx", "--train", "train.csv", "--eval", "eval.csv");
        cli("registry", "add", "stacker", "--model", "v2.onnx", "--input-model", "adult@1", "--eval", "eval.csv");
        const clean = cli("registry", "check");
        assert.equal(clean.code, 0, clean.stdout + clean.stderr);
        assert.match(clean.stdout, /0 of 2 model\(s\) stale/);
        // The training data is re-extracted: fewer rows, older people.
        const shifted = train
            .slice(1, 1501)
            .map((line) => line.replace(/^(\d+),/, (_, age) => `${Number(age) + 8},`));
        writeFileSync(join(dir, "train.csv"), `${[train[0], ...shifted].join("\n")}\n`);
        const check = cli("registry", "check", "--json");
        assert.equal(check.code, 1);
        const j = JSON.parse(check.stdout);
        assert.equal(j.stale, 2);
        const adult = j.models.find((m) => m.model === "adult@1");
        assert.match(adult.reasons[0].message, /rows 2000 → 1500/);
        assert.match(adult.reasons[0].message, /'age' mean .* SD\)/);
        const stacker = j.models.find((m) => m.model === "stacker@1");
        assert.equal(stacker.reasons[0].reason, "upstream_stale");
        assert.match(cli("registry", "list").stdout, /adult@1 .* STALE/);
        // A file that vanished is named.
        rmSync(join(dir, "eval.csv"));
        assert.match(cli("registry", "check").stdout, /eval data .*eval\.csv no longer exists/);
    }
    finally {
        rmSync(dir, { recursive: true, force: true });
    }
});
test("registry: bad input is one clear line, exit 2", () => {
    const { dir, cli } = project();
    try {
        const cases = [
            [["registry", "add", "m", "--model", "missing.onnx"], /model file missing\.onnx: no such file/],
            [
                ["registry", "add", "m", "--model", "v1.onnx", "--train", "nope.csv"],
                /train data nope\.csv: no such file/,
            ],
            [["registry", "add", "m"], /needs --model FILE/],
            [["registry", "add", "m", "--model", "v1.onnx", "--input-model", "ghost@3"], /ghost@3: no such model/],
            [["registry", "show", "ghost"], /ghost: no such model in the registry/],
            [["registry", "frobnicate"], /unknown registry action/],
        ];
        for (const [args, pattern] of cases) {
            const r = cli(...args);
            assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
            assert.match(r.stderr, pattern);
            assert.equal(r.stderr.trim().split("\n").length, 1);
        }
        assert.equal(cli("registry", "add", "m", "--model", "v1.onnx", "--version", "a").code, 0);
        assert.match(cli("registry", "add", "m", "--model", "v1.onnx", "--version", "a").stderr, /m@a is already registered/);
    }
    finally {
        rmSync(dir, { recursive: true, force: true });
    }
});
test("compare runs registered model versions: registry:NAME@VERSION", () => {
    const { dir, cli } = project();
    try {
        cli("registry", "add", "adult", "--model", "adult_v1.yaml");
        cli("registry", "add", "adult", "--model", "adult_v2.yaml");
        const r = cli("compare", "eval.csv", "--label", "income-per-year", "--old", "registry:adult@1", "--new", "registry:adult", "--resamples", "50", "--json");
        assert.equal(r.code, 0, r.stderr);
        const j = JSON.parse(r.stdout);
        assert.equal(j.n, 1000);
        assert.ok(j.negativeFlips > 0);
        const missing = cli("compare", "eval.csv", "--label", "income-per-year", "--old", "registry:adult@9", "--new", "registry:adult");
        assert.equal(missing.code, 2);
        assert.match(missing.stderr, /registry:adult@9: no such model in the registry/);
    }
    finally {
        rmSync(dir, { recursive: true, force: true });
    }
});
test("registry:NAME loads the model, not the --config training file; evaluate takes registry: too", () => {
    const { dir, cli } = project();
    try {
        const features = "age,fnlwgt,education-num,capital-gain,capital-loss,hours-per-week";
        // an ONNX file with its features and a training config; a descriptor with a training config
        let r = cli("registry", "add", "plain", "--model", "v1.onnx", "--features", features, "--config", "v1.yaml");
        assert.equal(r.code, 0, r.stderr);
        r = cli("registry", "add", "described", "--model", "adult_v2.yaml", "--config", "v1.yaml", "--json");
        assert.equal(r.code, 0, r.stderr);
        const record = JSON.parse(r.stdout);
        assert.match(record.descriptorPath, /adult_v2\.yaml$/);
        assert.match(record.configPath, /v1\.yaml$/);
        const compared = cli("compare", "eval.csv", "--label", "income-per-year", "--positive", ">50K", "--old", "registry:plain", "--new", "registry:described", "--resamples", "50", "--json");
        assert.equal(compared.code === 0 || compared.code === 1, true, compared.stderr);
        assert.doesNotMatch(compared.stderr, /unknown key 'model'/);
        assert.equal(JSON.parse(compared.stdout).n, 1000);
        // evaluate: registry:NAME gives the same metrics as the descriptor itself
        const viaRegistry = cli("evaluate", "eval.csv", "--label", "income-per-year", "--positive", ">50K", "--model", "registry:described", "--json");
        assert.equal(viaRegistry.code === 0 || viaRegistry.code === 1, true, viaRegistry.stderr);
        const direct = cli("evaluate", "eval.csv", "--label", "income-per-year", "--positive", ">50K", "--model", "adult_v2.yaml", "--json");
        const metric = (out) => JSON.parse(out).results.find((x) => x.check === "evaluate.rocAuc")?.value;
        assert.ok(metric(viaRegistry.stdout) > 0.5);
        assert.equal(metric(viaRegistry.stdout), metric(direct.stdout));
        const unknown = cli("evaluate", "eval.csv", "--label", "income-per-year", "--model", "registry:nope");
        assert.equal(unknown.code, 2);
        assert.match(unknown.stderr, /--model registry:nope: no such model in the registry/);
        // a registry written before descriptors were recorded apart kept the descriptor as the config
        const db = new Database(join(dir, ".assay", "registry.db"));
        db.prepare("UPDATE models SET config_path = descriptor_path, config_digest = descriptor_digest, descriptor_path = NULL, descriptor_digest = NULL WHERE name = 'described'").run();
        db.close();
        const old = cli("evaluate", "eval.csv", "--label", "income-per-year", "--positive", ">50K", "--model", "registry:described", "--json");
        assert.equal(metric(old.stdout), metric(direct.stdout), old.stderr);
    }
    finally {
        rmSync(dir, { recursive: true, force: true });
    }
});
