/** How long one GitHub request may take before it is abandoned, unless the operator says otherwise. */
export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 30;

/** The operator's setting for the App, and the Action's fallback when its `request-timeout` input is unset. */
export const REQUEST_TIMEOUT_ENV = "BATCH_ADVISOR_REQUEST_TIMEOUT";

/**
 * The request timeout in seconds from `BATCH_ADVISOR_REQUEST_TIMEOUT`, the default when unset.
 * A value that is not a number of seconds above 0 throws, naming the variable, so a typo is not
 * silently replaced by the default.
 * @example requestTimeoutSeconds({ BATCH_ADVISOR_REQUEST_TIMEOUT: "10" }) // 10
 */
export function requestTimeoutSeconds(env: NodeJS.ProcessEnv): number {
  const raw = env[REQUEST_TIMEOUT_ENV]?.trim();
  if (!raw) return DEFAULT_REQUEST_TIMEOUT_SECONDS;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds > 0) return seconds;
  throw new Error(
    `${REQUEST_TIMEOUT_ENV}: "${raw}" is not a number of seconds above 0 (default ${DEFAULT_REQUEST_TIMEOUT_SECONDS})`,
  );
}
