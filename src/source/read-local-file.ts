import { readRegularFile, type ReadRegularFileOptions } from "./read-regular-file.js";

/**
 * Reads a regular file from disk as text; null when it does not exist or is refused (not a
 * regular file, too large, or outside `root`). `readRegularFile` gives the reason.
 */
export async function readLocalFile(path: string, options: ReadRegularFileOptions = {}): Promise<string | null> {
  const file = await readRegularFile(path, options);
  return file.ok ? file.text : null;
}
