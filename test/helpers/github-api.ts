import nock from "nock";
import { createOctokit, type GitHub } from "../../src/github/create-octokit.js";

/** A GitHub Enterprise Server style API root, so every test also shows GITHUB_API_URL is honoured. */
export const API = "https://ghes.example.test/api/v3";
export const OWNER = "acme";
export const REPO = "train";
export const BASE_SHA = "b".repeat(40);
export const HEAD_SHA = "c".repeat(40);

/** An Octokit for tests: the fake API root, retries without waiting, no write spacing. */
export function testOctokit(log: (message: string) => void = () => {}): GitHub {
  return createOctokit({ token: "test-token", baseUrl: API, noDelays: true, log });
}

/** A nock scope on the fake API root; every test asserts it is done. Real network is off. */
export function github(): nock.Scope {
  nock.disableNetConnect();
  return nock(API);
}

/** The contents API's answer for a small text file. */
export function fileContent(path: string, text: string | Buffer): Record<string, unknown> {
  const bytes = typeof text === "string" ? Buffer.from(text) : text;
  return {
    type: "file",
    path,
    name: path.split("/").pop(),
    encoding: "base64",
    content: bytes.toString("base64"),
    size: bytes.length,
    sha: `sha-${path}`,
  };
}

/** `/repos/acme/train/contents/<path>`, with the slashes Octokit encodes. */
export function contentsPath(path: string): string {
  return `/repos/${OWNER}/${REPO}/contents/${encodeURIComponent(path)}`;
}
