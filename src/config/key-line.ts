import { isMap, isScalar, type Document, type LineCounter } from "yaml";

/**
 * The 1-based line of a dotted key in a parsed YAML document, for check-run annotations;
 * undefined when the key is not written there.
 * @example keyLine(doc, lines, ["memory", "budget"]) // 3
 */
export function keyLine(doc: Document, lines: LineCounter, path: Array<string | number>): number | undefined {
  if (path.length === 0) return undefined;
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1];
  let offset: number | undefined;
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(last));
    offset = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  } else {
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    offset = node?.range?.[0];
  }
  return offset === undefined ? undefined : lines.linePos(offset).line;
}
