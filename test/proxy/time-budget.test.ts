import { describe, expect, it } from "vitest";
import { createBudget } from "../../src/proxy/time-budget.js";

describe("createBudget", () => {
  it("expires at its deadline and says why", () => {
    let now = 0;
    const budget = createBudget({ seconds: 10, now: () => now });
    expect(budget.expired()).toBe(false);
    now = 10_000;
    expect(budget.expired()).toBe(true);
    expect(budget.reason()).toBe("time budget of 10 s reached");
  });

  it("gives a phase a share of what remains, without ending the plan", () => {
    let now = 0;
    const budget = createBudget({ seconds: 10, now: () => now });
    const phase = budget.share(0.2, "loss");
    now = 2_500;
    expect(phase.expired()).toBe(true);
    expect(phase.planExpired()).toBe(false);
    expect(phase.reason()).toBe("loss's share of the time budget used up");
    expect(budget.expired()).toBe(false);
  });

  it("stops everything when aborted", () => {
    const controller = new AbortController();
    const budget = createBudget({ seconds: 100, signal: controller.signal });
    const phase = budget.share(1, "noise");
    controller.abort();
    expect(phase.expired()).toBe(true);
    expect(phase.planExpired()).toBe(true);
    expect(phase.reason()).toBe("aborted");
  });
});
