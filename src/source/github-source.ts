import type { GitHub } from "../github/create-octokit.js";
import type { SourceSkip, SourceSkipped } from "./source-skip.js";
import type { ChangeSource, ChangedFile, Side } from "./types.js";

/** A file of the pull request as `pulls.listFiles` gives it; `patch` is absent for binary files and very large diffs.
 * */
export interface PullFile extends ChangedFile {
  patch?: string;
}

export interface GitHubSourceOptions {
  github: GitHub;
  owner: string;
  repo: string;
  pullNumber: number;
  /** Commit SHAs of the two sides. */
  base: string;
  head: string;
  /** Files larger than this are skipped with a reason (default 10 MiB: no training config is that big). */
  maxFileBytes?: number;
  log?: (message: string) => void;
}

interface TreeEntry {
  sha: string;
  size?: number;
}

const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Statuses GitHub reports beyond the four a ChangeSource knows. */
const STATUS: Record<string, ChangedFile["status"]> = {
  added: "added",
  removed: "removed",
  renamed: "renamed",
  copied: "added",
};

/**
 * A pull request read through the GitHub API: changed files from `pulls.listFiles` (paginated,
 * with renames and removals), contents at the base or head SHA from the contents API, with the
 * git blob API for files over 1 MB, and every path at a side from the recursive git tree.
 * Binary and oversized files read as null and are listed in `skipped` with the reason.
 * @example new GitHubSource({ github, owner: "acme", repo: "train", pullNumber: 7, base: "1a2b…", head: "3c4d…"
 * }).changedFiles()
 */
export class GitHubSource implements ChangeSource {
  readonly description: string;
  /** Files that were not read, and why. */
  readonly skipped: SourceSkipped[] = [];
  private files?: Promise<PullFile[]>;
  private texts = new Map<string, Promise<string | null>>();
  private trees = new Map<Side, Promise<Map<string, TreeEntry>>>();

  constructor(private options: GitHubSourceOptions) {
    const revisions = `${options.base.slice(0, 7)}..${options.head.slice(0, 7)}`;
    this.description = `${options.owner}/${options.repo}#${options.pullNumber} ${revisions}`;
  }

  /** The pull request's files with their patches, fetched once. */
  pullFiles(): Promise<PullFile[]> {
    this.files ??= this.fetchFiles();
    return this.files;
  }

  async changedFiles(): Promise<ChangedFile[]> {
    return (await this.pullFiles()).map(({ patch: _patch, ...file }) => file);
  }

  read(side: Side, path: string): Promise<string | null> {
    const key = `${side}\0${path}`;
    let hit = this.texts.get(key);
    if (!hit) {
      hit = this.fetchText(side, path);
      this.texts.set(key, hit);
    }
    return hit;
  }

  async list(side: Side): Promise<string[]> {
    return [...(await this.tree(side)).keys()];
  }

  private async fetchFiles(): Promise<PullFile[]> {
    const { github, owner, repo, pullNumber } = this.options;
    const raw = await github.paginate(github.rest.pulls.listFiles, {
      owner,
      repo,
      pull_number: pullNumber,
      per_page: 100,
    });
    // GitHub lists at most 3000 files of a pull request; say so rather than pretend the list is whole.
    if (raw.length >= 3000) this.options.log?.(`${this.description}: GitHub lists only the first 3000 changed files`);
    return raw.map((f) => ({
      path: f.filename,
      status: STATUS[f.status] ?? "modified",
      ...(f.status === "renamed" && f.previous_filename ? { previousPath: f.previous_filename } : {}),
      ...(f.patch !== undefined ? { patch: f.patch } : {}),
    }));
  }

  private async fetchText(side: Side, path: string): Promise<string | null> {
    const bytes = await this.fetchBytes(side, path);
    if (bytes === null) return null;
    // Git's own heuristic: a NUL byte means binary. Invalid UTF-8 is no config either.
    if (bytes.includes(0)) return this.skip(path, "binary file; not read", { id: "source.binary" });
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return this.skip(path, "not UTF-8 text; not read", { id: "source.notUtf8" });
    }
  }

  private async fetchBytes(side: Side, path: string): Promise<Uint8Array | null> {
    const { github, owner, repo } = this.options;
    const ref = this.options[side];
    let sha: string | undefined;
    let size: number | undefined;
    try {
      const { data } = await github.rest.repos.getContent({ owner, repo, path, ref });
      if (Array.isArray(data) || data.type !== "file") return null;
      if (data.size > this.maxBytes) return this.skip(path, ...tooLarge(data.size, this.maxBytes));
      if (data.encoding === "base64" && (data.content !== "" || data.size === 0))
        return Buffer.from(data.content, "base64");
      // Files from 1 MB to 100 MB come back with encoding "none" and no content.
      ({ sha, size } = data);
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 404) return null;
      if (!isTooLarge(error)) throw error;
      // Over 100 MB the contents API refuses outright; the tree still knows the blob.
      const entry = (await this.tree(side)).get(path);
      if (!entry) return null;
      ({ sha, size } = entry);
    }
    if (size !== undefined && size > this.maxBytes) return this.skip(path, ...tooLarge(size, this.maxBytes));
    const { data: blob } = await github.rest.git.getBlob({ owner, repo, file_sha: sha! });
    return Buffer.from(blob.content, blob.encoding === "base64" ? "base64" : "utf8");
  }

  private tree(side: Side): Promise<Map<string, TreeEntry>> {
    let hit = this.trees.get(side);
    if (!hit) {
      hit = this.fetchTree(side);
      this.trees.set(side, hit);
    }
    return hit;
  }

  private async fetchTree(side: Side): Promise<Map<string, TreeEntry>> {
    const { github, owner, repo } = this.options;
    const { data } = await github.rest.git.getTree({ owner, repo, tree_sha: this.options[side], recursive: "true" });
    if (data.truncated)
      this.options.log?.(
        `${this.description}: the ${side} tree is too large for one API call; ` +
          "configs inheriting a changed file may be missed",
      );
    const entries = new Map<string, TreeEntry>();
    for (const item of data.tree)
      if (item.type === "blob" && item.path && item.sha) entries.set(item.path, { sha: item.sha, size: item.size });
    return entries;
  }

  private get maxBytes(): number {
    return this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  }

  private skip(path: string, reason: string, why: SourceSkip): null {
    if (!this.skipped.some((s) => s.path === path)) this.skipped.push({ path, reason, why });
    return null;
  }
}

function isTooLarge(error: unknown): boolean {
  const e = error as { status?: number; response?: { data?: { errors?: Array<{ code?: string }> } } };
  return e.status === 403 && (e.response?.data?.errors ?? []).some((x) => x.code === "too_large");
}

/** The English reason and its id for a file over the size limit. */
function tooLarge(bytes: number, limit: number): [string, SourceSkip] {
  const params = { size: (bytes / 1048576).toFixed(1), max: (limit / 1048576).toFixed(0) };
  return [
    `${params.size} MiB, over the ${params.max} MiB limit for a config; not read`,
    { id: "source.tooLarge", params },
  ];
}
