import type { FileReport } from "../detect/types.js";
import { batchParts } from "./batch-parts.js";
import { formatBytes, formatNumber } from "./format-number.js";
import type { Translator } from "./messages/translate.js";
import type { ChangeGroup } from "./types.js";
import { untrusted } from "./untrusted.js";
import { Paragraph, type WhyPoint } from "./why-point.js";

/**
 * Point 5: what grows with the per-device batch (activations, logits) and what does not (weights,
 * gradients, optimizer states), with this change's bytes per part when the model's size is known.
 * @example memoryPoint({ group, file, t }).text
 *   // "… Here, per device: weights 942 MiB, … activations 1.45 GiB → 5.80 GiB …"
 */
export function memoryPoint(input: { group: ChangeGroup; file?: FileReport; t: Translator }): WhyPoint {
  const { t } = input;
  const m = input.group.estimate.memory;
  const p = new Paragraph(t).say("why.memory");
  const micro = batchParts(input.group, input.file).find((part) => part.role === "micro_batch");
  const same = micro && !micro.changed && micro.after !== undefined && micro.after !== null;
  if (same)
    p.say("why.memory.microSame", {
      micro:
        typeof micro.after === "number" ? formatNumber(micro.after) : untrusted(String(micro.after), "code", { t }),
    });
  const before = m.parts?.before;
  const after = m.parts?.after;
  const a = m.model;
  if (before && after && a && a.microBatch.before !== null && a.microBatch.after !== null) {
    const bytes = (q: { value: number }) => formatBytes(q.value);
    const params = {
      weights: bytes(after.weights),
      gradients: bytes(after.gradients),
      optimizer: bytes(after.optimizer),
      activationsBefore: bytes(before.activations),
      activationsAfter: bytes(after.activations),
      logitsBefore: bytes(before.logits),
      logitsAfter: bytes(after.logits),
      microBefore: formatNumber(a.microBatch.before),
      microAfter: formatNumber(a.microBatch.after),
    };
    // A vision model has no logits over a vocabulary worth naming.
    p.say(after.logits.value > 0 ? "why.memory.parts" : "why.memory.partsNoLogits", params);
  } else if (a) {
    p.say("why.memory.model", {
      states: formatBytes(a.modelStates.value),
      perParameter: formatNumber(a.bytesPerParameter),
      parameters: formatNumber(a.parameters),
    });
    if (a.activationsPerExample)
      p.say("why.memory.activations", { perExample: formatBytes(a.activationsPerExample.value) });
  } else if (m.calibrated) {
    p.say("why.memory.calibrated", {
      batch: formatNumber(m.calibrated.batch),
      peak: formatBytes(m.calibrated.peakBytes),
      fixed: formatBytes(m.calibrated.fixedBytes.value),
      perExample: formatBytes(m.calibrated.perExampleBytes.value),
    });
  } else if (m.proxy) {
    p.say("why.memory.proxy", {
      fixed: formatBytes(m.proxy.fixedBytes),
      perExample: formatBytes(m.proxy.perExampleBytes),
      optimizer: formatBytes(m.proxy.optimizerPeakBytes),
    });
  }
  return p.point("memory", "why.memory.title");
}
