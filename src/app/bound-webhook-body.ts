import type { IncomingMessage, ServerResponse } from "node:http";
import type { Probot } from "probot";

/** How large a webhook body may be, and how long it may take to arrive. */
export interface WebhookBodyLimits {
  /** Bytes a body may hold; a larger one is answered 413 and never buffered past this. */
  maxBytes: number;
  /** Milliseconds from the request's headers to its body's last byte; past it the answer is 408. */
  timeoutMs: number;
}

/**
 * GitHub caps webhook payloads at 25 MB and does not deliver a larger one ("About webhook events and
 * payloads", Payload cap, docs.github.com/en/webhooks/webhook-events-and-payloads); 25 MiB is above
 * that whichever megabyte is meant, so no real delivery is refused. GitHub gives up on a delivery not
 * answered within 10 s (30 s on older Enterprise Server, "Best practices for using webhooks"), so a
 * body still arriving after 30 s cannot be GitHub's.
 */
export const WEBHOOK_BODY_LIMITS: WebhookBodyLimits = { maxBytes: 25 * 1024 * 1024, timeoutMs: 30_000 };

type Middleware = Awaited<ReturnType<Probot["getNodeMiddleware"]>>;
type Request = IncomingMessage & { body?: unknown };

const BOUNDED = Symbol.for("batch-advisor.boundWebhookBodies");

/**
 * Makes the webhook middleware this Probot hands out read each delivery's body itself, within
 * `limits`, before @octokit/webhooks checks its signature. That middleware buffers a body of any size
 * and waits for it without end (it answers 202 after 9 s but keeps reading); given the body as a
 * string it reads nothing more. Both ways the App is served ask the Probot for its middleware after
 * loading the App — `probot run` (its Server) and `createNodeMiddleware` — so wrapping the instance's
 * method here, when the App is loaded, covers them.
 * @example boundWebhookBodies(app) // inside the App function, before Probot builds its server
 */
export function boundWebhookBodies(probot: Probot, limits: WebhookBodyLimits = WEBHOOK_BODY_LIMITS): void {
  const marked = probot as Probot & { [BOUNDED]?: true };
  if (marked[BOUNDED]) return;
  marked[BOUNDED] = true;
  const unbounded = probot.getNodeMiddleware.bind(probot);
  probot.getNodeMiddleware = async (options = {}) => {
    const middleware = await unbounded(options);
    const webhookPath = trimSlashes(options.path ?? probot.webhookPath);
    const bounded: Middleware = async (req: Request, res: ServerResponse, next?: Parameters<Middleware>[2]) => {
      if (req.method !== "POST" || pathOf(req.url) !== webhookPath) return middleware(req, res, next);
      const body = await readBody(req, res, { limits, warn: (m) => probot.log.warn(m) });
      if (body === undefined) return true;
      // @octokit/webhooks verifies and parses a string body as it is, without reading the stream.
      req.body = body;
      return middleware(req, res, next);
    };
    return bounded;
  };
}

/**
 * The body as UTF-8 text (decoded as @octokit/webhooks decodes it), or undefined once the request
 * has been answered (413, 408) or has gone. Never rejects. A refused body is drained, not buffered,
 * so the client can read the answer; the socket is closed when the time limit passes.
 */
function readBody(
  req: IncomingMessage,
  res: ServerResponse,
  args: { limits: WebhookBodyLimits; warn: (message: string) => void },
): Promise<string | undefined> {
  const { maxBytes, timeoutMs } = args.limits;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (body: string | undefined) => {
      if (settled) return;
      settled = true;
      req.off("data", onData);
      resolve(body);
    };
    // One deadline for the whole body; after a refusal it also ends a drain that never finishes.
    const deadline = setTimeout(() => {
      if (!settled) {
        args.warn(`webhook body not received within ${timeoutMs / 1000} s; answered 408`);
        refuse(res, 408, `Request Timeout: the body did not arrive within ${timeoutMs / 1000} s`, () => req.destroy());
        settle(undefined);
      } else req.destroy();
    }, timeoutMs);
    const tooLarge = () => {
      args.warn(`webhook body over ${maxBytes} bytes; answered 413, nothing of it kept`);
      refuse(
        res,
        413,
        `Payload Too Large: webhook bodies over ${maxBytes} bytes are not read ` +
          "(GitHub caps its payloads at 25 MB)",
      );
      chunks.length = 0;
      settle(undefined);
      // Drained to the end so the client reads the answer; the deadline closes a drain without one.
      req.resume();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return tooLarge();
      chunks.push(chunk);
    };
    req.on("end", () => {
      clearTimeout(deadline);
      settle(DECODER.decode(Buffer.concat(chunks)));
    });
    req.on("close", () => {
      clearTimeout(deadline);
      settle(undefined);
    });
    req.on("error", () => settle(undefined));
    const declared = Number(req.headers["content-length"]);
    if (declared > maxBytes) tooLarge();
    else req.on("data", onData);
  });
}

const DECODER = new TextDecoder("utf-8", { fatal: false });

function refuse(res: ServerResponse, status: number, error: string, then?: () => void): void {
  if (res.headersSent || res.destroyed) return then?.();
  const body = JSON.stringify({ error });
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    connection: "close",
  });
  res.end(body, then);
}

/** The request's path as @octokit/webhooks compares it (trailing slashes ignored); undefined if unparsable. */
function pathOf(url: string | undefined): string | undefined {
  try {
    return new URL(trimSlashes(url ?? ""), "http://localhost").pathname;
  } catch {
    return undefined;
  }
}

function trimSlashes(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  return trimmed === "" ? "/" : trimmed;
}
