import { describe, expect, it } from "vitest";
import { maxScore, scoreAnswer, starsFor } from "../../src/game/scoring";
import type { ScoringInput } from "../../src/game/types";

/** A right answer at difficulty 1, first in a row, no hint, answered in 5 s; override what a test is about. */
const score = (over: Partial<ScoringInput>) =>
  scoreAnswer({ difficulty: 1, correct: true, hint: false, streak: 0, ms: 5_000, ...over });

describe("scoreAnswer", () => {
  it("gives 100 × difficulty, plus 20% for answering within 10 s", () => {
    expect(score({})).toBe(120);
    expect(score({ difficulty: 3 })).toBe(360);
    expect(score({ difficulty: 5, ms: 0 })).toBe(600);
  });

  it("gives a wrong answer nothing, whatever else", () => {
    expect(score({ correct: false })).toBe(0);
    expect(score({ correct: false, difficulty: 5, streak: 9, hint: true, ms: 0 })).toBe(0);
  });

  it("shrinks the speed bonus linearly from 10 s to nothing at 30 s", () => {
    expect(score({ ms: 10_000 })).toBe(120);
    expect(score({ ms: 15_000 })).toBe(115);
    expect(score({ ms: 20_000 })).toBe(110);
    expect(score({ ms: 25_000 })).toBe(105);
    expect(score({ ms: 30_000 })).toBe(100);
    expect(score({ ms: 600_000 })).toBe(100);
  });

  it("multiplies by 1 + 0.1 per correct answer in a row before this one, at most ×2", () => {
    expect(score({ difficulty: 2, streak: 3, ms: 40_000 })).toBe(260);
    expect(score({ difficulty: 2, streak: 9, ms: 40_000 })).toBe(380);
    expect(score({ difficulty: 2, streak: 10, ms: 40_000 })).toBe(400);
    expect(score({ difficulty: 2, streak: 25, ms: 40_000 })).toBe(400);
  });

  it("halves the points when the hint was shown", () => {
    expect(score({ hint: true, ms: 0 })).toBe(60);
    expect(score({ hint: true, difficulty: 3, streak: 5, ms: 15_000 })).toBe(259); // 300 × 1.5 × 0.5 × 1.15 = 258.75
  });

  it("rounds half a point up, despite floating point", () => {
    // 100 × 0.5 × 1.15 is 57.5, which binary floating point computes as 57.4999…
    expect(score({ hint: true, ms: 15_000 })).toBe(58);
    expect(score({ ms: 26_500 })).toBe(104); // 103.5
  });
});

describe("maxScore", () => {
  it("is every answer right, without hints, at full speed, the streak growing from 0", () => {
    expect(maxScore([1, 1, 1])).toBe(120 + 132 + 144);
    expect(maxScore([1, 3])).toBe(120 + 396);
  });

  it("stops growing the streak at ×2", () => {
    expect(maxScore(Array<number>(12).fill(1))).toBe(2220); // 120 × (1.0 + 1.1 + … + 1.9 + 2 + 2)
  });

  it("is 0 for no questions", () => {
    expect(maxScore([])).toBe(0);
  });
});

describe("starsFor", () => {
  it("gives 3 stars from 90%, 2 from 70%, 1 from 40%, else none", () => {
    expect([1000, 900, 899, 700, 699, 400, 399, 0].map((s) => starsFor(s, 1000))).toEqual([3, 3, 2, 2, 1, 1, 0, 0]);
  });

  it("gives no stars when nothing could be scored", () => {
    expect(starsFor(0, 0)).toBe(0);
  });
});
