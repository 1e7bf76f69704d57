/** A message as stages emit it: an id and its parameters (structural, so util depends on no stage). */
interface IdAndParams {
  id: string;
  params?: object;
}

/** The shape of detection's UnknownPart, as far as telling two apart needs. */
export type PartLike = { key: string; reason: IdAndParams } | { devicesFrom: IdAndParams } | { reason: IdAndParams };

/**
 * A part as one string, equal for parts that say the same thing (a missing `params` equals `{}`).
 * @example partKey({ reason: { id: "part.globalUnknown" } })
 *   // the same string as for { reason: { id: "part.globalUnknown", params: {} } }
 */
export function partKey(part: PartLike): string {
  if ("devicesFrom" in part) return JSON.stringify(["devices", part.devicesFrom.id, part.devicesFrom.params ?? {}]);
  return JSON.stringify(["key" in part ? part.key : "", part.reason.id, part.reason.params ?? {}]);
}

/**
 * Parts without repeats, in their first order: the report and the CLI merge the parts of several
 * changes and files, and detection cancels those base and head share.
 */
export function distinctParts<T extends PartLike>(parts: readonly T[]): T[] {
  const seen = new Set<string>();
  return parts.filter((p) => {
    const k = partKey(p);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
