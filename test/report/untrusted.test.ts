import { homedir } from "node:os";
import { marked } from "marked";
import { describe, expect, it } from "vitest";
import { translator } from "../../src/report/messages/translate.js";
import { hideMachinePaths, isVerbatim, untrusted } from "../../src/report/untrusted.js";
import { HOSTILE } from "./hostile-strings.js";
import { asShown, inspectMarkdown } from "./markdown-inspection.js";

describe("untrusted as a code span", () => {
  for (const value of HOSTILE) {
    it(`shows ${JSON.stringify(value)} as exactly one code span holding the value`, () => {
      const md = `before ${untrusted(value, "code")} after`;
      const tokens = (marked.lexer(md)[0] as { tokens: Array<{ type: string; text: string }> }).tokens;
      const spans = tokens.filter((t) => t.type === "codespan");
      expect(spans).toHaveLength(1);
      expect(spans[0].text).toBe(asShown(value));
      expect(tokens.filter((t) => t.type !== "codespan" && t.type !== "text")).toEqual([]);
    });
  }

  it(
    "sizes the delimiter one longer than the longest backtick run, padding a " + "value that starts or ends with one",
    () => {
      expect(untrusted("a``b", "code")).toBe("```a``b```");
      expect(untrusted("`x", "code")).toBe("`` `x ``");
      expect(untrusted("`````", "code")).toBe("`````` ````` ``````");
      expect(untrusted("plain", "code")).toBe("`plain`");
    },
  );
});

describe("untrusted as Markdown text", () => {
  for (const value of HOSTILE) {
    it(`renders ${JSON.stringify(value)} as the same characters, nothing else`, () => {
      const md = `- ${untrusted(value, "text")}`;
      const seen = inspectMarkdown(md);
      expect(seen.links).toEqual([]);
      expect(seen.images).toEqual([]);
      expect(seen.html).toEqual([]);
      expect(seen.references).toEqual([]);
      // One list item, one paragraph of text: no heading, quote, code block or emphasis came out of it.
      const [list] = marked.lexer(md);
      expect(list.type).toBe("list");
      const kinds = JSON.stringify(list)
        .match(/"type":"(\w+)"/g)!
        .map((k) => k.slice(8, -1));
      expect(kinds.filter((k) => !["list", "list_item", "text", "escape", "paragraph"].includes(k))).toEqual([]);
      expect(seen.visible.trim()).toBe(asShown(value, " ").trim().replace(/ +/g, " ").replace(/\s+$/, ""));
    });
  }

  it("breaks a mention, a reference and an autolink with a zero-width space, invisible to the reader", () => {
    expect(untrusted("@team #12 http://e www.e", "text")).toBe("@\u200Bteam #\u200B12 http:\u200B//e www\u200B.e");
  });

  it("keeps an underscore inside a word (it cannot emphasise) and escapes one at a word's edge", () => {
    expect(untrusted("per_device_train_batch_size _x_", "text")).toBe("per_device_train_batch_size \\_x\\_");
  });
});

describe("untrusted inside raw HTML", () => {
  it("turns tags into entities and breaks mentions, so a <summary> line stays one summary", () => {
    const hostile = untrusted("</code></summary></details><img src=x> @team", "html");
    const md = `<details>\n<summary>from <code>${hostile}</code></summary>\n\nbody\n\n</details>`;
    const seen = inspectMarkdown(md);
    expect(seen.html).toEqual([]);
    expect(seen.images).toEqual([]);
    expect(seen.references).toEqual([]);
    expect(seen.visible).toContain("</code></summary></details><img src=x> @team");
  });
});

describe("untrusted in plain-text sinks", () => {
  it("makes a value one visible line for a log or an annotation title", () => {
    expect(untrusted("a\nb\r\nc\u202Ed", "plain")).toBe("a⏎b⏎c⟨U+202E⟩d");
  });

  it("breaks :: in a workflow command, so a value cannot end the command and start another", () => {
    expect(untrusted("x::error::owned", "command")).not.toContain("::");
    expect(untrusted("x::error::owned", "command").replace(/\u200B/g, "")).toBe("x::error::owned");
  });
});

describe("untrusted as a fenced block", () => {
  it("uses a fence longer than any backtick run in the body", () => {
    const block = untrusted("- lr: 1e-4 # ```` not a fence end\n+ lr: 2e-4", "fence", { info: "diff" });
    const [token] = marked.lexer(block) as Array<{ type: string; lang?: string; text?: string }>;
    expect(token.type).toBe("code");
    expect(token.lang).toBe("diff");
    expect(token.text).toBe("- lr: 1e-4 # ```` not a fence end\n+ lr: 2e-4");
  });

  it("shows a lone carriage return instead of letting it end the line", () => {
    expect(untrusted("a\rb", "fence")).toBe("```\na⏎b\n```");
  });

  it("tells which lines a one-click suggestion can carry verbatim", () => {
    expect(isVerbatim("  learning_rate: 2e-4")).toBe(true);
    expect(isVerbatim("lr: 2e-4 \u202E")).toBe(false);
    expect(isVerbatim("lr: 2e-4\rx")).toBe(false);
    expect(isVerbatim("x".repeat(70_000))).toBe(false);
  });
});

describe("very long values", () => {
  const long = "A".repeat(70_000);

  it("keeps the first 200 characters and says how long the value was, in both languages", () => {
    const en = untrusted(long, "code", { t: translator("en") });
    expect(en).toBe(`\`${"A".repeat(200)}\` … (70,000 characters)`);
    expect(untrusted(long, "code", { t: translator("zh-TW") })).toContain("…（共 70,000 個字元）");
    expect(untrusted(long, "text").length).toBeLessThan(2_100);
  });
});

describe("machine paths", () => {
  it("shows the checkout's files relative to it and this machine's home as ~", () => {
    expect(hideMachinePaths(`${process.cwd()}/configs/a.yaml`)).toBe("configs/a.yaml");
    expect(hideMachinePaths(`open '${homedir()}/.cache/x'`)).toBe("open '~/.cache/x'");
  });

  it("keeps only the node_modules part of any install path", () => {
    expect(
      hideMachinePaths(
        "Cannot find module /opt/hostedtoolcache/x/lib/node_modules/@tensorflow/tfjs-node/lib/binding.node",
      ),
    ).toBe("Cannot find module node_modules/@tensorflow/tfjs-node/lib/binding.node");
  });

  it("leaves a pull request's own absolute path alone", () => {
    expect(hideMachinePaths("/data/imagenet/train")).toBe("/data/imagenet/train");
  });
});
