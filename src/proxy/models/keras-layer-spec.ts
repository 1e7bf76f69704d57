import type { z } from "zod";
import { ACTIVATIONS } from "./activation.js";
import {
  activationConfig,
  conv2dConfig,
  denseConfig,
  passThroughConfig,
  poolConfig,
  type LayerEntry,
} from "./topology-schema.js";
import type { LayerSpec } from "./topology-spec.js";

/** What one Keras layer becomes: a spec, nothing (Dropout: inactive while measuring), or an input declaration. */
export type Converted = { spec: LayerSpec | null; inputShape?: number[]; note?: string };

const CONVERTERS: Record<string, (config: unknown) => Converted> = {
  InputLayer: (c) => ({ spec: null, inputShape: declaredInput(parse(passThroughConfig, c)) }),
  Dense: (c) => {
    const d = parse(denseConfig, c);
    return {
      spec: { kind: "dense", units: d.units, activation: known(d.activation), useBias: d.use_bias },
      inputShape: declaredInput(d),
    };
  },
  Conv2D: (c) => {
    const d = parse(conv2dConfig, c);
    return {
      spec: {
        kind: "conv2d",
        filters: d.filters,
        kernel: d.kernel_size,
        strides: d.strides,
        padding: d.padding,
        activation: known(d.activation),
        useBias: d.use_bias,
      },
      inputShape: declaredInput(d),
    };
  },
  MaxPooling2D: (c) => pool("max", c),
  AveragePooling2D: (c) => pool("avg", c),
  Flatten: (c) => ({ spec: { kind: "flatten" }, inputShape: declaredInput(parse(passThroughConfig, c)) }),
  Activation: (c) => {
    const d = parse(activationConfig, c);
    return { spec: { kind: "activation", activation: known(d.activation) }, inputShape: declaredInput(d) };
  },
  ReLU: (c) => ({
    spec: { kind: "activation", activation: "relu" },
    inputShape: declaredInput(parse(passThroughConfig, c)),
  }),
  // Dropout is the identity at inference and only adds noise in training; the proxy measures without it.
  Dropout: (c) => ({ spec: null, inputShape: declaredInput(parse(passThroughConfig, c)), note: "Dropout (ignored)" }),
};
CONVERTERS.MaxPool2D = CONVERTERS.MaxPooling2D;
CONVERTERS.AvgPool2D = CONVERTERS.AveragePooling2D;

export const SUPPORTED_LAYERS = Object.keys(CONVERTERS);

/**
 * Validates one Keras layer entry and converts it; errors name the problem, the caller adds the index.
 * @example kerasLayerSpec({ class_name: "Dense", config: { units: 10 } }).spec // { kind: "dense", units: 10, … }
 */
export function kerasLayerSpec(entry: LayerEntry): Converted {
  const convert = CONVERTERS[entry.class_name];
  if (!convert) throw new Error(`unsupported layer class; supported: ${SUPPORTED_LAYERS.join(", ")}`);
  return convert(entry.config);
}

function pool(mode: "max" | "avg", config: unknown): Converted {
  const d = parse(poolConfig, config);
  return {
    spec: { kind: "pool", mode, pool: d.pool_size, strides: d.strides ?? d.pool_size, padding: d.padding },
    inputShape: declaredInput(d),
  };
}

function parse<T extends z.ZodType>(schema: T, config: unknown): z.infer<T> {
  const result = schema.safeParse(config);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = issue.path.length ? `config.${issue.path.join(".")}` : "config";
  throw new Error(`${key}: ${issue.message}`);
}

function known(name: string): string {
  if (!(name in ACTIVATIONS))
    throw new Error(`unsupported activation "${name}"; supported: ${Object.keys(ACTIVATIONS).join(", ")}`);
  return name;
}

function declaredInput(config: {
  batch_input_shape?: (number | null)[];
  batch_shape?: (number | null)[];
  input_shape?: (number | null)[];
}): number[] | undefined {
  const batched = config.batch_input_shape ?? config.batch_shape;
  const shape = batched ? batched.slice(1) : config.input_shape;
  if (!shape) return undefined;
  if (shape.some((d) => d === null))
    throw new Error(`input shape [${shape.join(", ")}] has an unknown dimension; the proxy needs fixed sizes`);
  return shape as number[];
}
