/**
 * The GitHub App's entry (`npm run app` → `probot run`). A door, not a room: the handler is in
 * src/app/batch-advisor-app.ts.
 */
import { analyze } from "./advisor.js";
import { batchAdvisorApp } from "./app/batch-advisor-app.js";

// Trainings run in a worker thread, so the server keeps answering webhooks while the proxy trains.
export default batchAdvisorApp({ analyze, trainInWorker: true });
