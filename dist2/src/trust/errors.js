import { InputError } from "../table/errors.js";
/**
 * A problem the caller can fix in what they gave the trust stage (a bad bundle, a label that is not a
 * class, a non-positive scale): an input error, so the CLI prints it on one line and exits 2.
 */
export class TrustError extends InputError {
    name = "TrustError";
}
