import { readFile } from "node:fs/promises";

/** Reads a file from disk as text; null when it does not exist or cannot be read. */
export async function readLocalFile(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return null;
  }
}
