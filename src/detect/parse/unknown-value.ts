/**
 * Recognises values that only exist at run time, so they are reported as unknown with a reason
 * instead of being guessed (framework-batch-keys.md §0.5).
 */
export function unknownReason(raw: string): string | undefined {
  const s = raw.trim().replace(/^["']|["']$/g, "");
  if (/^auto$/i.test(s)) return '"auto": chosen at run time by the framework';
  let m = /^\$\{\s*(?:oc\.env|env)\s*:\s*([A-Za-z_][\w]*)/.exec(s);
  if (m) return `read from environment variable ${m[1]} at run time`;
  m = /^\$\{\s*([A-Za-z_][\w.]*)\s*:(.*)\}$/s.exec(s);
  if (m) return `computed by the resolver "${m[1]}" at run time`;
  m = /^\$\{\s*([^}]*)\}$/.exec(s);
  if (m && !s.startsWith("${{")) return `interpolation \${${m[1]}} is not resolved in this file`;
  m = /std\.extVar\(\s*["']([^"']+)["']\s*\)/.exec(s);
  if (m) return `jsonnet external variable ${m[1]}, passed at run time`;
  m = /^\$\{?([0-9@*#])\}?$/.exec(s);
  if (m) return `shell positional argument $${m[1]}, passed by the caller`;
  m = /^\$\{?([A-Za-z_]\w*)(?::-[^}]*)?\}?$/.exec(s);
  if (m) return `shell variable ${m[1]} is not set in this file`;
  if (/^\$\(\(/.test(s)) return "shell arithmetic on values not known statically";
  if (/^\$\(/.test(s)) return "output of a shell command";
  m = /^%([A-Za-z_][\w.]*)$/.exec(s);
  if (m) return `gin macro %${m[1]} is not bound in this file`;
  return undefined;
}
