import { posix } from "node:path";
import type { BatchSetting, ParsedConfig } from "../types.js";

/**
 * OpenMMLab names configs `{model}_…_[gpus x batch per gpu]_{schedule}_{dataset}`, so the file name
 * says how many GPUs the recipe was tuned on:
 * - `8xb32` (mmengine, 3.x): 8 GPUs × 32;
 * - `b32x8` (mmcls 0.x): 32 per GPU × 8 GPUs;
 * - `8x2`, `bs8x8` (mmdet 2.x): 8 GPUs × 2. ResNeXt `32x4d` and crop sizes `512x1024` are not matched.
 */
const CONVENTIONS: Array<{ re: RegExp; devices: 1 | 2 }> = [
  { re: /(?:^|[_-])(\d{1,3})xb(\d{1,4})(?=[_-]|$)/, devices: 1 },
  { re: /(?:^|[_-])b(\d{1,4})x(\d{1,3})(?=[_-]|$)/, devices: 2 },
  { re: /(?:^|[_-])(?:bs)?(\d{1,2})x(\d{1,3})(?=[_-]|$)/, devices: 1 },
];

/**
 * The GPU count a config's file name states, as a `devices` setting with key `file name` and
 * line 0 (it is on no line). A launcher flag or bot setting that says otherwise wins; so does a key.
 * @example devicesFromFileName({ path: "configs/rtmdet/rtmdet_l_8xb32-300e_coco.py", … })
 *   // [{ role: "devices", value: 8, raw: "8xb32", … }]
 */
export function devicesFromFileName(config: Pick<ParsedConfig, "path">): BatchSetting[] {
  const name = posix.basename(config.path.replace(/\\/g, "/")).replace(/\.(py|ya?ml|json)$/, "");
  for (const { re, devices } of CONVENTIONS) {
    const m = re.exec(name);
    if (!m) continue;
    const count = Number(m[devices]);
    if (count < 1) return [];
    return [{ role: "devices", key: "file name", value: count, raw: m[0].replace(/^[_-]/, ""), line: 1 }];
  }
  return [];
}
