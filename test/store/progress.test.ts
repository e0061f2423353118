import { describe, expect, it } from "vitest";
import { levelProgress, memoryProgressStore, today } from "../../src/store/progress";
import { levelResult } from "./results";

describe("the in-memory store (tests, and play when the save file cannot be written)", () => {
  it("records a level and loads it back; a worse play keeps the best", () => {
    const store = memoryProgressStore({ now: () => Date.UTC(2026, 10, 21, 12) });
    store.record(levelResult("a", 800));
    const p = store.record(levelResult("a", 100));
    expect(levelProgress(p).get("a")).toMatchObject({ bestScore: 800, stars: 2, attempts: 2 });
    expect(store.load()).toEqual(p);
  });

  it("has the default profile, and switching creates another one beside it", () => {
    const store = memoryProgressStore();
    expect(store.profile).toBe("default");
    const ana = store.switchTo("ana");
    ana.record(levelResult("a", 900));
    expect(ana.profiles()).toEqual(["ana", "default"]);
    expect(ana.switchTo("default").load().levels).toEqual({});
    expect(store.location).toBeUndefined();
  });

  it("today is the calendar day in the local time zone", () => {
    const d = new Date(2026, 0, 2, 23, 59);
    expect(today(d.getTime())).toBe("2026-01-02");
  });
});
