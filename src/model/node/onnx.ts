/** ONNX models through onnxruntime-node (CPU). One float tensor in, a probability tensor out. */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import type { InferenceSession, Tensor } from "onnxruntime-node";
import type { Batch } from "../../table/types.js";
import { featureMatrix, probabilitiesFromOutput, scoresFromOutput } from "../features.js";
import { type Model, ModelError, type ModelTask, type Prediction } from "../model.js";

interface OnnxOptions {
  features: string[];
  /** Input tensor name; default: the model's only input. */
  input?: string;
  /** Output tensor name; default: an output named like probabilities, else the first output. */
  output?: string;
  /** Column of the output that holds P(positive); default: the last column. */
  outputIndex?: number;
  positiveClass?: string;
  /** Multiclass: the label value of each output column. */
  classes?: string[];
  task?: ModelTask;
  name?: string;
}

type Ort = typeof import("onnxruntime-node");
let ort: Ort | null = null;

async function runtime(): Promise<Ort> {
  ort ??= await import("onnxruntime-node");
  return ort;
}

export async function loadOnnxModel(path: string, options: OnnxOptions): Promise<Model> {
  if (!existsSync(path)) throw new ModelError(`${path}: no such model file`);
  const bytes = readFileSync(path);
  const rt = await runtime();
  let session: InferenceSession;
  try {
    session = await rt.InferenceSession.create(bytes);
  } catch (error) {
    throw new ModelError(`${path}: not a loadable ONNX model (${(error as Error).message.split("\n")[0]})`);
  }
  const inputName = pickInput(session, options.input, path);
  const outputName = pickOutput(session, options.output, path);
  const meta = session.inputMetadata.find((m) => m.name === inputName);
  let dtype: "float32" | "float64" = "float32";
  if (meta?.isTensor) {
    if (meta.type === "float64") dtype = "float64";
    else if (meta.type !== "float32")
      throw new ModelError(
        `${path}: input '${inputName}' is ${meta.type}; only float32/float64 inputs are supported`,
      );
    const width = meta.shape[meta.shape.length - 1];
    if (meta.shape.length !== 2)
      throw new ModelError(
        `${path}: input '${inputName}' has shape [${meta.shape.join(", ")}]; expected a 2-D [rows, features] tensor`,
      );
    if (typeof width === "number" && width !== options.features.length)
      throw new ModelError(
        `${path}: input '${inputName}' expects ${width} feature columns, but ${options.features.length} were given (${options.features.join(", ")})`,
      );
  }
  const d = options.features.length;
  const digest = createHash("sha256").update(bytes).digest("hex");
  let closed = false;
  let busy = false;
  let buffer32: Float32Array | null = null;
  let buffer64: Float64Array | null = null;
  return {
    name: options.name ?? basename(path),
    kind: "onnx",
    features: options.features,
    metadata: {
      source: path,
      task: options.task ?? "binary",
      positiveClass: options.positiveClass,
      classes: options.classes,
      digest,
      input: inputName,
      output: outputName,
      outputIndex: options.outputIndex ?? null,
      dtype,
    },
    async predict(batch: Batch): Promise<Prediction> {
      // One input buffer is reused from chunk to chunk (allocating 1.5 MB per chunk keeps the GC
      // busy); a call that overlaps another gets a buffer of its own.
      const reuse = !busy;
      busy = true;
      let result: InferenceSession.ReturnType;
      try {
        const data =
          dtype === "float32"
            ? featureMatrix(batch, options.features, (n) =>
                reuse
                  ? (buffer32 = buffer32?.length === n ? buffer32 : new Float32Array(n))
                  : new Float32Array(n),
              )
            : featureMatrix(batch, options.features, (n) =>
                reuse
                  ? (buffer64 = buffer64?.length === n ? buffer64 : new Float64Array(n))
                  : new Float64Array(n),
              );
        const tensor = new rt.Tensor(dtype, data, [batch.length, d]);
        result = await session.run({ [inputName]: tensor });
      } catch (error) {
        if (error instanceof ModelError) throw error;
        throw new ModelError(
          `${basename(path)}: inference failed (${(error as Error).message.split("\n")[0]})`,
        );
      } finally {
        if (reuse) busy = false;
      }
      const out = result[outputName] as Tensor;
      if (!out || typeof out.dims === "undefined")
        throw new ModelError(
          `${basename(path)}: output '${outputName}' is not a tensor (disable ZipMap when exporting)`,
        );
      if (options.task === "multiclass")
        return probabilitiesFromOutput(out.data as ArrayLike<number>, out.dims, batch.length, basename(path));
      return {
        scores: scoresFromOutput(
          out.data as ArrayLike<number>,
          out.dims,
          batch.length,
          options.outputIndex,
          basename(path),
        ),
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      await session.release();
    },
  };
}

function pickInput(session: InferenceSession, wanted: string | undefined, path: string): string {
  if (wanted !== undefined) {
    if (!session.inputNames.includes(wanted))
      throw new ModelError(`${path}: no input named '${wanted}' (inputs: ${session.inputNames.join(", ")})`);
    return wanted;
  }
  if (session.inputNames.length !== 1)
    throw new ModelError(
      `${path}: the model has ${session.inputNames.length} inputs (${session.inputNames.join(", ")}); name one with 'input' in a model descriptor`,
    );
  return session.inputNames[0];
}

function pickOutput(session: InferenceSession, wanted: string | undefined, path: string): string {
  if (wanted !== undefined) {
    if (!session.outputNames.includes(wanted))
      throw new ModelError(
        `${path}: no output named '${wanted}' (outputs: ${session.outputNames.join(", ")})`,
      );
    return wanted;
  }
  return session.outputNames.find((n) => /prob/i.test(n)) ?? session.outputNames[0];
}
