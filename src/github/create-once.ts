import { outcomeUnknown } from "./outcome-unknown.js";

export interface CreateOnceInput<T> {
  /** The create: one POST. */
  create: () => Promise<T>;
  /** Looks for what the create would have made (our marker, our check on this head). */
  find: () => Promise<T | undefined>;
  /** Creates sent at most, the first included (default 2). */
  attempts?: number;
  log?: (message: string) => void;
}

export interface CreateOnceResult<T> {
  value: T;
  /** True when a create whose answer was lost had landed, and that result was adopted. */
  adopted: boolean;
}

/**
 * A create that happens once even when its answer is lost. When the POST times out or fails with
 * a server error, the create may have landed: before sending it again, `find` looks for it and
 * adopts it. A refusal (4xx) is thrown at once; so is the last unknown outcome.
 * @example await createOnce({ create: () => post(body), find: () => findComment(github, query) })
 *   // { value: { id: 42 }, adopted: true }
 */
export async function createOnce<T>(input: CreateOnceInput<T>): Promise<CreateOnceResult<T>> {
  const attempts = input.attempts ?? 2;
  for (let attempt = 1; ; attempt++) {
    try {
      return { value: await input.create(), adopted: false };
    } catch (error) {
      if (!outcomeUnknown(error)) throw error;
      input.log?.(`${(error as Error).message.split("\n")[0]}; looking for it before creating again`);
      const landed = await input.find();
      if (landed !== undefined) return { value: landed, adopted: true };
      if (attempt >= attempts) throw error;
    }
  }
}
