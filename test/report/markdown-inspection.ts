/**
 * Reads rendered Markdown the way GitHub would (marked, GFM on) and lists what a pull request
 * must never make appear in it: links, images, HTML other than the report's own tags, and, in
 * text outside code, @-mentions, #123 references and autolinks. `visible` is what a reader sees:
 * text with entities decoded and escapes removed, code as written.
 */
import { marked, type Token, type Tokens } from "marked";

/** The only HTML the report writes itself. */
const OWN_HTML = /<!-- batch-advisor:[a-z]+ -->|<\/?(?:details|summary|sub|sup|b|code)>/g;

const BLOCKS = new Set(["paragraph", "heading", "list", "list_item", "table", "code", "blockquote", "space", "hr"]);

export interface Inspection {
  links: string[];
  images: string[];
  /** HTML left after the report's own tags are taken out. */
  html: string[];
  /** @name, #123, scheme:// and www. found in text outside code. */
  references: string[];
  /** Everything a reader sees, in order, ZERO WIDTH SPACEs removed. */
  visible: string;
}

export function inspectMarkdown(markdown: string): Inspection {
  const found: Inspection = { links: [], images: [], html: [], references: [], visible: "" };
  const parts: string[] = [];
  const text = (s: string) => {
    const decoded = decodeEntities(s);
    parts.push(decoded);
    for (const m of decoded.matchAll(
      /(?:^|[^\p{L}\p{N}_])(@[\p{L}\p{N}][\p{L}\p{N}_-]*|#\d+|\b[a-z][a-z+.-]*:\/\/\S*|\bwww\.\S+)/giu,
    ))
      found.references.push(m[1]);
  };
  const walk = (tokens: Token[] | undefined) => {
    for (const token of tokens ?? []) {
      switch (token.type) {
        case "link":
          found.links.push((token as Tokens.Link).href);
          walk((token as Tokens.Link).tokens);
          break;
        case "image":
          found.images.push((token as Tokens.Image).href);
          break;
        case "html": {
          const rest = token.text.replace(OWN_HTML, "");
          if (/[<>]/.test(rest)) found.html.push(token.text);
          text(rest);
          break;
        }
        case "codespan":
        case "code":
          parts.push(token.text);
          break;
        case "escape":
          parts.push(token.text);
          break;
        case "text":
          if ("tokens" in token && token.tokens?.length) walk(token.tokens);
          else text(token.text);
          break;
        case "list":
          for (const item of (token as Tokens.List).items) walk(item.tokens);
          break;
        case "table": {
          const table = token as Tokens.Table;
          for (const cell of [...table.header, ...table.rows.flat()]) {
            walk(cell.tokens);
            parts.push(" ");
          }
          break;
        }
        default:
          if ("tokens" in token) walk(token.tokens as Token[]);
      }
      // Blocks and table cells are apart on the page; inline pieces run on.
      if (BLOCKS.has(token.type) || ("block" in token && token.block)) parts.push(" ");
    }
  };
  walk(marked.lexer(markdown, { gfm: true }));
  found.visible = parts.join("").replace(/\u200B/g, "");
  return found;
}

/** How the report shows a string it cannot print as is: hidden characters as ⟨U+XXXX⟩, a line break as ⏎ (in code) or a
 * space (in text). */
export function asShown(s: string, lineBreak: "⏎" | " " = "⏎"): string {
  return s
    .replace(/\r\n|\r|\n/g, lineBreak)
    .replace(/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/g, (c) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase()}⟩`);
}

function decodeEntities(s: string): string {
  const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', "#39": "'" };
  return s.replace(/&(lt|gt|amp|quot|#39);/g, (_, name: string) => named[name]);
}
