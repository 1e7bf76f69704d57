import type { ParsedConfig } from "../types.js";
import { parseShell } from "./parse-shell.js";

const LAUNCHER =
  /^\s*(?:&\s*)?(?:accelerate|python[\d.]*|py|torchrun|deepspeed|llamafactory-cli|swift|[\w./\\-]+\.(?:py|exe))\b/i;

/**
 * Reads a PowerShell training script (`train.ps1`) as the shell parser reads a bash one, line for
 * line so every line and its settings keep their place: `$name = value` assignments become
 * variables, a launch command with backtick continuations (`` ` `` at a line's end) becomes one
 * command, and `$name` in its arguments is substituted. Control flow and .NET calls are left out.
 * @example parsePowerShell('$bs = 4\naccelerate launch train.py `\n  --train_batch_size=$bs\n', "t.ps1").entries[1]
 *   // {path:["train_batch_size"], value:4, line:1}
 */
export function parsePowerShell(text: string, path: string): ParsedConfig {
  const lines = text.split("\n");
  let inCommand = false;
  const shell = lines.map((raw) => {
    const cr = raw.endsWith("\r") ? "\r" : "";
    const line = cr ? raw.slice(0, -1) : raw;
    const blank = " ".repeat(line.length) + cr;
    if (inCommand || LAUNCHER.test(line)) {
      const continued = /`\s*$/.test(line);
      inCommand = continued;
      // A backtick at the end continues the command, as a backslash does in bash.
      return (continued ? line.replace(/`(\s*)$/, "\\$1") : line) + cr;
    }
    const assign = /^(\s*)\$([A-Za-z_]\w*)\s*=\s*(.*)$/.exec(line);
    if (assign) {
      const bash = `${assign[1]}${assign[2]}=${assign[3]}`;
      return bash + " ".repeat(Math.max(0, line.length - bash.length)) + cr;
    }
    return /^\s*#/.test(line) ? raw : blank;
  });
  return { ...parseShell(shell.join("\n"), path), format: "powershell" };
}
