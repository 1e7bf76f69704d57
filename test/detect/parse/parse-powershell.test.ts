import { describe, expect, it } from "vitest";
import { detectFile } from "../../../src/detect/detect-file.js";
import { formatOf } from "../../../src/detect/parse/parse-config.js";
import { parsePowerShell } from "../../../src/detect/parse/parse-powershell.js";
import { fixture, table } from "../frameworks/read-fixture.js";

describe("PowerShell launch scripts", () => {
  it("is the format of .ps1 files", () => {
    expect(formatOf("train.ps1", "")).toBe("powershell");
  });

  it("$name = value assignments feed a command continued with backticks; the batch sits where it is written", () => {
    const r = detectFile("train_lora.ps1", fixture("generic", "train_lora.ps1"));
    expect(r.format).toBe("powershell");
    expect(r.errors).toEqual([]);
    expect(table(r).filter(([, role]) => role === "micro_batch" || role === "devices")).toEqual([
      [11, "devices", "num_processes", 1],
      [3, "micro_batch", "train_batch_size", 2],
    ]);
    expect(r.effective.value).toBe(2);
  });

  it("keeps every line in place and reads no control flow or .NET call as a command", () => {
    const r = parsePowerShell('if ($x) {\n  [void]$a.Add("--bs=64")\n}\n$bs = 8\n', "t.ps1");
    expect(r.entries.map((e) => [e.path.join("."), e.value, e.line])).toEqual([["bs", 8, 4]]);
  });
});
