import { ModelError } from "../model.js";
import { gbdtParams } from "./gbdt/params.js";
import { trainBaseline } from "./index.js";
export const LEARNERS = ["logreg", "tree", "gbdt"];
const KIND = { logreg: "logistic", tree: "tree", gbdt: "gbdt" };
const SIMPLE = {
    logreg: {
        C: ["C", (v) => v > 0 && Number.isFinite(v), "a positive number"],
        topCategories: ["topCategories", (v) => Number.isInteger(v) && v >= 0, "a non-negative integer"],
    },
    tree: {
        maxDepth: ["maxDepth", (v) => Number.isInteger(v) && v >= 1 && v <= 64, "an integer from 1 to 64"],
        minLeaf: ["minLeaf", (v) => Number.isInteger(v) && v >= 1, "a positive integer"],
        topCategories: ["topCategories", (v) => Number.isInteger(v) && v >= 0, "a non-negative integer"],
    },
};
export function learnerName(algo) {
    if (LEARNERS.includes(algo))
        return algo;
    throw new ModelError(`unknown learner '${algo}' (known: ${LEARNERS.join(", ")})`);
}
/** "maxLeaves=15,learningRate=0.05" → { maxLeaves: "15", learningRate: "0.05" }. */
export function parseParamList(text) {
    const out = {};
    for (const part of text.split(",")) {
        if (part.trim() === "")
            continue;
        const eq = part.indexOf("=");
        if (eq <= 0)
            throw new ModelError(`a parameter must be written name=value, got '${part.trim()}'`);
        const key = part.slice(0, eq).trim();
        if (key in out)
            throw new ModelError(`parameter '${key}' is given twice`);
        out[key] = part.slice(eq + 1).trim();
    }
    return out;
}
/** Checks a learner's parameters; returns the options trainBaseline takes and the params as applied. */
export function learnerOptions(algo, raw) {
    if (algo === "gbdt") {
        const params = gbdtParams(raw);
        return { options: { gbdt: { ...params } }, params: { ...params } };
    }
    const rules = SIMPLE[algo];
    const options = {};
    for (const [key, value] of Object.entries(raw)) {
        const rule = rules[key];
        if (!rule)
            throw new ModelError(`unknown ${algo} parameter '${key}' (known: ${Object.keys(rules).join(", ")})`);
        const v = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
        if (typeof v !== "number" || !rule[1](v))
            throw new ModelError(`${algo} parameter ${key} must be ${rule[2]} (got ${String(value)})`);
        options[rule[0]] = v;
    }
    const params = algo === "logreg"
        ? { C: options.C ?? 1, topCategories: options.topCategories ?? 10 }
        : {
            maxDepth: options.maxDepth ?? 3,
            minLeaf: options.minLeaf ?? 20,
            topCategories: options.topCategories ?? 10,
        };
    return { options, params };
}
/** Trains a learner on 0/1 labels. */
export function trainLearner(algo, rows, labels, features, options) {
    if (rows.length === 0)
        throw new ModelError("no training rows");
    return trainBaseline(KIND[algo], rows, labels, features, options);
}
