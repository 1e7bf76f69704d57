import type { DetectionReason } from "../reason.js";
import { commonRules } from "./common-rules.js";
import { hasContext, hasKeyIn, score, type Framework } from "./framework.js";
import type { Scalar } from "../types.js";

const DEFAULT_BATCH = 16;
const DEFAULT_NBS = 64;

/**
 * Ultralytics YOLO (`cfg/default.yaml`, a run's `args.yaml`, `model.train(batch=…)`, `yolo train batch=…`).
 * `batch` is the total over all GPUs (each rank gets `batch // world_size`), and the trainer
 * accumulates `max(round(nbs / batch), 1)` steps on top, so batch 16 trains at 64
 * (ultralytics/engine/trainer.py `_setup_train`; framework-batch-keys.md §8).
 */
export const ultralytics: Framework = {
  id: "ultralytics",
  name: "Ultralytics YOLO",
  recognise: (c) =>
    (hasContext(c, /^yolo\b/) ? 10 : 0) +
    (hasKeyIn(c, /(?:^|\.)(?:batch|imgsz|data)$/, /(?:^|\.)train$/) ? 6 : 0) +
    score(c, [
      [/(?:^|\.)nbs$/, 4],
      [/(?:^|\.)lr0$/, 4],
      [/(?:^|\.)(?:lrf|close_mosaic|hsv_h|mosaic|copy_paste|overlap_mask)$/, 2],
      [/(?:^|\.)imgsz$/, 2],
    ]),
  rules: [
    // `model.val(batch=32)`, `yolo val batch=32`: evaluation only.
    { key: /(?:^|\.)batch$/, context: /(?:^|[.\s])(?:val|predict|export|benchmark)$/, role: "eval_batch" },
    { key: /(?:^|\.)batch$/, role: "global_batch", read: readBatch },
    { key: /(?:^|\.)nbs$/, role: "nominal_batch" },
    { key: /(?:^|\.)device$/, role: "devices", read: readDevice },
    { key: /(?:^|\.)lr0$/, role: "learning_rate" },
    { key: /(?:^|\.)warmup_epochs$/, role: "warmup" },
    { key: /(?:^|\.)optimizer$/, role: "optimizer" },
    ...commonRules,
  ],
  semantics: {
    defaults: { global_batch: DEFAULT_BATCH, nominal_batch: DEFAULT_NBS, devices: 1 },
    defaultsFrom: "Ultralytics",
    globalBeforeAccum: true,
    devicesFrom: { id: "devices.ultralytics" },
    impliedAccum: (values) => {
      // AutoBatch: the batch, and so the accumulation, is chosen at run time.
      if (values.has("global_batch") && values.get("global_batch") === null) return undefined;
      const batch = values.get("global_batch") ?? DEFAULT_BATCH;
      const nbs = values.get("nominal_batch") ?? DEFAULT_NBS;
      if (!(batch > 0) || !(nbs > 0)) return undefined;
      return {
        accum: Math.max(Math.round(nbs / batch), 1),
        why: `accumulation = max(round(nbs ${nbs} / batch ${batch}), 1)`,
      };
    },
  },
};

/** `-1` and fractions ask AutoBatch to size the batch to the GPU's memory at run time. */
function readBatch(value: Scalar): number | { unknown: DetectionReason } | undefined {
  if (value === -1) return { unknown: { id: "value.autoBatch", params: { value: "-1", percent: 60 } } };
  if (typeof value === "number" && value > 0 && value < 1) {
    return { unknown: { id: "value.autoBatch", params: { value: String(value), percent: Math.round(value * 100) } } };
  }
  return undefined;
}

/** Device ids, not a count: `0` is one GPU, `"0,1,2,3"` four, `cpu`/`mps`/unset one, `-1` one idle GPU. */
function readDevice(value: Scalar): number | { unknown: DetectionReason } | undefined {
  if (value === null || typeof value === "number") return 1;
  if (typeof value !== "string") return undefined;
  const ids = value
    .replace(/^\[|\]$/g, "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0 || (ids.length === 1 && /^(?:cpu|mps|cuda(?::\d+)?)$/i.test(ids[0]))) return 1;
  if (ids.every((id) => /^-?\d+$/.test(id))) return ids.length;
  return { unknown: { id: "value.deviceList", params: { value: String(value) } } };
}
