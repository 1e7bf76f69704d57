/**
 * A sentence a stage leaves to the report: the id of a message that src/report/messages words in
 * every language, and its parameters (keys, values and file names as the PR wrote them, numbers).
 * `M` maps each id to its parameters; an id without parameters may leave them out.
 * @example const why: Message<{ "value.env": { name: string } }> = { id: "value.env", params: { name: "BS" } };
 */
export type Message<M extends { [K in keyof M]: Record<string, string | number> }> = {
  [K in keyof M & string]: Record<string, never> extends M[K] ? { id: K; params?: M[K] } : { id: K; params: M[K] };
}[keyof M & string];
