import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { InputError } from "../table/errors.js";
/** Writes a text file, creating its folder first (report paths like out/eval.html need not exist yet). */
export function writeTextFile(path, text) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
}
/**
 * Reads a file that must be text: UTF-8 with no NUL byte. A binary file (a model, a parquet file, an
 * image) is an input error that says so, instead of being parsed into kilobytes of junk.
 */
export function readTextFile(path) {
    let bytes;
    try {
        bytes = readFileSync(path);
    }
    catch (error) {
        const code = error.code;
        throw new InputError(code === "EISDIR" ? `${path}: is a directory` : `${path}: no such file`);
    }
    const nul = bytes.indexOf(0);
    if (nul >= 0)
        throw new InputError(`${path}: not a text file (binary data: a NUL byte at offset ${nul})`);
    try {
        return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    }
    catch {
        throw new InputError(`${path}: not a text file (not valid UTF-8)`);
    }
}
