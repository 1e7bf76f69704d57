// The library's door (`import { analyze } from "batch-advisor"`): re-exports only, no logic.

/**
 * @example
 * import { analyze, defaultConfig, GitSource } from "batch-advisor";
 * const source = new GitSource({ repo: ".", base: "main", head: "HEAD" });
 * const report = await analyze(source, defaultConfig(), { noProxy: true });
 * console.log(report.summary);
 */
export { analyze } from "./advisor.js";
export { detectChanges, type DetectResult, type DetectChangesOptions } from "./detect/detect-changes.js";
export { detectFile } from "./detect/detect-file.js";
export { loadConfig, defaultConfig, type BotConfig, type ConfigError, type LoadedConfig } from "./config.js";
export { GitSource } from "./source/git-source.js";
export { GitHubSource, type GitHubSourceOptions } from "./source/github-source.js";
export { FilePairSource } from "./source/file-pair-source.js";
export { MemorySource } from "./source/memory-source.js";
export type { ChangeSource, ChangedFile, Side } from "./source/types.js";
export type { Report, ChangeGroup, Annotation, Suggestion } from "./report/types.js";
export type { AnalyzeOptions } from "./advisor/analyze-options.js";
export type { Language } from "./config/schema.js";
export type { BatchChange, BatchSetting, EffectiveBatch, FileReport } from "./detect/types.js";
export { VERSION } from "./version.js";
