import type { Message } from "../../util/message.js";

/**
 * What a proxy's data is, as message ids that src/report/messages/proxy-descriptions.ts words in
 * each language; the English `description` beside it is what the CLI and the JSON print.
 */
export interface DataDescriptions {
  /** Real MNIST digits: `train` for training, `held` held out. */
  "data.mnist": { train: number; held: number };
  "data.teacherStudent": { features: number; classes: number; noise: number; examples: number };
  /** `entropy` in nats per token, as written (two decimals). */
  "data.tokens": { vocab: number; length: number; entropy: string; sequences: number };
  "data.regression": { features: number; outputs: number; noise: number; examples: number };
  /**
   * The user's sample file: `rows` trained of `total` in the file, `label` the label column,
   * `classes` distinct labels (classification) or 0, and `task` otherwise (regression, binary).
   */
  "data.sample": {
    file: string;
    rows: number;
    total: number;
    features: number;
    label: string;
    classes: number;
    task: string;
  };
}

/** One data description: `{ id, params }`. */
export type DataDescription = Message<DataDescriptions>;
