import { describe, expect, it } from "vitest";
import { changeLine } from "../../src/report/group-heading.js";
import { translator } from "../../src/report/messages/translate.js";
import { batchChange } from "../estimate/build-inputs.js";

describe("a change that comes from the launch script", () => {
  const fromScript = batchChange({
    key: "num_gpus",
    line: 3,
    before: 4,
    after: 8,
    inheritedFrom: "scripts/train.sh",
    launchScript: "scripts/train.sh",
  });

  it("names the script as the one that runs the config, not as a file the config inherits", () => {
    const en = changeLine(fromScript, translator("en"));
    expect(en).toContain("(in the launch script `scripts/train.sh`, which runs this config)");
    expect(en).not.toContain("inherited");
    const zh = changeLine(fromScript, translator("zh-TW"));
    expect(zh).toContain("（在執行這個設定檔的啟動腳本 `scripts/train.sh` 中）");
    expect(zh).not.toContain("繼承");
  });

  it("keeps 'inherited from' for a base config", () => {
    const inherited = batchChange({ key: "batch_size", inheritedFrom: "configs/base.yaml" });
    expect(changeLine(inherited, translator("en"))).toContain("(inherited from `configs/base.yaml`)");
    expect(changeLine(inherited, translator("zh-TW"))).toContain("（繼承自 `configs/base.yaml`）");
  });
});
