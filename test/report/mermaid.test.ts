// @vitest-environment happy-dom
/**
 * The comment's Mermaid chart must parse with Mermaid itself (the `mermaid` package under a
 * happy-dom window: its sanitiser needs a DOM, its parser does not need a browser).
 */
import mermaid from "mermaid";
import { describe, expect, it } from "vitest";
import { renderComment } from "../../src/report/render-comment.js";
import { SCENARIOS, scenario } from "./scenarios.js";

function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);
}

describe("the convergence chart", () => {
  it("is an xychart that Mermaid's parser accepts, in every scenario and language", async () => {
    let charts = 0;
    for (const name of SCENARIOS) {
      for (const language of ["en", "zh-TW"] as const) {
        for (const block of mermaidBlocks(renderComment(scenario(name, language)))) {
          charts++;
          expect(block.startsWith("xychart-beta\n")).toBe(true);
          await expect(mermaid.parse(block), `${name} ${language}`).resolves.toMatchObject({ diagramType: "xychart" });
        }
      }
    }
    // Scenarios with a convergence estimate carry a chart (two files: two charts); none may be skipped silently.
    expect(charts).toBe(2 * 6);
  });

  it("would be caught if it broke: Mermaid rejects a chart whose series is cut short", async () => {
    const [block] = mermaidBlocks(renderComment(scenario("batch-up", "en")));
    const broken = block.replace(/line \[([^\]]*)\]/, "line [$1");
    await expect(mermaid.parse(broken)).rejects.toThrow(/Parse error/);
  });

  it("quotes titles so a quote in a message cannot end the string early", async () => {
    const [block] = mermaidBlocks(renderComment(scenario("batch-up", "zh-TW")));
    expect(block).toMatch(/^ {2}title "[^"]+"$/m);
    expect(block).toMatch(/^ {2}x-axis "[^"]+" \["8", "16", "32", "64", "128", "256"\]$/m);
  });
});
