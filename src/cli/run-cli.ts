import { VERSION } from "../version.js";
import { analyzeCommand } from "./analyze-command.js";
import { detectCommand } from "./detect-command.js";
import { initCommand } from "./init-command.js";
import { SourceError } from "../source/git-source.js";
import { parseCliArgs, USAGE, UsageError, type CliArgs, type CliIO } from "./parse-args.js";

/** Runs one CLI invocation; returns the exit code (0 ok, 1 usage error, 2 an input could not be read or used, 3 over
 * budget). */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  // init has options of its own (--fork-safe, --force): it parses them itself.
  if (argv[0] === "init") return initCommand(argv.slice(1), io);
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`batch-advisor: ${(error as Error).message}\n\n${USAGE}`);
      return 1;
    }
    throw error;
  }
  try {
    return await runCommand(args, io);
  } catch (error) {
    // A revision that is not a commit, a folder that is not a repository: the user's to fix, said plainly.
    if (!(error instanceof SourceError)) throw error;
    io.stderr(`batch-advisor: ${error.message}\n`);
    return 2;
  }
}

async function runCommand(args: CliArgs, io: CliIO): Promise<number> {
  switch (args.command) {
    case "help":
      io.stdout(USAGE);
      return 0;
    case "version":
      io.stdout(`${VERSION}\n`);
      return 0;
    case "detect":
      return detectCommand(args, io);
    case "analyze":
      return analyzeCommand(args, io);
  }
}
