import { beforeAll, describe, expect, it } from "vitest";
import { type LoadedChapter, loadPack } from "../../src/levels/loader";
import type { LevelProgress } from "../../src/store/progress";
import { chapterSummary, continueTarget, isUnlocked, nextLevel, type ProgressMap } from "../../src/ui/campaign";
import { realFs } from "../fixtures/realFs";

let chapters: readonly LoadedChapter[];
beforeAll(async () => {
  chapters = (await loadPack("levels", realFs)).chapters;
});

const stars = (n: 0 | 1 | 2 | 3): LevelProgress => ({
  stars: n,
  bestScore: 0,
  maxScore: 0,
  attempts: 1,
  completed: n > 0,
  lastPlayed: "2025-01-01",
});
const id = (chapter: number, level: number): string => chapters[chapter]?.levels[level]?.level.id ?? "";
const progress = (entries: [number, number, 0 | 1 | 2 | 3][]): ProgressMap =>
  new Map(entries.map(([c, l, n]) => [id(c, l), stars(n)]));

describe("unlocking", () => {
  it("the first level of every chapter is open, the others once the one before has a star", () => {
    const none = progress([]);
    expect(chapters.every((_, chapter) => isUnlocked(chapters, none, { chapter, level: 0 }))).toBe(true);
    expect(isUnlocked(chapters, none, { chapter: 0, level: 1 })).toBe(false);
    expect(isUnlocked(chapters, progress([[0, 0, 0]]), { chapter: 0, level: 1 })).toBe(false);
    expect(isUnlocked(chapters, progress([[0, 0, 1]]), { chapter: 0, level: 1 })).toBe(true);
    expect(isUnlocked(chapters, progress([[0, 0, 1]]), { chapter: 0, level: 2 })).toBe(false);
  });
});

describe("chapter progress", () => {
  it("stars out of three per level, and levels with a star", () => {
    expect(
      chapterSummary(
        chapters[0] as LoadedChapter,
        progress([
          [0, 0, 3],
          [0, 1, 1],
          [0, 2, 0],
        ]),
      ),
    ).toEqual({
      stars: 4,
      maxStars: 15,
      done: 2,
      total: 5,
    });
  });
});

describe("continue", () => {
  it("the first open level without a star; then the first with fewer than three", () => {
    expect(continueTarget(chapters, progress([]))).toEqual({ chapter: 0, level: 0 });
    expect(continueTarget(chapters, progress([[0, 0, 2]]))).toEqual({ chapter: 0, level: 1 });
    const allOpenStarred = progress(
      chapters.flatMap((c, ci) =>
        c.levels.map((_, li): [number, number, 3 | 2] => [ci, li, ci === 3 && li === 2 ? 2 : 3]),
      ),
    );
    expect(continueTarget(chapters, allOpenStarred)).toEqual({ chapter: 3, level: 2 });
  });

  it("the next level runs on into the next chapter, and ends after the last", () => {
    const last = chapters.length - 1;
    expect(nextLevel(chapters, { chapter: 0, level: 4 })).toEqual({ chapter: 1, level: 0 });
    expect(nextLevel(chapters, { chapter: last, level: (chapters[last]?.levels.length ?? 0) - 1 })).toBeUndefined();
  });
});
