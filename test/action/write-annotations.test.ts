/**
 * The Action's plain-text sinks: workflow commands (annotations, log lines) and the job summary's
 * notes. A pull request's value must not end a command, start another, or become Markdown.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { publish } from "../../src/action/publish.js";
import { writeAnnotations } from "../../src/action/write-annotations.js";
import type { GitHub } from "../../src/github/create-octokit.js";
import { inspectMarkdown } from "../report/markdown-inspection.js";

const HOSTILE = "x\n::error::owned\r\n::add-mask::%s:: 50% \u202Eevil";

function captureStdout(): { lines: () => string[] } {
  const written: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  return { lines: () => written.join("").split(/\r?\n/).filter(Boolean) };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("annotations as workflow commands", () => {
  it("write one command per annotation whose title and message cannot close it or start another", () => {
    const out = captureStdout();
    writeAnnotations([
      {
        path: "configs/a\n::error::b.yaml",
        line: 3,
        level: "warning",
        title: `Batch size 8 → ${HOSTILE}: Warning`,
        message: `first fact ${HOSTILE}\nsecond fact`,
      },
    ]);
    const lines = out.lines();
    expect(lines).toHaveLength(1);
    const [command] = lines;
    expect(command.startsWith("::warning ")).toBe(true);
    // The command's own "::" separator is the only one: nothing after it, nothing in the properties.
    const separator = command.indexOf("::", 2);
    expect(command.slice(separator + 2)).not.toContain("::");
    expect(command.slice(2, separator)).not.toContain("::");
    // What the PR wrote is still there for the reader: % and line breaks escaped, bidi shown.
    expect(command).toContain("50%25");
    expect(command).toContain("⟨U+202E⟩evil");
    expect(command).toContain("%0Asecond fact");
  });
});

describe("the job summary's notes", () => {
  it("name a hostile file as text, and log it as one line", async () => {
    const out = captureStdout();
    const path = "configs/@team [x](http://evil) <img src=x>\n::error::owned.yaml";
    const notes = await publish({} as GitHub, {
      pr: { owner: "o", repo: "r", number: 1 },
      headSha: "a".repeat(40),
      hasChanges: true,
      markdown: "",
      language: "en",
      suggestions: [{ path, line: 3, original: "lr: 1e-4", replacement: "lr: 2e-4", reason: "scale" }],
      // The line is outside the diff, so nothing is asked of GitHub.
      patches: async () => new Map([[path, "@@ -1,1 +1,1 @@\n-a\n+b"]]),
      comment: false,
      suggest: true,
      author: "github-actions[bot]",
    });
    expect(notes).toHaveLength(1);
    const seen = inspectMarkdown(notes.map((n) => `> ${n}`).join("\n>\n"));
    expect([seen.links, seen.images, seen.html, seen.references]).toEqual([[], [], [], []]);
    expect(seen.visible).toContain("configs/@team [x](http://evil) <img src=x> ::error::owned.yaml");
    expect(out.lines().filter((l) => l.startsWith("::"))).toEqual([]);
  });
});
