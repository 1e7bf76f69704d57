import { z } from "zod";

/**
 * Every dotted key path the schema accepts (`memory.budget`, `proxy.timeBudget`), in schema
 * order: the vocabulary for "did you mean" suggestions.
 * @example knownKeys(configSchema).includes("memory.calibration.peak") // true
 */
export function knownKeys(schema: z.ZodType, prefix = ""): string[] {
  const object = unwrap(schema);
  if (!(object instanceof z.ZodObject)) return [];
  return Object.entries(object.shape as Record<string, z.ZodType>).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...knownKeys(child, path)];
  });
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodDefault || s instanceof z.ZodPrefault || s instanceof z.ZodOptional)
      s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodPipe) s = s.in as z.ZodType;
    else return s;
  }
}
