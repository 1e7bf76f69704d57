import { commonRules } from "./common-rules.js";
import { hasContext, hasKeyIn, score, type Framework } from "./framework.js";

const FIT = /(?:^|\.)fit$/;

/**
 * Keras training scripts: `model.fit(x, y, batch_size=128)`, often through a module variable
 * (`batch_size = 128`). The batch is global: under a `tf.distribute` strategy `fit` splits it over
 * the replicas (framework-batch-keys.md §13). Without `batch_size`, fit uses 32 for arrays and the
 * dataset's own batch for `tf.data`, so a missing one stays unknown. The LR sits on the optimizer.
 */
export const keras: Framework = {
  id: "keras",
  name: "Keras",
  recognise: (c) =>
    (hasKeyIn(c, /(?:^|\.)(?:batch_size|epochs)$/, FIT) ? 8 : 0) +
    (hasContext(c, /^(?:keras|tf\.keras|tensorflow\.keras)\./) ? 4 : 0) +
    (hasKeyIn(c, /(?:^|\.)(?:optimizer|loss)$/, /(?:^|\.)compile$/) ? 3 : 0) +
    score(c, [[/^batch_size_per_replica$/i, 3]]),
  rules: [
    { key: /(?:^|\.)batch_size$/, context: /(?:^|\.)(?:evaluate|predict)$/, role: "eval_batch" },
    { key: /(?:^|\.)batch_size$/, context: FIT, role: "global_batch" },
    // `image_dataset_from_directory(batch_size=…)` batches the tf.data pipeline that fit consumes.
    { key: /(?:^|\.)batch_size$/, context: /(?:^|\.)\w+_dataset_from_\w+$/, role: "global_batch" },
    { key: /^batch_size_per_replica$/i, role: "micro_batch" },
    { key: /^batch_size$/i, role: "global_batch" },
    ...commonRules,
  ],
  semantics: { devicesFrom: { id: "devices.keras" } },
};
