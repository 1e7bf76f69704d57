import { constants, type Stats } from "node:fs";
import { open, realpath, stat, type FileHandle } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import type { NotRegularKind, SourceSkip } from "./source-skip.js";

/** Largest config file read from disk, the same bound as the GitHub source's. */
export const MAX_LOCAL_FILE_BYTES = 10 * 1024 * 1024;

/** A file not read: the English reason (for the CLI) and the same as an id (for the report). */
export type NotRead = { ok: false; missing: boolean; reason: string; why: SourceSkip };

export type LocalFile = { ok: true; text: string; path: string } | NotRead;

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
 *   // { ok: false, missing: false, reason: "is not a regular file (a character device); not read",
 *   //   why: { id: "source.notRegular", params: { kind: "characterDevice" } } }
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
    return unreadable(error);
  } finally {
    await handle.close();
  }
}

export type OpenedFile = { ok: true; handle: FileHandle; size: number; path: string } | NotRead;

/**
 * Opens a regular file for reading after the checks of `readRegularFile`; the caller closes the
 * handle. The open itself is non-blocking, so a file swapped for a FIFO after the check still
 * cannot hang it: the handle is checked again before it is returned.
 */
export async function openRegularFile(path: string, options: ReadRegularFileOptions = {}): Promise<OpenedFile> {
  const maxBytes = options.maxBytes ?? MAX_LOCAL_FILE_BYTES;
  const full = options.root ? resolve(options.root, path) : resolve(path);
  if (options.root && outside(resolve(options.root), full))
    return refuse("is outside the repository; not read", { id: "source.outside" });
  let info: Stats;
  try {
    info = await stat(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR")
      return { ok: false, missing: true, reason: "not found", why: { id: "source.notFound" } };
    return unreadable(error);
  }
  const kind = notRegular(info);
  if (kind) return notRegularFile(kind);
  if (info.size > maxBytes) return tooLarge(info.size, maxBytes);
  let real = full;
  if (options.root) {
    real = await realpath(full);
    if (outside(await realpath(options.root), real))
      return refuse("is a symbolic link that leads outside the repository; not followed", {
        id: "source.symlinkOutside",
      });
  }
  let handle: FileHandle;
  try {
    handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return unreadable(error);
  }
  const again = await handle.stat();
  const changed = notRegular(again);
  if (changed || again.size > maxBytes) {
    await handle.close();
    return changed ? notRegularFile(changed) : tooLarge(again.size, maxBytes);
  }
  return { ok: true, handle, size: again.size, path: real };
}

function refuse(reason: string, why: SourceSkip): NotRead {
  return { ok: false, missing: false, reason, why };
}

function unreadable(error: unknown): NotRead {
  const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return refuse(`cannot be read (${code})`, { id: "source.unreadable", params: { code } });
}

function notRegularFile(kind: NotRegularKind | "folder"): NotRead {
  if (kind === "folder") return refuse("is not a regular file (a folder); not read", { id: "source.folder" });
  return refuse(`is not a regular file (${KIND_WORDS[kind]}); not read`, { id: "source.notRegular", params: { kind } });
}

function tooLarge(bytes: number, maxBytes: number): NotRead {
  const [size, max] = [mebibytes(bytes), mebibytes(maxBytes)];
  return refuse(`${size} MiB is over the ${max} MiB limit; not read`, {
    id: "source.tooLarge",
    params: { size, max },
  });
}

/** The English reason's words for each kind of file that is not regular. */
const KIND_WORDS: Record<NotRegularKind, string> = {
  fifo: "a FIFO",
  characterDevice: "a character device",
  blockDevice: "a block device",
  socket: "a socket",
  other: "not a file",
};

function outside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === ".." || rel.startsWith("../") || rel.startsWith("..\\") || isAbsolute(rel);
}

function notRegular(info: Stats): NotRegularKind | "folder" | null {
  if (info.isFile()) return null;
  if (info.isDirectory()) return "folder";
  if (info.isFIFO()) return "fifo";
  if (info.isCharacterDevice()) return "characterDevice";
  if (info.isBlockDevice()) return "blockDevice";
  if (info.isSocket()) return "socket";
  return "other";
}

/** Bytes in MiB as the reasons write them: whole from 10 up, else one decimal. */
function mebibytes(bytes: number): string {
  const mib = bytes / 1048576;
  return mib >= 10 || Number.isInteger(mib) ? mib.toFixed(0) : mib.toFixed(1);
}
