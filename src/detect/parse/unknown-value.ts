import type { DetectionReason } from "../reason.js";

/**
 * Recognises values that only exist at run time, so they are reported as unknown with a reason
 * instead of being guessed (framework-batch-keys.md §0.5).
 * @example unknownReason("${oc.env:BS}") // { id: "value.env", params: { name: "BS" } }
 */
export function unknownReason(raw: string): DetectionReason | undefined {
  const s = raw.trim().replace(/^["']|["']$/g, "");
  if (/^auto$/i.test(s)) return { id: "value.auto" };
  let m = /^\$\{\s*(?:oc\.env|env)\s*:\s*([A-Za-z_][\w]*)/.exec(s);
  if (m) return { id: "value.env", params: { name: m[1] } };
  m = /^\$\{\s*([A-Za-z_][\w.]*)\s*:(.*)\}$/s.exec(s);
  if (m) return { id: "value.resolver", params: { name: m[1] } };
  m = /^\$\{\s*([^}]*)\}$/.exec(s);
  if (m && !s.startsWith("${{")) return { id: "value.interpolation", params: { expr: `\${${m[1]}}` } };
  m = /std\.extVar\(\s*["']([^"']+)["']\s*\)/.exec(s);
  if (m) return { id: "value.extVar", params: { name: m[1] } };
  m = /^\$\{?([0-9@*#])\}?$/.exec(s);
  if (m) return { id: "value.positional", params: { name: `$${m[1]}` } };
  m = /^\$\{?([A-Za-z_]\w*)(?::-[^}]*)?\}?$/.exec(s);
  if (m) return { id: "value.shellVar", params: { name: m[1] } };
  if (/^\$\(\(/.test(s)) return { id: "value.shellArith" };
  if (/^\$\(/.test(s)) return { id: "value.shellCommand" };
  m = /^%([A-Za-z_][\w.]*)$/.exec(s);
  if (m) return { id: "value.ginMacro", params: { name: `%${m[1]}` } };
  return undefined;
}
