import picomatch from "picomatch";
import type { BotConfig } from "../config.js";
import { detectChanges, type DetectResult } from "../detect/detect-changes.js";
import type { ChangeSource } from "../source/types.js";
import { groupChanges, type FileChanges } from "./group-changes.js";

/**
 * Step 1 of `analyze`, and all the App needs to answer a webhook at once: the batch changes of
 * the files the bot config watches, grouped per file. No training.
 * @example const { groups } = await detectGroups(source, config, {}); groups.length > 0
 */
export async function detectGroups(
  source: ChangeSource,
  config: BotConfig,
  options: { devices?: number } = {},
): Promise<{ detection: DetectResult; groups: FileChanges[] }> {
  const watch = picomatch(config.files, { ignore: config.ignore, dot: true });
  const detection = await detectChanges(source, { devices: options.devices ?? config.devices, watch });
  return { detection, groups: groupChanges(detection) };
}
