import type { BotConfig } from "../config.js";

export interface AppSettings {
  /** The runner workflow file dispatched for the proxy training. */
  workflow: string;
  /** Train in the App's own process instead of dispatching. */
  analyzeInApp: boolean;
}

/**
 * What the App does for one repository: its bot config's `app` keys, with the operator's
 * `BATCH_ADVISOR_ANALYZE_IN_APP` (`true`/`false`) deciding last, since training runs on the
 * operator's server.
 * @example appSettings({ env: { BATCH_ADVISOR_ANALYZE_IN_APP: "true" }, config })
 *   // { workflow: "batch-advisor.yml", analyzeInApp: true }
 */
export function appSettings(input: { env: NodeJS.ProcessEnv; config: BotConfig }): AppSettings {
  const flag = input.env.BATCH_ADVISOR_ANALYZE_IN_APP?.trim().toLowerCase();
  const analyzeInApp = flag === "true" ? true : flag === "false" ? false : input.config.app.analyzeInApp;
  return { workflow: input.config.app.workflow, analyzeInApp };
}
