import { COMMENT_MARKER } from "../../src/report/render-comment.js";
import type { ChangeGroup, Report, Suggestion } from "../../src/report/types.js";

export interface FixedGroupOptions {
  path?: string;
  line?: number;
  before?: number;
  after?: number;
  verdict?: "ok" | "warn" | "error";
  /** A memory budget check on the group: its status and the level the config set it at. */
  budget?: { status: "ok" | "warn" | "error"; level: "warn" | "error"; raw?: string };
}

/**
 * One file's batch change with only what the GitHub front reads (path, line, batch, verdict,
 * budget); the estimate stage's other fields are out of scope for these tests.
 */
export function fixedGroup(options: FixedGroupOptions = {}): ChangeGroup {
  const { path = "configs/train.yaml", line = 4, before = 32, after = 64, verdict = "warn" } = options;
  const budget = options.budget && {
    budget: options.budget.raw ?? "40GiB",
    kind: "absolute",
    limit: 40 * 2 ** 30,
    level: options.budget.level,
    status: options.budget.status,
    message: {
      id: "budget-over",
      params: { predicted: "41.0 GiB", batch: after, budget: options.budget.raw ?? "40GiB", key: "memory.budget" },
    },
  };
  const estimate = {
    change: {
      path,
      line,
      key: "per_device_train_batch_size",
      role: "micro_batch",
      framework: "huggingface",
      before,
      after,
    },
    batch: { before, after, ratio: after / before, unit: "samples" },
    memory: { peak: { basis: "analytical" }, notes: [], ...(budget ? { budget } : {}) },
    learningRate: {
      optimizer: "adamw",
      family: "adam",
      rule: "sqrt",
      k: after / before,
      before: 1e-4,
      after: 1e-4,
      status: "not-needed",
      adjustments: [],
      message: { id: "lr-not-needed", params: { why: "" } },
    },
    schedule: {
      countedIn: "epochs",
      k: after / before,
      shouldScale: false,
      items: [],
      message: { id: "schedule-epochs" },
    },
    verdict: {
      level: verdict,
      id: `verdict-${verdict}`,
      text: `Batch ${before} → ${after} (×${after / before}): 1.8× fewer steps.`,
    },
  };
  const change = {
    path,
    line,
    framework: "huggingface",
    role: "micro_batch",
    key: "per_device_train_batch_size",
    before,
    after,
    effective: { before, after, ratio: after / before },
    learningRate: { before: 1e-4, after: 1e-4 },
    unknown: [],
  };
  return { path, changes: [change], estimate } as unknown as ChangeGroup;
}

/** A Report as analyze() returns it, built from fixed groups. */
export function fixedReport(
  options: { groups?: ChangeGroup[]; suggestions?: Suggestion[]; markdown?: string } = {},
): Report {
  const groups = options.groups ?? [];
  const overBudget = groups.some(
    (g) => g.estimate.memory.budget?.status === "error" && g.estimate.memory.budget.level === "error",
  );
  const level = groups.reduce<Report["level"]>(
    (w, g) =>
      g.estimate.verdict.level === "error" || w === "error"
        ? "error"
        : g.estimate.verdict.level === "warn"
          ? "warn"
          : w,
    "ok",
  );
  const headline = groups.length
    ? `**batch-advisor: ${level}** — ${groups.map((g) => `${g.path}: batch ${batchChange(g)}`).join("; ")}`
    : "**batch-advisor:** no batch-size change";
  return {
    version: 1,
    language: "en",
    source: "acme/train#7",
    files: [],
    groups,
    measurements: [],
    skipped: [],
    configErrors: [],
    level,
    overBudget,
    summary: groups.length
      ? `batch-advisor: ${level}: ${groups.length} batch-size change(s)`
      : "batch-advisor: no batch-size change",
    markdown: options.markdown ?? `${COMMENT_MARKER}\n\n${headline}\n`,
    annotations: groups.map((g) => ({
      path: g.path,
      line: g.changes[0].line,
      level: level === "ok" ? "notice" : "warning",
      title: `Batch size ${g.estimate.batch.before} → ${g.estimate.batch.after}`,
      message: g.estimate.verdict.id,
    })),
    suggestions: options.suggestions ?? [],
    timings: { detect: 0, proxy: 0, estimate: 0, render: 0, total: 0 },
  };
}

function batchChange(group: ChangeGroup): string {
  return `${group.estimate.batch.before} → ${group.estimate.batch.after}`;
}
