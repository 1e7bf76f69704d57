import type { FileReport } from "../detect/types.js";
import type { Translator } from "./messages/translate.js";
import type { ChangeGroup } from "./types.js";
import { untrusted } from "./untrusted.js";
import { spectrumPoint, termsPoint, tradeoffPoint } from "./why-batch-points.js";
import { memoryPoint } from "./why-memory-point.js";
import { optimizerPoint } from "./why-optimizer-point.js";
import type { WhyPoint } from "./why-point.js";

export interface WhyInput {
  group: ChangeGroup;
  file?: FileReport;
  t: Translator;
}

/**
 * The five points of **Why**, each a general paragraph followed by this change's own numbers:
 * (1) epoch, batch, iteration and the effective batch as formed here; (2) full batch, mini-batch,
 * batch 1 and why B_crit exists; (3) faster epochs, more epochs, the two optima and the
 * large-batch zone; (4) one global learning rate, Rprop, RMSprop, Adam and this PR's optimizer;
 * (5) what memory grows with the per-device batch.
 * @example whyPoints({ group, file, t }).map((p) => p.name) // ["terms", "spectrum", "tradeoff", "optimizer", "memory"]
 */
export function whyPoints(input: WhyInput): WhyPoint[] {
  const estimate = input.group.estimate;
  const { t } = input;
  return [
    termsPoint(input),
    spectrumPoint({ estimate, t }),
    tradeoffPoint({ estimate, t }),
    optimizerPoint({ estimate, t }),
    memoryPoint(input),
  ];
}

/**
 * The **Why** section for a contributor, folded: the five points of `whyPoints`, each under its title.
 * @example renderWhy({ group, file, t }) // "<details>\n<summary><b>Why</b>: …"
 */
export function renderWhy(input: WhyInput): string {
  const { t } = input;
  const body = whyPoints(input)
    .map((p) => `**${t.t(p.title)}**\n${p.text}`)
    .join("\n\n");
  // The summary line is raw HTML, where a code span would not render: the path goes in as HTML text.
  const summary = t.t("why.summary", { path: untrusted(input.group.path, "html", { t }) });
  return `<details>\n<summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
