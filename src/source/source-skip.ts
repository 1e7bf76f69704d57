import type { Message } from "../util/message.js";

/**
 * Why a source (git, two files, the GitHub API) did not read a file, as message ids that
 * src/report/messages/source-skips.ts words in each language. The English `reason` beside it is
 * what the CLI and the JSON report print.
 */
export interface SourceSkips {
  "source.notFound": Record<string, never>;
  /** The path leaves the repository (`..`, an absolute path). */
  "source.outside": Record<string, never>;
  "source.symlink": Record<string, never>;
  /** A symbolic link whose target is outside the repository. */
  "source.symlinkOutside": Record<string, never>;
  "source.submodule": Record<string, never>;
  "source.folder": Record<string, never>;
  /** `kind`: what it is instead (fifo, characterDevice, blockDevice, socket, other). */
  "source.notRegular": { kind: NotRegularKind };
  /** `size` and `max` in MiB, as written in the English reason. */
  "source.tooLarge": { size: string; max: string };
  /** The system's error code (EACCES) or message. */
  "source.unreadable": { code: string };
  "source.binary": Record<string, never>;
  "source.notUtf8": Record<string, never>;
}

/** What a path is when it is not a regular file. */
export type NotRegularKind = "fifo" | "characterDevice" | "blockDevice" | "socket" | "other";

/** One source skip: `{ id, params }`. */
export type SourceSkip = Message<SourceSkips>;

/** A file a source did not read: the English reason and its id. */
export interface SourceSkipped {
  path: string;
  reason: string;
  why: SourceSkip;
}
