import { z } from "zod";

const pair = z
  .union([z.number().int().positive(), z.array(z.number().int().positive()).length(2)])
  .transform((v): [number, number] => (typeof v === "number" ? [v, v] : [v[0], v[1]]));
const shape = z.array(z.number().int().positive().nullable()).min(1);
const activationName = z.string({
  error: 'activation must be a name such as "relu" (custom activation objects are not supported)',
});

/** Keras 2 (`batch_input_shape`), Keras 3 (`batch_shape`) and older (`input_shape`) spellings of the input. */
const inputShapes = {
  batch_input_shape: shape.optional(),
  batch_shape: shape.optional(),
  input_shape: shape.optional(),
};

export const denseConfig = z.object({
  units: z.number().int().positive(),
  activation: activationName.default("linear"),
  use_bias: z.boolean().default(true),
  ...inputShapes,
});

export const conv2dConfig = z.object({
  filters: z.number().int().positive(),
  kernel_size: pair,
  strides: pair.default([1, 1]),
  padding: z.enum(["same", "valid"]).default("valid"),
  activation: activationName.default("linear"),
  use_bias: z.boolean().default(true),
  data_format: z
    .literal("channels_last", { error: 'only data_format "channels_last" is supported' })
    .nullable()
    .optional(),
  dilation_rate: z
    .union([z.literal(1), z.tuple([z.literal(1), z.literal(1)])], {
      error: "dilation_rate other than 1 is not supported",
    })
    .optional(),
  ...inputShapes,
});

export const poolConfig = z.object({
  pool_size: pair.default([2, 2]),
  strides: pair.nullable().optional(),
  padding: z.enum(["same", "valid"]).default("valid"),
  data_format: z
    .literal("channels_last", { error: 'only data_format "channels_last" is supported' })
    .nullable()
    .optional(),
  ...inputShapes,
});

export const activationConfig = z.object({ activation: activationName, ...inputShapes });

export const passThroughConfig = z.object({ ...inputShapes });

export const layerEntry = z.object({
  class_name: z.string(),
  config: z.record(z.string(), z.unknown()).default({}),
  name: z.string().optional(),
  inbound_nodes: z.unknown().optional(),
});

export type LayerEntry = z.infer<typeof layerEntry>;
