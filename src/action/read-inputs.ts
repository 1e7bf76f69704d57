import * as core from "@actions/core";
import { z } from "zod";
import { BACKENDS, LANGUAGES } from "../config/schema.js";
import { BOT_CONFIG_PATH } from "../github/load-base-config.js";
import { findGpu, unknownGpuSentence } from "../workload/catalogue/find-gpu.js";
import { FAIL_ON } from "./failure-message.js";

const flag = (name: string) =>
  z
    .enum(["true", "false"], {
      error: (issue) => `${name}: "${String(issue.input)}" is not allowed; use true or false`,
    })
    .transform((v) => v === "true");
const oneOf = <T extends readonly [string, ...string[]]>(name: string, values: T) =>
  z.enum(values, {
    error: (issue) => `${name}: "${String(issue.input)}" is not allowed; use one of: ${values.join(", ")}`,
  });

const positiveWhole = (name: string, what: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      if (/^[1-9]\d*$/.test(v)) return Number(v);
      ctx.issues.push({
        code: "custom",
        input: v,
        message: `${name}: "${v}" is not ${what} (a positive whole number)`,
      });
      return z.NEVER;
    });

const seconds = (name: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      const value = Number(v);
      if (Number.isFinite(value) && value > 0) return value;
      ctx.issues.push({ code: "custom", input: v, message: `${name}: "${v}" is not a number of seconds above 0` });
      return z.NEVER;
    });

/**
 * Every input of action.yml, as the runner passes it (a string, "" when unset). One typed record,
 * so an input cannot be read without being declared here; a test holds it equal to action.yml.
 */
const inputSchema = z.object({
  "github-token": z
    .string({ error: "github-token: missing; pass ${{ github.token }} or a token with pull-requests: write" })
    .min(1, { error: "github-token: empty; pass ${{ github.token }} or a token with pull-requests: write" }),
  config: z.string().default(BOT_CONFIG_PATH),
  base: z.string().optional(),
  head: z.string().optional(),
  language: oneOf("language", LANGUAGES).optional(),
  backend: oneOf("backend", BACKENDS).optional(),
  "time-budget": seconds("time-budget"),
  "request-timeout": seconds("request-timeout"),
  "pull-request": positiveWhole("pull-request", "a pull request number"),
  "check-run-id": positiveWhole("check-run-id", "a check run id"),
  "fail-on": oneOf("fail-on", FAIL_ON).default("error"),
  comment: flag("comment").default(true),
  suggest: flag("suggest").default(true),
  "post-from": z.string().optional(),
  measurements: z.string().optional(),
  gpu: z
    .string()
    .optional()
    .transform((name, ctx) => {
      if (name === undefined) return undefined;
      const found = findGpu(name);
      if ("id" in found) return found.id;
      ctx.issues.push({ code: "custom", input: name, message: `gpu: ${unknownGpuSentence(found)}` });
      return z.NEVER;
    }),
});

/** The names of every input, for the test that holds them equal to action.yml's. */
export const INPUT_NAMES = Object.keys(inputSchema.shape);

export type ActionInputs = z.output<typeof inputSchema>;

/**
 * Reads and validates every input; throws one error listing each bad input with its allowed values.
 * @example readInputs()["fail-on"] // "error"
 */
export function readInputs(read: (name: string) => string = (name) => core.getInput(name)): ActionInputs {
  const raw: Record<string, string | undefined> = {};
  for (const name of INPUT_NAMES) {
    const value = read(name).trim();
    if (value !== "") raw[name] = value;
  }
  const parsed = inputSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new Error(`Invalid input: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
}
