import { describe, expect, it } from "vitest";
import { appSettings } from "../../src/app/app-settings.js";
import { loadConfig } from "../../src/config.js";

const config = (text: string) => loadConfig(text).config;

describe("appSettings", () => {
  it("dispatches batch-advisor.yml and never trains in the App by default", () => {
    expect(appSettings({ env: {}, config: config("") })).toEqual({
      workflow: "batch-advisor.yml",
      analyzeInApp: false,
    });
  });

  it("reads app.workflow and app.analyzeInApp from the bot config", () => {
    expect(appSettings({ env: {}, config: config("app:\n  workflow: gpu.yaml\n  analyzeInApp: true\n") })).toEqual({
      workflow: "gpu.yaml",
      analyzeInApp: true,
    });
  });

  it("the operator's BATCH_ADVISOR_ANALYZE_IN_APP wins over the repository's key, both ways", () => {
    expect(
      appSettings({ env: { BATCH_ADVISOR_ANALYZE_IN_APP: "false" }, config: config("app: { analyzeInApp: true }") })
        .analyzeInApp,
    ).toBe(false);
    expect(appSettings({ env: { BATCH_ADVISOR_ANALYZE_IN_APP: "TRUE" }, config: config("") }).analyzeInApp).toBe(true);
  });

  it("a workflow that is a path rather than a file name is refused with the key named", () => {
    const { config: c, errors } = loadConfig("app:\n  workflow: ../../evil.yml\n");
    expect(errors.map((e) => e.message)).toEqual([
      '.github/batch-advisor.yml: app.workflow: "../../evil.yml" is not a workflow ' +
        "file name; use a file name in .github/workflows/, such as batch-advisor.yml",
    ]);
    expect(c.app.workflow).toBe("batch-advisor.yml");
  });
});
