import { describe, expect, it } from "vitest";
import { detectFile } from "../../../src/detect/detect-file.js";
import { fixture, table } from "./read-fixture.js";
import { inEnglish } from "../../helpers/in-english.js";

describe("accelerate config", () => {
  it("takes num_processes as the total over machines, not per machine", () => {
    const r = detectFile("default_config.yaml", fixture("accelerate", "deepspeed_multinode.yaml"));
    expect(r.framework).toBe("accelerate");
    expect(table(r)).toEqual([
      [5, "grad_accum", "deepspeed_config.gradient_accumulation_steps", 4],
      [19, "devices", "num_processes", 16],
    ]);
    expect(r.effective.parts).toMatchObject({ accum: 4, devices: 16 });
  });

  it("holds no batch size: it supplies devices for a training config elsewhere", () => {
    const r = detectFile("default_config.yaml", fixture("accelerate", "multi_gpu.yaml"));
    expect(table(r)).toEqual([[11, "devices", "num_processes", 4]]);
    expect(inEnglish(r.effective)).toMatchObject({
      value: null,
      unknown: ["per-device batch: not set in this file"],
      parts: { devices: 4 },
    });
  });
});
