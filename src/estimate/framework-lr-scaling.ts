import type { BatchSetting, Role } from "../detect/types.js";

export interface FrameworkScaling {
  /** True when the framework rescales the LR for this change by itself. */
  scales: boolean;
  mechanism: string;
  key: string;
  line?: number;
}

const DEVICE_ROLES: Role[] = ["devices", "nodes"];

/**
 * Where the framework already scales the learning rate with the batch, so the advice must not
 * raise a false alarm — or where it only seems to (detectron2 and Ludwig rescale for a change in
 * the number of workers, not for a batch edited by hand).
 * @example frameworkScaling({ framework: "mmengine", settings: [{ key: "auto_scale_lr.enable", value: true, … }], role: "micro_batch" })
 *   // { scales: true, mechanism: "mmengine auto_scale_lr: lr × (effective batch ÷ base_batch_size)", … }
 */
export function frameworkScaling(options: { framework: string; settings: BatchSetting[]; role: Role }): FrameworkScaling | undefined {
  const { framework, settings, role } = options;
  const find = (re: RegExp) => settings.find((s) => re.test(s.key));
  const at = (s: BatchSetting) => ({ key: s.key, line: s.line });
  const deviceChange = DEVICE_ROLES.includes(role);

  const autoScale = find(/(?:^|\.)auto_scale_lr\.enable$/);
  if (autoScale) {
    return autoScale.value === true
      ? { scales: true, mechanism: "mmengine auto_scale_lr: lr × (effective batch ÷ base_batch_size)", ...at(autoScale) }
      : { scales: false, mechanism: "mmengine auto_scale_lr is off: set auto_scale_lr.enable=True (or pass --auto-scale-lr) to scale the LR linearly from base_batch_size", ...at(autoScale) };
  }

  const lr = settings.find((s) => s.role === "learning_rate");
  const lrBase = find(/^lr[-_]base$/);
  if (framework === "timm" && (lrBase || lr?.unknownReason) && (!lr || lr.unknownReason || lr.value === null)) {
    return { scales: true, mechanism: "timm derives lr = lr_base × global batch ÷ lr_base_size (linear, or sqrt for adaptive optimizers) while --lr is unset", key: lrBase?.key ?? "lr", line: lrBase?.line ?? lr?.line };
  }

  const scaleLr = find(/(?:^|\.|-)scale[_-]lr$/);
  if ((scaleLr && scaleLr.value !== false) || (!scaleLr && lr && /(?:^|\.)base_learning_rate$/.test(lr.key))) {
    const s = scaleLr ?? lr!;
    return { scales: true, mechanism: "latent-diffusion main.py --scale_lr (default True): lr = accumulate_grad_batches × ngpu × batch_size × base_learning_rate", ...at(s) };
  }

  const reference = find(/(?:^|\.)REFERENCE_WORLD_SIZE$/);
  if (reference && typeof reference.value === "number" && reference.value > 0) {
    return deviceChange
      ? { scales: true, mechanism: `detectron2 REFERENCE_WORLD_SIZE=${reference.value} rescales IMS_PER_BATCH and BASE_LR linearly to the actual number of GPUs`, ...at(reference) }
      : { scales: false, mechanism: "detectron2 REFERENCE_WORLD_SIZE only rescales for a different number of GPUs; a batch edited by hand needs BASE_LR scaled by hand", ...at(reference) };
  }

  const ludwig = find(/(?:^|\.)learning_rate_scaling$/);
  if (ludwig && ludwig.value !== "constant") {
    return deviceChange
      ? { scales: true, mechanism: `Ludwig learning_rate_scaling=${String(ludwig.value)} scales the LR with the number of workers`, ...at(ludwig) }
      : { scales: false, mechanism: "Ludwig learning_rate_scaling follows the number of workers, not batch_size", ...at(ludwig) };
  }

  if (framework === "ultralytics") {
    const nbs = settings.find((s) => s.role === "nominal_batch");
    return {
      scales: false,
      mechanism: `Ultralytics accumulates up to the nominal batch nbs=${typeof nbs?.value === "number" ? nbs.value : 64}, so below it the effective batch and LR stay put; above it lr0 is not rescaled`,
      key: nbs?.key ?? "nbs",
      line: nbs?.line,
    };
  }
  return undefined;
}
