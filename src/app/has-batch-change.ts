import picomatch from "picomatch";
import { groupChanges } from "../advisor/group-changes.js";
import type { BotConfig } from "../config.js";
import { detectChanges } from "../detect/detect-changes.js";
import type { ChangeSource } from "../source/types.js";

/**
 * The cheap half of `analyze`: does any config's effective batch change? Detection only, no
 * training, so the App answers a webhook in seconds.
 * @example await hasBatchChange(source, config) // true
 */
export async function hasBatchChange(source: ChangeSource, config: BotConfig): Promise<boolean> {
  const watch = picomatch(config.files, { ignore: config.ignore, dot: true });
  const detection = await detectChanges(source, { devices: config.devices, watch });
  return groupChanges(detection).length > 0;
}
