import { describe, expect, it } from "vitest";
import type { LoadedChapter } from "../../src/levels/loader";
import { emptyProfile } from "../../src/store/profile";
import { statsReport, streakOn } from "../../src/store/stats";

const title = { en: "Handshake", "zh-CN": "握手" };
const chapter = (id: string, levels: string[]) =>
  ({ id, title, levels: levels.map((l) => ({ level: { id: l } })) }) as unknown as LoadedChapter;
const NOW = new Date(2026, 10, 21, 12).getTime();

describe("statistics", () => {
  const profile = {
    ...emptyProfile(0),
    levels: {
      a: { bestScore: 900, maxScore: 1000, stars: 3, attempts: 2, completed: true, lastPlayed: "2026-11-21" },
      b: { bestScore: 100, maxScore: 1000, stars: 0, attempts: 1, completed: false, lastPlayed: "2026-11-21" },
    },
    concepts: {
      handshake: { right: 9, wrong: 1 },
      "time-wait": { right: 1, wrong: 3 },
      rst: { right: 2, wrong: 6 },
      unseen: { right: 0, wrong: 0 },
    },
  };
  const report = statsReport([chapter("handshake", ["a", "b", "c"])], "ana", profile, NOW);

  it("per chapter: levels, completed, stars out of three per level, summed best scores", () => {
    expect(report.chapters).toEqual([
      { id: "handshake", title, levels: 3, completed: 1, stars: 3, maxStars: 9, bestScore: 1000 },
    ]);
  });

  it("concepts weakest first; a tie in accuracy puts more wrong answers first; unanswered concepts left out", () => {
    expect(report.concepts.map((c) => [c.concept, c.accuracy])).toEqual([
      ["rst", 0.25],
      ["time-wait", 0.25],
      ["handshake", 0.9],
    ]);
  });
});

describe("the streak as it stands today", () => {
  it("alive when last played today or yesterday; over (current 0, best kept) after a day without play", () => {
    const s = { current: 4, best: 6, lastDay: "2026-11-20" };
    expect(streakOn(s, "2026-11-20")).toBe(s);
    expect(streakOn(s, "2026-11-21")).toBe(s);
    expect(streakOn(s, "2026-11-22")).toEqual({ current: 0, best: 6, lastDay: "2026-11-20" });
    expect(streakOn({ current: 0, best: 0, lastDay: null }, "2026-11-22")).toEqual({ current: 0, best: 0, lastDay: null });
  });
});
