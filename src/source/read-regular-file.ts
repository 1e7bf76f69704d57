import { constants, type Stats } from "node:fs";
import { open, realpath, stat, type FileHandle } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";

/** Largest config file read from disk, the same bound as the GitHub source's. */
export const MAX_LOCAL_FILE_BYTES = 10 * 1024 * 1024;

export type LocalFile = { ok: true; text: string; path: string } | { ok: false; missing: boolean; reason: string };

export interface ReadRegularFileOptions {
  /**
   * Folder the file must stay inside, by its path and after every symlink is resolved (a
   * repository's files); a relative path is resolved against it. Unset: a path the user typed,
   * resolved against the current folder and read wherever it is.
   */
  root?: string;
  /** Default MAX_LOCAL_FILE_BYTES. */
  maxBytes?: number;
}

/**
 * Reads a local file as UTF-8 text, refusing at once (before any byte is read) anything that is not
 * a regular file — `/dev/zero`, a FIFO, a socket, a folder — anything over the size bound, and,
 * with `root`, any path that leaves the root through `..`, an absolute path or a symlink.
 * The reason names no more than the file, so it can go to the user as is.
 * @example await readRegularFile("/dev/zero")
 *   // { ok: false, missing: false, reason: "is not a regular file (a character device); not read" }
 */
export async function readRegularFile(path: string, options: ReadRegularFileOptions = {}): Promise<LocalFile> {
  const opened = await openRegularFile(path, options);
  if (!opened.ok) return opened;
  const { handle, size, path: real } = opened;
  try {
    const buffer = Buffer.alloc(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(buffer, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { ok: true, text: buffer.subarray(0, filled).toString("utf8"), path: real };
  } catch (error) {
    return {
      ok: false,
      missing: false,
      reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    };
  } finally {
    await handle.close();
  }
}

export type OpenedFile =
  | { ok: true; handle: FileHandle; size: number; path: string }
  | { ok: false; missing: boolean; reason: string };

/**
 * Opens a regular file for reading after the checks of `readRegularFile`; the caller closes the
 * handle. The open itself is non-blocking, so a file swapped for a FIFO after the check still
 * cannot hang it: the handle is checked again before it is returned.
 */
export async function openRegularFile(path: string, options: ReadRegularFileOptions = {}): Promise<OpenedFile> {
  const maxBytes = options.maxBytes ?? MAX_LOCAL_FILE_BYTES;
  const full = options.root ? resolve(options.root, path) : resolve(path);
  if (options.root && outside(resolve(options.root), full)) return refuse("is outside the repository; not read");
  let info: Stats;
  try {
    info = await stat(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { ok: false, missing: true, reason: "not found" };
    return refuse(`cannot be read (${code ?? (error as Error).message})`);
  }
  const kind = notRegular(info);
  if (kind) return refuse(`is not a regular file (${kind}); not read`);
  if (info.size > maxBytes) return refuse(`${mebibytes(info.size)} is over the ${mebibytes(maxBytes)} limit; not read`);
  let real = full;
  if (options.root) {
    real = await realpath(full);
    if (outside(await realpath(options.root), real))
      return refuse("is a symbolic link that leads outside the repository; not followed");
  }
  let handle: FileHandle;
  try {
    handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return refuse(`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const again = await handle.stat();
  const changed = notRegular(again);
  if (changed || again.size > maxBytes) {
    await handle.close();
    return refuse(
      changed
        ? `is not a regular file (${changed}); not read`
        : `${mebibytes(again.size)} is over the ${mebibytes(maxBytes)} limit; not read`,
    );
  }
  return { ok: true, handle, size: again.size, path: real };
}

function refuse(reason: string): { ok: false; missing: false; reason: string } {
  return { ok: false, missing: false, reason };
}

function outside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === ".." || rel.startsWith("../") || rel.startsWith("..\\") || isAbsolute(rel);
}

function notRegular(info: Stats): string | null {
  if (info.isFile()) return null;
  if (info.isDirectory()) return "a folder";
  if (info.isFIFO()) return "a FIFO";
  if (info.isCharacterDevice()) return "a character device";
  if (info.isBlockDevice()) return "a block device";
  if (info.isSocket()) return "a socket";
  return "not a file";
}

function mebibytes(bytes: number): string {
  const mib = bytes / 1048576;
  return `${mib >= 10 || Number.isInteger(mib) ? mib.toFixed(0) : mib.toFixed(1)} MiB`;
}
