/** Built-in proxy sizes. "small" is the default: big enough to have a loss curve, small enough for every PR. */
export const MLP_HIDDEN = { tiny: [32], small: [256, 128], medium: [512, 256] } as const;

/** Filters per 3×3 conv + 2×2 max-pool block. */
export const CNN_CHANNELS = { tiny: [4], small: [8, 16], medium: [16, 32] } as const;

export interface TransformerSize {
  vocab: number;
  sequenceLength: number;
  width: number;
  blocks: number;
  heads: number;
}

export const TRANSFORMER_SIZES: Record<"tiny" | "small" | "medium", TransformerSize> = {
  tiny: { vocab: 16, sequenceLength: 16, width: 32, blocks: 1, heads: 2 },
  small: { vocab: 32, sequenceLength: 32, width: 64, blocks: 2, heads: 4 },
  medium: { vocab: 64, sequenceLength: 64, width: 128, blocks: 2, heads: 4 },
};

/** Synthetic inputs: feature count for dense models, image side for the cnn. */
export const SYNTHETIC_FEATURES = 32;
export const SYNTHETIC_IMAGE_SIDE = 12;
