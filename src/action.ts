/**
 * The GitHub Action's entry (action.yml → dist/index.cjs, built by `npm run build:action`).
 * A door, not a room: no logic here; the steps are in src/action/run-action.ts.
 */
import { runAction } from "./action/run-action.js";
import { analyze } from "./advisor.js";

void runAction({ analyze });
