import type { Params, Translator } from "./translate.js";

/**
 * How the catalogue words one Note: a template whose `{name}`s are filled from the Note's params,
 * or a function for a sentence that depends on a parameter (a rule's name, an optional clause).
 */
export type NoteMessage = string | ((params: Params, t: Translator) => string);
