import { jsonSafe } from "../report/report.js";
// Writing files and evidence is io/'s; the commands import them from here with the rest of their output.
export { saveEvidence } from "../io/evidence.js";
export { writeTextFile } from "../io/text-file.js";
/** Prints one JSON document on stdout (the --json contract: nothing else goes there). */
export function printJson(value) {
    process.stdout.write(`${JSON.stringify(jsonSafe(value), null, 2)}\n`);
}
/** Logs for people go to stderr, and only when stderr is a terminal. */
export function log(message) {
    if (process.stderr.isTTY)
        process.stderr.write(`${message}\n`);
}
/** A one-line progress bar on stderr (TTY only); call done() to clear it. */
export function progress(label) {
    const tty = process.stderr.isTTY === true;
    let last = -1;
    return {
        update(fraction) {
            if (!tty)
                return;
            const pct = Math.max(0, Math.min(100, Math.floor(fraction * 100)));
            if (pct === last)
                return;
            last = pct;
            const width = 30;
            const filled = Math.round((pct / 100) * width);
            process.stderr.write(`\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${pct}%`);
        },
        done() {
            if (tty && last >= 0)
                process.stderr.write("\r\x1b[K");
        },
    };
}
