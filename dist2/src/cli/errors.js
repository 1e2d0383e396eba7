/**
 * The CLI's name for an input error: a thin alias of table/errors.ts's InputError, which every layer
 * throws. main.ts maps it to exit 2.
 */
export { InputError as UsageError, oneLine } from "../table/errors.js";
