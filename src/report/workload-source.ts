import type { WorkloadReason } from "../workload/reason.js";
import type { WorkloadSource } from "../workload/types.js";
import type { Translator } from "./messages/translate.js";
import { wordWorkloadReason } from "./messages/workload-reasons.js";
import { quote } from "./quote.js";
import { untrusted } from "./untrusted.js";

/**
 * Where a workload field came from, in the reader's language: the config's file, line and key;
 * the bundled catalogue's entry; a framework's default; the bot config's key. A default's
 * explanation, a derivation and an unknown's reason are message ids, worded by the catalogue
 * (messages/workload-reasons.ts) with the PR's names escaped.
 * @example workloadSource({ kind: "bot-config", key: "devices" }, zh) // "bot 設定 devices"
 */
export function workloadSource(source: WorkloadSource, t: Translator): string {
  const text = (s: string) => untrusted(s, "text", { t });
  const why = (reason: WorkloadReason) => wordWorkloadReason(reason, quote(t), t);
  switch (source.kind) {
    case "config":
      return text(`${source.file}:${source.line} ${source.key}`);
    case "catalogue":
      return t.t("workload.from.catalogue", { id: text(source.id), url: text(source.url) });
    case "default":
      return source.framework === "any"
        ? t.t("workload.from.default", { what: why(source.what) })
        : t.t("workload.from.frameworkDefault", { framework: text(source.framework), what: why(source.what) });
    case "bot-config":
      return t.t("workload.from.botConfig", { key: text(source.key) });
    case "derived":
      return why(source.from);
    case "unknown":
      return t.t("workload.from.unknown", { reason: why(source.reason) });
  }
}
