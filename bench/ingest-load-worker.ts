/**
 * The load half of bench/ingest-load: autocannon in a child process, so the reads measured by the parent
 * do not queue behind the load generator's event loop (autocannon does not run in a worker thread: it
 * takes a worker thread for one of its own). The job comes in ASSAY_LOAD_JOB; the result goes to stdout.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const autocannon = require("autocannon") as (
  options: Record<string, unknown>,
) => Promise<Record<string, any>>;

interface LoadJob {
  url: string;
  token: string;
  seconds: number;
  connections: number;
  batch: number;
  /** Requests per second over all connections; 0: as fast as possible. */
  rate: number;
  /** Id prefix, so two phases never send the same id. */
  prefix: string;
}

const job = JSON.parse(process.env.ASSAY_LOAD_JOB ?? "{}") as LoadJob;
let counter = 0;
function body(): string {
  const out = new Array(job.batch);
  const now = Date.now();
  for (let i = 0; i < job.batch; i++) {
    const k = counter++;
    out[i] = {
      id: `${job.prefix}${k}`,
      timestamp: now,
      features: { distance: 100 + (k % 2000), hour: k % 24, origin: `A${k % 50}`, weekend: k % 7 < 2 },
      prediction: k % 5 === 0 ? 1 : 0,
      score: (k % 100) / 100,
    };
  }
  return JSON.stringify(out);
}

const result = await autocannon({
  url: `${job.url}/v1/models/bench/predictions`,
  method: "POST",
  connections: job.connections,
  duration: job.seconds,
  ...(job.rate > 0 ? { overallRate: job.rate } : {}),
  headers: { "content-type": "application/json", authorization: `Bearer ${job.token}` },
  requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: body() }) }],
});
process.stdout.write(
  JSON.stringify({
    ok: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    duration: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
  }),
);
