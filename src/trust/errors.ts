/**
 * A problem the caller can fix in what they gave the trust stage (a bad bundle, a label that is not a
 * class, a non-positive scale). The CLI prints it on one line and exits 2. It is the trust stage's own
 * type until the core's shared input error (table/errors.ts, issue 11) lands; then it becomes that.
 */
export class TrustError extends Error {
  override name = "TrustError";
}
