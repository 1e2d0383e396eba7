import { readFileSync } from "node:fs";
import { fixture } from "./cli.js";
/** Reads a JSON fixture, e.g. readJson("stats", "oracle.json"). */
export function readJson(...path) {
    return JSON.parse(readFileSync(fixture(...path), "utf8"));
}
/** |a − b| ≤ tol·|b| (or |a| ≤ tol when b is 0). */
export function relClose(actual, expected, tol) {
    if (expected === 0)
        return Math.abs(actual) <= tol;
    return Math.abs(actual - expected) <= tol * Math.abs(expected);
}
