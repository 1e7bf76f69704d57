import type { BatchSetting, Role } from "../detect/types.js";

/** How a framework scales (or seems to scale) the learning rate; the report words each one (`scaling.<id>`). */
export type ScalingMechanism =
  | "mmengine-auto-scale-lr"
  | "mmengine-auto-scale-lr-off"
  | "timm-lr-base"
  | "latent-diffusion-scale-lr"
  | "detectron2-reference-world-size"
  | "detectron2-reference-world-size-by-hand"
  | "ludwig-lr-scaling"
  | "ludwig-lr-scaling-by-hand"
  | "ultralytics-nbs";

export interface FrameworkScaling {
  /** True when the framework rescales the LR for this change by itself. */
  scales: boolean;
  mechanism: ScalingMechanism;
  /** The numbers and values the mechanism's sentence names (a reference world size, a nominal batch). */
  params?: Record<string, string | number>;
  key: string;
  line?: number;
}

const DEVICE_ROLES: Role[] = ["devices", "nodes"];

/**
 * Where the framework already scales the learning rate with the batch, so the advice must not
 * raise a false alarm — or where it only seems to (detectron2 and Ludwig rescale for a change in
 * the number of workers, not for a batch edited by hand).
 * @example frameworkScaling({ framework: "mmengine", settings: [{ key: "auto_scale_lr.enable", value: true, … }], role:
 * "micro_batch" })
 *   // { scales: true, mechanism: "mmengine-auto-scale-lr", key: "auto_scale_lr.enable", … }
 */
export function frameworkScaling(options: {
  framework: string;
  settings: BatchSetting[];
  role: Role;
}): FrameworkScaling | undefined {
  const { framework, settings, role } = options;
  const find = (re: RegExp) => settings.find((s) => re.test(s.key));
  const at = (s: BatchSetting) => ({ key: s.key, line: s.line });
  const deviceChange = DEVICE_ROLES.includes(role);

  const autoScale = find(/(?:^|\.)auto_scale_lr\.enable$/);
  if (autoScale) {
    return autoScale.value === true
      ? { scales: true, mechanism: "mmengine-auto-scale-lr", ...at(autoScale) }
      : { scales: false, mechanism: "mmengine-auto-scale-lr-off", ...at(autoScale) };
  }

  const lr = settings.find((s) => s.role === "learning_rate");
  const lrBase = find(/^lr[-_]base$/);
  if (framework === "timm" && (lrBase || lr?.unknownReason) && (!lr || lr.unknownReason || lr.value === null)) {
    return { scales: true, mechanism: "timm-lr-base", key: lrBase?.key ?? "lr", line: lrBase?.line ?? lr?.line };
  }

  const scaleLr = find(/(?:^|\.|-)scale[_-]lr$/);
  if ((scaleLr && scaleLr.value !== false) || (!scaleLr && lr && /(?:^|\.)base_learning_rate$/.test(lr.key))) {
    const s = scaleLr ?? lr!;
    return { scales: true, mechanism: "latent-diffusion-scale-lr", ...at(s) };
  }

  const reference = find(/(?:^|\.)REFERENCE_WORLD_SIZE$/);
  if (reference && typeof reference.value === "number" && reference.value > 0) {
    return deviceChange
      ? {
          scales: true,
          mechanism: "detectron2-reference-world-size",
          params: { size: reference.value },
          ...at(reference),
        }
      : { scales: false, mechanism: "detectron2-reference-world-size-by-hand", ...at(reference) };
  }

  const ludwig = find(/(?:^|\.)learning_rate_scaling$/);
  if (ludwig && ludwig.value !== "constant") {
    return deviceChange
      ? { scales: true, mechanism: "ludwig-lr-scaling", params: { value: String(ludwig.value) }, ...at(ludwig) }
      : { scales: false, mechanism: "ludwig-lr-scaling-by-hand", ...at(ludwig) };
  }

  if (framework === "ultralytics") {
    const nbs = settings.find((s) => s.role === "nominal_batch");
    return {
      scales: false,
      mechanism: "ultralytics-nbs",
      params: { nbs: typeof nbs?.value === "number" ? nbs.value : 64 },
      key: nbs?.key ?? "nbs",
      line: nbs?.line,
    };
  }
  return undefined;
}
