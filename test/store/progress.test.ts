import { describe, expect, it } from "vitest";
import type { LevelResult } from "../../src/game";
import { memoryProgressStore, withResult } from "../../src/store/progress";

const result = (score: number, stars: 0 | 1 | 2 | 3): LevelResult => ({
  levelId: "first-syn",
  score,
  maxScore: 720,
  stars,
  correct: 3,
  total: 5,
  ms: 1000,
  review: [],
});

describe("progress", () => {
  it("keeps the best stars and score of every play, and counts the plays", () => {
    const first = withResult(undefined, result(500, 2));
    expect(first).toEqual({ stars: 2, bestScore: 500, maxScore: 720, plays: 1 });
    expect(withResult(first, result(100, 0))).toEqual({ stars: 2, bestScore: 500, maxScore: 720, plays: 2 });
    expect(withResult(first, result(700, 3))).toEqual({ stars: 3, bestScore: 700, maxScore: 720, plays: 2 });
  });

  it("the memory store records and returns it", () => {
    const store = memoryProgressStore();
    expect(store.get("first-syn")).toBeUndefined();
    expect(store.record(result(500, 2))).toEqual({ stars: 2, bestScore: 500, maxScore: 720, plays: 1 });
    expect(store.get("first-syn")?.plays).toBe(1);
  });
});
