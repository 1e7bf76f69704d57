/**
 * The one border text from a pull request crosses on its way into anything we post: keys, values,
 * file names, optimizer names, parse errors quoting them, config errors, and the estimate stage's
 * English notes that embed them. GitHub sanitises dangerous HTML, but links, images, @-mentions,
 * #123 references and autolinks from a PR string still render, so this module makes each string
 * literal for the place it goes. Nothing else in the report builds Markdown from PR text.
 *
 * Every form also: hides machine paths (the runner's checkout, this package's install folder,
 * $HOME, any node_modules folder), makes bidi and control characters visible as ⟨U+202E⟩ so the
 * reader sees what the PR wrote, and cuts very long values ("… (70,000 characters)").
 */
import { homedir } from "node:os";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { formatNumber } from "./format-number.js";
import { translator, type Translator } from "./messages/translate.js";

/**
 * Where the string goes:
 * - `code`: an inline code span sized to its longest backtick run (CommonMark §6.1);
 * - `text`: Markdown prose, with punctuation and HTML escaped, mentions, references and autolinks broken;
 * - `html`: inside a raw HTML block (`<summary>`), where Markdown is not parsed but mentions still are;
 * - `plain`: a plain-text sink (annotation, check-run title, log line): one line, nothing escaped;
 * - `command`: a workflow command's message or property (`::warning …::`): `plain` without `::`;
 * - `fence`: a fenced code block's body (a diff, a ```suggestion```), the fence sized by the caller's `info`.
 */
export type UntrustedForm = "code" | "text" | "html" | "plain" | "command" | "fence";

export interface UntrustedOptions {
  /** Words for the truncation note; English when absent. */
  t?: Translator;
  /** Characters kept before the cut; each form has its default. */
  limit?: number;
  /** For `fence`: the info string (`diff`, `suggestion`). */
  info?: string;
}

const LIMITS: Record<UntrustedForm, number> = {
  code: 200,
  html: 200,
  plain: 500,
  command: 2_000,
  text: 2_000,
  fence: 2_000,
};

/** Bidi embeddings, overrides and isolates (Trojan Source), LRM/RLM/ALM, and C0/C1 controls other than tab and line
 * breaks. */
const HIDDEN = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/g;
/** Zero-width space: breaks a mention, a reference or an autolink without changing what the reader sees. */
const ZWSP = "\u200B";

/**
 * Makes one string from a pull request safe for where it goes (see `UntrustedForm`).
 * @example untrusted("adamw` @org/team", "code") // "`` adamw` @org/team ``"
 * @example untrusted("see [x](http://evil) @team #12", "text")
 *   // "see \\[x\\](http:\u200B//evil) @\u200Bteam #\u200B12"
 */
export function untrusted(value: unknown, as: UntrustedForm, options: UntrustedOptions = {}): string {
  const raw = value === null || value === undefined ? "" : String(value);
  const limit = options.limit ?? LIMITS[as];
  const lines = as === "fence";
  const shown = makeVisible(hideMachinePaths(raw), as === "text" || as === "html" ? "prose" : lines ? "block" : "line");
  const t = options.t ?? translator("en");
  // A message quoting a PR's value (a parse error, a note) keeps its words; one very long "word" is the value, cut like
  // one.
  const prose = as === "text" || as === "html" || as === "plain" || as === "command";
  const words = prose ? cutLongWords(shown, t) : shown;
  const [kept, cut] = truncate(as === "text" || as === "html" ? words.trim() : words, limit, lines);
  const more = cut ? t.t("untrusted.truncated", { count: formatNumber([...raw].length) }) : "";
  switch (as) {
    case "code":
      return `${codeSpan(kept)}${more}`;
    case "text":
      return `${markdownText(kept)}${more}`;
    case "html":
      return `${htmlText(kept)}${more}`;
    case "plain":
      return `${kept}${more}`;
    case "command":
      return `${kept}${more}`.replace(/:(?=:)/g, `:${ZWSP}`);
    case "fence": {
      const body = `${kept}${more ? `\n${more}` : ""}`;
      const fence = "`".repeat(Math.max(3, longestRun(body) + 1));
      return `${fence}${options.info ?? ""}\n${body}\n${fence}`;
    }
  }
}

