import { describe, expect, it } from "vitest";
import { translator } from "../../src/report/messages/translate.js";
import { nextAction } from "../../src/report/next-action.js";
import { scenario } from "./scenarios.js";

/** batch-up with a budget whose only problem is the top of the peak's interval. */
function onlyTopOver(fits: boolean) {
  const input = scenario("batch-up", "en");
  const group = input.groups[0];
  const memory = group.estimate.memory;
  memory.budget = {
    ...memory.budget!,
    status: "warn",
    level: "warn",
    message: {
      id: "budget-may-exceed",
      params: { budget: "40GiB", key: "memory.budget", predicted: "34.5 GiB", batch: 64, high: "41 GiB" },
    },
  };
  memory.maxBatchPerDevice = {
    value: fits ? 70 : 60,
    fits,
    budget: { bytes: 40 * 2 ** 30, from: "memory.budget: 40GiB" },
    fit: { fixedBytes: 19e9, perExampleBytes: 0.25 * 2 ** 30 },
    ...(fits ? {} : { accumulation: { micro: 32, accumulation: 2, product: 64 } }),
  };
  return { group, file: input.files[0], t: translator("en") };
}

describe("the one next step", () => {
  it(
    "when only the top of the peak's interval passes the budget and the new " +
      "batch fits, goes on to the learning rate",
    () => {
      expect(nextAction(onlyTopOver(true))).toBe(
        "**Next step:** set `learning_rate` to 1.4e-4 (square-root rule); the review " +
          "has a one-click suggestion on that line.",
      );
    },
  );

  it("when the new batch does not fit, asks for a split that does", () => {
    expect(nextAction(onlyTopOver(false))).toBe(
      "**Next step:** use 32 per device × accumulation 2: the same effective batch, and it fits in 40GiB.",
    );
  });
});
