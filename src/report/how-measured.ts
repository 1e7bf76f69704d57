import type { Measurements } from "../proxy/types.js";
import { formatBytes, formatNumber, formatSeconds } from "./format-number.js";
import type { MessageId } from "./messages/en.js";
import type { Translator } from "./messages/translate.js";
import { wordBackendSkip, wordProxy } from "./messages/proxy-words.js";
import { quote } from "./quote.js";
import type { ChangeGroup } from "./types.js";
import { untrusted } from "./untrusted.js";

export interface HowMeasuredInput {
  measurements: Measurements[];
  groups: ChangeGroup[];
  source: string;
  t: Translator;
  /** Versions worth naming (batch-advisor, Node, TensorFlow.js), when the caller knows them. */
  versions?: Record<string, string>;
  /** At most this many proxy runs are described in full; the rest are counted. */
  limit?: number;
}

/**
 * The **How this was measured** section: what was compared, and per proxy run the backend (and
 * why the ones before it were skipped), device, proxy model and data, seeds, steps, wall time,
 * partial runs; then versions.
 * @example renderHowMeasured({ measurements, groups, source: "git main..HEAD", t })
 */
export function renderHowMeasured(input: HowMeasuredInput): string {
  const { t } = input;
  // The source names revisions and folders of this machine: text, with the machine's paths made relative.
  const text = (s: string) => untrusted(s, "text", { t });
  const lines = [`- ${t.t("how.source", { source: text(input.source) })}`];
  const limit = input.limit ?? 5;
  if (!input.measurements.length) lines.push(`- ${t.t("how.noProxy")}`);
  input.measurements.slice(0, limit).forEach((m, i) => {
    const used = input.groups.filter((g) => g.measurementIndex === i).map((g) => untrusted(g.path, "code", { t }));
    const heading =
      input.measurements.length > 1
        ? t.t("how.run", { n: String(i + 1), files: used.join(t.t("word.listJoin")) || "—" })
        : t.t("how.runOne");
    lines.push(`- ${heading}`, ...describe(m, t).map((l) => `  - ${l}`));
  });
  if (input.measurements.length > limit)
    lines.push(`- ${t.t("how.moreRuns", { count: String(input.measurements.length - limit) })}`);
  const frames = new Map<string, string>();
  for (const g of input.groups) {
    const f = g.estimate.convergence?.frame;
    if (!f) continue;
    const how = t.t(`frame.${f.how}` as MessageId, {
      before: formatNumber(f.before),
      after: formatNumber(f.after),
      unit: t.t(f.unit === "tokens" ? "unit.tokens" : "unit.samples"),
    });
    frames.set(how, how);
  }
  for (const how of [...frames.values()].slice(0, limit)) lines.push(`- ${t.t("how.frame", { how })}`);
  if (input.versions && Object.keys(input.versions).length) {
    lines.push(
      `- ${t.t("how.versions", {
        list: text(
          Object.entries(input.versions)
            .map(([k, v]) => `${k} ${v}`)
            .join(t.t("word.listJoin")),
        ),
      })}`,
    );
  }
  return `<details>\n<summary>${t.t("how.summary")}</summary>\n\n${lines.join("\n")}\n\n</details>`;
}

function describe(m: Measurements, t: Translator): string[] {
  const b = m.backend;
  // A backend's load error quotes its install path, a proxy's description the user's file: text, machine paths hidden.
  const text = (s: string) => untrusted(s, "text", { t });
  const out = [t.t("how.backend", { name: untrusted(b.name, "code", { t }), version: text(b.version) })];
  // The library's load error is quoted as it was written; the sentence around it is the catalogue's.
  const q = quote(t);
  for (const s of b.skipped)
    out.push(
      t.t("how.skippedBackend", {
        name: untrusted(s.name, "code", { t }),
        reason: s.why ? wordBackendSkip(s.why, q, t) : text(s.reason),
      }),
    );
  if (b.details && Object.keys(b.details).length)
    out.push(
      t.t("how.device", {
        details: text(
          Object.entries(b.details)
            .map(([k, v]) => `${k}: ${String(v)}`)
            .join(t.t("word.listJoin")),
        ),
      }),
    );
  const plan = m.plan;
  out.push(
    t.t("how.proxy", {
      description: m.about ? wordProxy(m.about, q, t) : text(m.description),
      parameters: formatNumber(m.parameters),
      optimizer: text(plan.optimizer),
      lr: formatNumber(plan.learningRate),
    }),
  );
  out.push(t.t("how.seed", { seed: String(plan.seed) }));
  if (m.steps.length) {
    const repeats = [...new Set(m.steps.map((s) => s.repeats))].join("/");
    out.push(
      t.t("how.steps", { batches: m.steps.map((s) => formatNumber(s.batchSize)).join(t.t("word.listJoin")), repeats }),
    );
  }
  if (m.memory.points.length)
    out.push(
      t.t("how.memory", {
        batches: m.memory.points.map((p) => formatNumber(p.batchSize)).join(t.t("word.listJoin")),
        slope: formatBytes(m.memory.forwardBackwardFit.slope),
        r2: m.memory.forwardBackwardFit.r2.toFixed(3),
      }),
    );
  if (m.loss.length) {
    const steps = m.loss.reduce((n, c) => n + (c.points.at(-1)?.step ?? 0), 0);
    out.push(
      t.t("how.loss", {
        curves: m.loss.map((c) => formatNumber(c.batchSize)).join(t.t("word.listJoin")),
        steps: formatNumber(steps),
      }),
    );
  }
  if (m.noise) {
    const n = m.noise;
    out.push(
      t.t("how.noise", {
        small: formatNumber(n.bSmall),
        big: formatNumber(n.bBig),
        samples: String(n.samples.length),
        value: formatNumber(n.bSimple),
        low: formatNumber(n.interval[0]),
        high: formatNumber(n.interval[1]),
        atLoss: formatNumber(n.atLoss),
        initialLoss: formatNumber(n.initialLoss),
      }),
    );
  }
  if (m.criticalBatch) {
    const c = m.criticalBatch;
    out.push(
      t.t("how.critical", {
        bCrit: formatNumber(c.bCrit),
        target: formatNumber(c.targetLoss),
        runs: String(c.points.length),
        r2: c.r2.toFixed(2),
        rule: c.learningRateRule,
      }),
    );
  }
  out.push(t.t("how.wall", { seconds: formatSeconds(m.wallSeconds), budget: formatSeconds(plan.timeBudgetSeconds) }));
  // The proxy's log line is quoted as written; the phase it stopped in is said in the reader's language.
  if (m.partial && m.partialPhase)
    out.push(
      `**${t.t("how.partialPhase", {
        phase: t.t(`phase.${m.partialPhase}` as MessageId),
        log: untrusted(m.partialReason ?? "—", "code", { t }),
      })}**`,
    );
  else if (m.partial)
    out.push(`**${t.t("how.partial", { reason: untrusted(m.partialReason ?? "—", "code", { t }) })}**`);
  return out;
}
