import type { Note } from "./types.js";

/** What the memory model counts when the workload does not say, each said in the report. */
export const ASSUMPTIONS = {
  precision: { id: "memory-assumed-precision" },
  optimizer: { id: "memory-assumed-optimizer" },
  devices: { id: "memory-assumed-devices" },
  checkpointing: { id: "memory-assumed-checkpointing" },
  attention: { id: "memory-assumed-attention" },
} satisfies Record<string, Note>;

export function assumed<T extends string | number>(notes: Note[], what: keyof typeof ASSUMPTIONS, value: T): T {
  notes.push(ASSUMPTIONS[what]);
  return value;
}
