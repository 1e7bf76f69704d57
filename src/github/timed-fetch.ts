/** The error a request gets when GitHub did not answer in time; `timedOut` tells callers the outcome is unknown. */
export class RequestTimeoutError extends Error {
  readonly timedOut = true;
  constructor(method: string, url: string, seconds: number) {
    super(`GitHub did not answer ${method} ${new URL(url).pathname} within ${seconds} s (request timeout)`);
    this.name = "RequestTimeoutError";
  }
}

/**
 * `fetch` with a deadline on each call: the answer, headers and body, must arrive within
 * `seconds`, else the call is aborted with a RequestTimeoutError. Octokit calls fetch once per
 * attempt, so every retry gets its own deadline; a caller's own abort signal still works.
 * @example new Octokit({ request: { fetch: timedFetch(30) } })
 */
export function timedFetch(seconds: number, base: typeof fetch = globalThis.fetch): typeof fetch {
  return async (input, init) => {
    const deadline = AbortSignal.timeout(Math.round(seconds * 1000));
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? "GET";
    try {
      const response = await base(input, { ...init, signal });
      // Read the body under the same deadline: a server may send headers and then stall.
      const body = await response.arrayBuffer();
      const read = new Response(response.status === 204 || response.status === 304 ? null : body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
      // Octokit names the URL in its errors.
      Object.defineProperty(read, "url", { value: response.url });
      return read;
    } catch (error) {
      if (deadline.aborted && !init?.signal?.aborted) throw new RequestTimeoutError(method, url, seconds);
      throw error;
    }
  };
}
