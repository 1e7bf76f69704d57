import { lstat, mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { BOT_CONFIG_PATH } from "../github/load-base-config.js";
import { findTrainingConfigs } from "./find-training-configs.js";
import { renderBotConfig } from "./init-bot-config.js";
import { ACTION_PLACEHOLDER, initWorkflows } from "./init-workflows.js";
import type { CliIO } from "./parse-args.js";

export const INIT_USAGE = `Usage:
  batch-advisor init [--fork-safe] [--force] [--repo DIR] [--action OWNER/REPO@REF]

Writes .github/workflows/batch-advisor.yml (the Action on every pull request) and a commented
.github/batch-advisor.yml listing the training configs and frameworks found in the repository.

Options:
  --fork-safe        the two-workflow pair that also comments on pull requests from forks
                     (adds .github/workflows/batch-advisor-post.yml)
  --force            overwrite files that exist (otherwise nothing is written)
  --repo DIR         the repository's folder (default: the current folder)
  --action REF       the Action the workflow pins (default ${ACTION_PLACEHOLDER}: replace OWNER)
`;

const ACTION_REF = /^([\w.-]+)\/([\w.-]+)(?:\/[\w./-]+)?@([\w./-]+)$/;

/**
 * `batch-advisor init`: sets a repository up in one command. Refuses to overwrite any file unless
 * `--force` (exit 1, naming the file, nothing written); returns 0 when every file was written.
 * @example await initCommand(["--fork-safe"], io) // writes three files under .github/
 */
export async function initCommand(argv: string[], io: CliIO): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        "fork-safe": { type: "boolean", default: false },
        force: { type: "boolean", default: false },
        repo: { type: "string" },
        action: { type: "string", default: ACTION_PLACEHOLDER },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    io.stderr(`batch-advisor init: ${(error as Error).message}\n\n${INIT_USAGE}`);
    return 1;
  }
  if (values.help) {
    io.stdout(INIT_USAGE);
    return 0;
  }
  const ref = ACTION_REF.exec(values.action);
  if (!ref) {
    io.stderr(
      "batch-advisor init: --action must look like OWNER/REPO@REF " +
        `(e.g. ${ACTION_PLACEHOLDER}), got "${values.action}"\n`,
    );
    return 1;
  }
  const root = resolve(values.repo ?? ".");
  const scan = await findTrainingConfigs(root);
  const schemaUrl = `https://raw.githubusercontent.com/${ref[1]}/${ref[2]}/${ref[3]}/schema/batch-advisor.schema.json`;
  const files = [
    ...initWorkflows({ forkSafe: values["fork-safe"], action: values.action }),
    { path: BOT_CONFIG_PATH, text: renderBotConfig({ scan, schemaUrl }) },
  ];

  // Every file is checked before any is written: a refusal leaves the repository as it was.
  const existing = [];
  for (const file of files) if (await exists(join(root, file.path))) existing.push(file.path);
  if (existing.length && !values.force) {
    io.stderr(
      `batch-advisor init: ${existing.join(", ")} already ` +
        `exist${existing.length === 1 ? "s" : ""}; nothing was written (pass --force to overwrite)\n`,
    );
    return 1;
  }
  for (const file of files) {
    const target = join(root, file.path);
    await mkdir(dirname(target), { recursive: true });
    // Removed first so that an existing symlink is replaced, never written through.
    await rm(target, { force: true });
    await writeFile(target, file.text, { flag: "wx" });
    io.stdout(`${existing.includes(file.path) ? "overwrote" : "wrote"} ${file.path}\n`);
  }

  const frameworks = [...new Set(scan.found.map((f) => f.framework))].sort();
  io.stdout(
    scan.found.length
      ? `found ${scan.found.length} training ` +
          `config${scan.found.length === 1 ? "" : "s"} (${frameworks.join(", ")}); ` +
          `they are listed in ${BOT_CONFIG_PATH}\n`
      : `found no training config that sets a batch size (${scan.read} files read); ` +
          `every config-like file a pull request changes is still watched\n`,
  );
  if (values.action === ACTION_PLACEHOLDER)
    io.stdout(
      `next: replace ${ACTION_PLACEHOLDER} with the repository and tag you pin (or ` +
        `run again with --action and --force), then commit .github/\n`,
    );
  else io.stdout("next: commit .github/\n");
  return 0;
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}
