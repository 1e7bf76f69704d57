import { detectGroups } from "../advisor.js";
import type { BotConfig } from "../config.js";
import type { ChangeSource } from "../source/types.js";

/**
 * The cheap half of `analyze`: does any config's effective batch change? Detection only, no
 * training, so the App answers a webhook in seconds.
 * @example await hasBatchChange(source, config) // true
 */
export async function hasBatchChange(source: ChangeSource, config: BotConfig): Promise<boolean> {
  return (await detectGroups(source, config)).groups.length > 0;
}
