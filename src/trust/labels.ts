/** True labels as class indices, for multiclass conformal prediction: evaluate's reader, shared. */
export { classIndices } from "../evaluate/class-labels.js";
