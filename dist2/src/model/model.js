/**
 * The one interface every model adapter implements (ONNX, HTTP endpoint, JS module, score column,
 * built-in baselines). Browser-safe: the adapters that need Node live in their own files.
 */
import { InputError } from "../table/errors.js";
/** Thrown for problems the user can fix in the model or its configuration (bad spec, shape mismatch …). */
export class ModelError extends InputError {
    name = "ModelError";
}
