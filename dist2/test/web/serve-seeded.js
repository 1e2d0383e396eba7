import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedFlights } from "./seed.js";
/**
 * `node dist/test/web/serve-seeded.js --serve`: a seeded server to look at by hand; prints the dashboard
 * URL with a read token. Without --serve (as when the test runner imports every file) it does nothing.
 */
if (process.argv.includes("--serve")) {
    const dir = mkdtempSync(join(tmpdir(), "assay-web-"));
    const t0 = Date.now();
    const s = await seedFlights(dir);
    console.log(`seeded in ${Date.now() - t0} ms; ${s.url}/#token=${s.readToken}`);
    const stop = () => {
        s.child.kill("SIGTERM");
        s.child.once("exit", () => {
            rmSync(dir, { recursive: true, force: true });
            process.exit(0);
        });
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
}