/**
 * True when `untrusted(line, "fence")` would show `line` exactly as written: no hidden characters,
 * no line break, not cut. A one-click suggestion must be applied verbatim, so it needs this.
 * @example isVerbatim("lr: 2e-4") // true; isVerbatim("lr: 2e-4 \u202E") // false
 */
export function isVerbatim(line: string, limit = LIMITS.fence): boolean {
  return (
    !new RegExp(HIDDEN.source).test(line) &&
    !new RegExp(LINE_BREAK.source).test(line) &&
    [...line].length <= limit &&
    hideMachinePaths(line) === line
  );
}

/** The longest run of backticks in `s` (0 when there is none). */
function longestRun(s: string): number {
  return Math.max(0, ...(s.match(/`+/g) ?? []).map((run) => run.length));
}

/**
 * A code span no content can close: delimited by one backtick more than its longest run, padded
 * with a space when it starts or ends with a backtick or a space (CommonMark strips one of each).
 */
function codeSpan(s: string): string {
  if (s === "") return "` `";
  const fence = "`".repeat(longestRun(s) + 1);
  const pad = /^[` ]|[` ]$/.test(s) && !/^ +$/.test(s) ? " " : "";
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** Characters that start Markdown inline syntax anywhere: escaped with a backslash (CommonMark §2.4). */
const INLINE = new Set(["\\", "`", "*", "[", "]", "~", "$"]);

/**
 * Prose that renders as the same characters: Markdown punctuation backslash-escaped, HTML as
 * entities, mentions, #123 references and autolinks broken by a zero-width space, and a leading
 * block marker (`# `, `- `, `+ `, `1. `, `---`) escaped in case the text starts a line.
 */
function markdownText(s: string): string {
  const chars = [...s];
  let out = "";
  chars.forEach((c, i) => {
    if (c === "&") out += "&amp;";
    else if (c === "<") out += "&lt;";
    else if (c === ">") out += "&gt;";
    else if (INLINE.has(c)) out += `\\${c}`;
    // `_` between two letters or digits cannot open or close emphasis (CommonMark §6.2); elsewhere it can.
    else if (c === "_") out += isWordChar(chars[i - 1]) && isWordChar(chars[i + 1]) ? "_" : "\\_";
    else out += c;
  });
  return escapeBlockStart(breakReferences(out));
}

/**
 * A line that starts with a heading, list or thematic-break marker (CommonMark §4.1, 4.2, 4.3,
 * 5.2) is such a block only when a space or the line's end follows: only then is it escaped.
 */
function escapeBlockStart(s: string): string {
  return s
    .replace(/^(#{1,6}|[-+])(?=\s|$)/, "\\$1")
    .replace(/^([-=])(?=[-= ]*$)/, "\\$1")
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
}

/** Inside raw HTML: entities for the five HTML specials; mentions and references broken all the same (GitHub links them
 * in HTML text too). */
function htmlText(s: string): string {
  const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  // References first: the entities' own "#" must stay whole.
  return breakReferences(s).replace(/[&<>"']/g, (c) => entities[c]);
}

/** @-mentions (and e-mail autolinks), #123 and GH-123 references, scheme:// and www. autolinks. */
function breakReferences(s: string): string {
  return s
    .replace(/@(?=[\p{L}\p{N}_-])/gu, `@${ZWSP}`)
    .replace(/#(?=\d)/g, `#${ZWSP}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1${ZWSP}-`)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/\b(www)\./gi, `$1${ZWSP}.`);
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/**
 * Hidden characters as ⟨U+XXXX⟩. Line breaks: a space in prose, ⏎ in a one-line value, and in a
 * block only \n stays a break (a lone \r would end a line for CommonMark but not for the reader).
 */
function makeVisible(s: string, kind: "prose" | "line" | "block"): string {
  const broken =
    kind === "block"
      ? s.replace(/\r\n/g, "\n").replace(/[\r\u2028\u2029]/g, "⏎")
      : s.replace(LINE_BREAK, kind === "prose" ? " " : "⏎");
  return broken.replace(HIDDEN, (c) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}⟩`);
}

/** A run of more than this many non-space characters inside a message is a quoted value: cut to this. */
const WORD_LIMIT = 200;

function cutLongWords(s: string, t: Translator): string {
  return s.replace(new RegExp(`\\S{${WORD_LIMIT + 1},}`, "gu"), (word) => {
    const points = [...word];
    if (points.length <= WORD_LIMIT) return word;
    const cut = t.t("untrusted.truncated", { count: formatNumber(points.length) });
    return `${points.slice(0, WORD_LIMIT).join("")}${cut}`;
  });
}

/** The first `limit` code points (per line for a block), and whether anything was cut. */
function truncate(s: string, limit: number, perLine: boolean): [string, boolean] {
  if (perLine) {
    let cut = false;
    const lines = s.split("\n").map((line) => {
      const [kept, lineCut] = truncate(line, limit, false);
      cut ||= lineCut;
      return lineCut ? `${kept}…` : kept;
    });
    return [lines.join("\n"), cut];
  }
  if (s.length <= limit) return [s, false];
  const points = [...s];
  return points.length <= limit ? [s, false] : [points.slice(0, limit).join(""), true];
}

// ------------------------------------------------------------------ machine paths

/** This package's folder: the module sits in src/report/ (tsx, tests) or dist/… (the bundled Action). */
function packageRoot(): string | undefined {
  try {
    const here = dirname(fileURLToPath(import.meta.url));
    return here.replace(/[\\/](?:src[\\/]report|dist(?:[\\/][^\\/]+)*)$/, "");
  } catch {
    return undefined;
  }
}

let roots: { key: string; list: Array<{ pattern: RegExp; shown: string }> } | undefined;

/**
 * Folders of this machine, longest first, with what to show instead: the checkout (the working
 * directory, $GITHUB_WORKSPACE) becomes the repository-relative path, this package "batch-advisor",
 * the runner's temp and tool folders "runner-temp"/"runner-tools", $HOME "~". The system temp
 * folder is left alone: a PR value such as /tmp/data is the PR's, not ours.
 */
function machineRoots(): Array<{ pattern: RegExp; shown: string }> {
  const env = process.env;
  const pairs: Array<[string | undefined, string]> = [
    [process.cwd(), "."],
    [env.GITHUB_WORKSPACE, "."],
    [packageRoot(), "batch-advisor"],
    [env.RUNNER_TEMP, "runner-temp"],
    [env.RUNNER_TOOL_CACHE, "runner-tools"],
    [env.HOME, "~"],
    [homedir(), "~"],
  ];
  // Rebuilt only when the folders change (a test or a front may move the working directory).
  const key = pairs.map((p) => p[0] ?? "").join("\0");
  if (roots?.key === key) return roots.list;
  // A root of "/" or one letter would rewrite every path; only real folders count.
  const list = pairs
    .map(([root, shown]) => ({ folder: (root ?? "").replace(/[\\/]+$/, ""), shown }))
    .filter((r) => r.folder.length > 3)
    .sort((a, b) => b.folder.length - a.folder.length)
    // "<root>/x" and "<root>" alone, not "<root>x": a folder, not a prefix of a longer name.
    .map(({ folder, shown }) => ({
      pattern: new RegExp(`(?:file://)?${folder.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:[\\\\/]|(?![\\w.-]))`, "g"),
      shown,
    }));
  roots = { key, list };
  return list;
}

/**
 * A string with this machine's folders replaced: "/home/runner/work/r/r/model.json" → "model.json",
 * "/opt/hostedtoolcache/…/node_modules/@tensorflow/tfjs-node/…" → "node_modules/@tensorflow/tfjs-node/…".
 * @example hideMachinePaths(`${process.cwd()}/configs/a.yaml`) // "configs/a.yaml"
 */
export function hideMachinePaths(s: string): string {
  let out = s;
  // "<root>/x" → "x" for the checkout, "<shown>/x" otherwise; "<root>" alone → "<shown>".
  for (const { pattern, shown } of machineRoots())
    out = out.replace(pattern, (m) => (/[\\/]$/.test(m) ? (shown === "." ? "" : `${shown}/`) : shown));
  // Any other install folder still gives the machine's layout away: keep from node_modules on.
  return out.replace(/(?:file:\/\/)?(?:[A-Za-z]:)?(?:[\\/][^\s\\/'"`:()]+)+[\\/](?=node_modules[\\/])/g, "");
}
