/**
 * Strings a hostile pull request writes as keys, values, file names and optimizer names: backtick
 * runs that would close a code span, HTML, links, images, mentions, references, autolinks, bidi
 * controls, line breaks, Markdown block markers.
 */
export const HOSTILE = [
  "`",
  "``",
  "```",
  "````",
  "`````",
  "a`b``c```d````e`````f",
  "``````````",
  "`starts and ends with a backtick`",
  "adamw` @org/team <img src=x> [x](http://evil)",
  "</details>",
  "@team",
  "#123",
  "<script>alert(1)</script>",
  "![i](http://x/y.png)",
  "https://evil.example",
  "www.evil.example",
  "me@evil.example",
  "rtl \u202Eexe.txt\u202C \u2066isolate\u2069 \u200Fmark",
  "line one\nline two\r\nline three\rend",
  "**bold** _em_ ~~del~~ $x$ | pipe \\ backslash &amp; &#64;team",
  "# heading",
  "- item",
  "1. item",
  "---",
  "> quote",
  "    indented code",
];
