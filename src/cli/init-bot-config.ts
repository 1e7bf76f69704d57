import { posix } from "node:path";
import type { ConfigScan } from "./find-training-configs.js";

/** Configs listed by name in the written file; the rest are counted. */
const MAX_LISTED = 20;

/**
 * The commented `.github/batch-advisor.yml` that `init` writes: the schema line for the editor,
 * the training configs and frameworks found, and the keys a team sets first, commented out, so
 * the file changes nothing until someone uncomments a line (every default applies).
 * @example renderBotConfig({ scan, schemaUrl }).startsWith("# yaml-language-server: $schema=") // true
 */
export function renderBotConfig(input: { scan: ConfigScan; schemaUrl: string }): string {
  const { scan } = input;
  const lines = [
    `# yaml-language-server: $schema=${input.schemaUrl}`,
    "# batch-advisor reads this file from the pull request's base branch. Every key is optional and",
    "# every default applies while the keys below stay commented out; docs/configuration.md lists them all.",
    "#",
    ...foundLines(scan),
    "#",
    "# GPUs (data-parallel devices) per run, for configs that leave the count to the launcher:",
    "# devices: 8",
    "#",
    "# The GPU each device is (ids in docs/models-and-gpus.md): peak memory then has an absolute budget,",
    "# the GPU's memory less a reserve, and step and epoch times are predicted for it:",
    "# hardware:",
    "#   gpu: A100-80GB",
    "#",
    "# The training length in tokens, for configs that leave it to the data (activations need it):",
    "# model:",
    "#   seqLen: 2048",
    "#",
    "# Fail the check when the new batch's predicted peak memory per device passes a budget:",
    "# memory:",
    '#   budget: 80GB        # or "+10%": the growth allowed over the old batch\'s peak',
    "#   level: error        # warn (the default) only flags it",
    "#",
    "# language: zh-TW       # the comment in Traditional Chinese",
  ];
  return `${lines.join("\n")}\n`;
}

function foundLines(scan: ConfigScan): string[] {
  const read = `${scan.read} of ${scan.matched} config-like file${scan.matched === 1 ? "" : "s"} read`;
  if (!scan.found.length) {
    return [
      `# batch-advisor init found no training config that sets a batch size (${read}).`,
      "# A pull request that adds one is still analysed: the bot watches every config-like file.",
    ];
  }
  const frameworks = [...new Set(scan.found.map((f) => f.framework))].sort();
  const listed = scan.found.slice(0, MAX_LISTED);
  const width = Math.max(...listed.map((f) => f.path.length));
  const frameworkWidth = Math.max(...listed.map((f) => f.framework.length));
  const rows = listed.map((f) => {
    const settings = f.settings.map((s) => `${s.key}: ${oneLine(s.raw)} (line ${s.line})`).join(", ");
    return `#   ${f.path.padEnd(width)}  ${f.framework.padEnd(frameworkWidth)}  ${settings}`;
  });
  const more = scan.found.length - listed.length;
  return [
    `# Training configs batch-advisor init found (${scan.found.length}; ${read}):`,
    ...rows,
    ...(more > 0 ? [`#   … and ${more} more`] : []),
    `# Frameworks: ${frameworks.join(", ")}`,
    "#",
    "# The bot watches every config-like file a pull request changes; to watch only these folders:",
    `# files: [${watchGlobs(scan)
      .map((g) => JSON.stringify(g))
      .join(", ")}]`,
  ];
}

/** One glob per folder holding a found config (the file itself at the top level). */
function watchGlobs(scan: ConfigScan): string[] {
  const globs = scan.found.map((f) => (posix.dirname(f.path) === "." ? f.path : `${posix.dirname(f.path)}/**`));
  return [...new Set(globs)].slice(0, MAX_LISTED);
}

/** A setting as written, kept on one comment line. */
function oneLine(raw: string): string {
  const flat = raw.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}
