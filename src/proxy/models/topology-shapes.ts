import type { LayerSpec } from "./topology-spec.js";

export interface ShapeStep {
  outputShape: number[];
  parameters: number;
  /** Multiply-adds of the forward pass per example. */
  macs: number;
}

/**
 * Output shape, parameter count and forward multiply-adds of one layer, Keras's shape rules.
 * Throws a message the caller prefixes with the layer's index and class.
 * @example layerShape({ kind: "dense", units: 10, activation: "linear", useBias: true }, [784]).parameters // 7850
 */
export function layerShape(spec: LayerSpec, input: number[]): ShapeStep {
  switch (spec.kind) {
    case "dense": {
      if (input.length !== 1)
        throw new Error(`Dense needs a flat input but gets shape [${input.join(", ")}]; add a Flatten layer before it`);
      return {
        outputShape: [spec.units],
        parameters: input[0] * spec.units + (spec.useBias ? spec.units : 0),
        macs: input[0] * spec.units,
      };
    }
    case "conv2d": {
      const [h, w, c] = image(input, "Conv2D");
      const oh = outputSize(h, spec.kernel[0], spec.strides[0], spec.padding);
      const ow = outputSize(w, spec.kernel[1], spec.strides[1], spec.padding);
      if (oh < 1 || ow < 1) throw new Error(`Conv2D kernel ${spec.kernel.join("x")} does not fit input ${h}x${w}`);
      const perFilter = spec.kernel[0] * spec.kernel[1] * c;
      return {
        outputShape: [oh, ow, spec.filters],
        parameters: perFilter * spec.filters + (spec.useBias ? spec.filters : 0),
        macs: oh * ow * perFilter * spec.filters,
      };
    }
    case "pool": {
      const [h, w, c] = image(input, "pooling");
      const oh = outputSize(h, spec.pool[0], spec.strides[0], spec.padding);
      const ow = outputSize(w, spec.pool[1], spec.strides[1], spec.padding);
      if (oh < 1 || ow < 1) throw new Error(`pool ${spec.pool.join("x")} does not fit input ${h}x${w}`);
      return { outputShape: [oh, ow, c], parameters: 0, macs: 0 };
    }
    case "flatten":
      return { outputShape: [input.reduce((a, b) => a * b, 1)], parameters: 0, macs: 0 };
    case "activation":
      return { outputShape: input, parameters: 0, macs: 0 };
  }
}

function image(input: number[], what: string): [number, number, number] {
  if (input.length !== 3)
    throw new Error(`${what} needs a [height, width, channels] input but gets shape [${input.join(", ")}]`);
  return [input[0], input[1], input[2]];
}

function outputSize(size: number, window: number, stride: number, padding: "same" | "valid"): number {
  return padding === "same" ? Math.ceil(size / stride) : Math.floor((size - window) / stride) + 1;
}
