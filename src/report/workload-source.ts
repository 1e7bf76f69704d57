import type { WorkloadSource } from "../workload/types.js";
import type { Translator } from "./messages/translate.js";
import { untrusted } from "./untrusted.js";

/**
 * Where a workload field came from, in the reader's language: the config's file, line and key;
 * the bundled catalogue's entry; a framework's default; the bot config's key. What the workload
 * stage wrote as text (a default's explanation, a derivation) stays as written, escaped.
 * @example workloadSource({ kind: "bot-config", key: "devices" }, zh) // "bot 設定 devices"
 */
export function workloadSource(source: WorkloadSource, t: Translator): string {
  const text = (s: string) => untrusted(s, "text", { t });
  switch (source.kind) {
    case "config":
      return text(`${source.file}:${source.line} ${source.key}`);
    case "catalogue":
      return t.t("workload.from.catalogue", { id: text(source.id), url: text(source.url) });
    case "default":
      return source.framework === "any"
        ? t.t("workload.from.default", { what: text(source.what) })
        : t.t("workload.from.frameworkDefault", { framework: text(source.framework), what: text(source.what) });
    case "bot-config":
      return t.t("workload.from.botConfig", { key: text(source.key) });
    case "derived":
      return text(source.from);
    case "unknown":
      return t.t("workload.from.unknown", { reason: text(source.reason) });
  }
}
