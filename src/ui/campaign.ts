import type { LoadedChapter, LoadedLevel } from "../levels/loader";
import type { LevelProgress } from "../store/progress";

/** Where the campaign's levels stand, and which are open: pure functions of the chapters and the progress. */

export type ProgressMap = ReadonlyMap<string, LevelProgress>;

/** A level by its place in the campaign: chapter index, level index within it. */
export interface LevelRef {
  readonly chapter: number;
  readonly level: number;
}

export function levelAt(chapters: readonly LoadedChapter[], at: LevelRef): LoadedLevel | undefined {
  return chapters[at.chapter]?.levels[at.level];
}

export function starsOf(progress: ProgressMap, level: LoadedLevel): number {
  return progress.get(level.level.id)?.stars ?? 0;
}

/** The first level of every chapter is open; any other opens once the one before it has a star. */
export function isUnlocked(chapters: readonly LoadedChapter[], progress: ProgressMap, at: LevelRef): boolean {
  if (at.level === 0) return true;
  const previous = chapters[at.chapter]?.levels[at.level - 1];
  return previous !== undefined && starsOf(progress, previous) >= 1;
}

export interface ChapterSummary {
  readonly stars: number;
  readonly maxStars: number;
  /** Levels with at least one star. */
  readonly done: number;
  readonly total: number;
}

export function chapterSummary(chapter: LoadedChapter, progress: ProgressMap): ChapterSummary {
  const stars = chapter.levels.map((l) => starsOf(progress, l));
  return {
    stars: stars.reduce((a, b) => a + b, 0),
    maxStars: 3 * chapter.levels.length,
    done: stars.filter((s) => s >= 1).length,
    total: chapter.levels.length,
  };
}

/** Every level in campaign order, with its place. */
function allLevels(chapters: readonly LoadedChapter[]): LevelRef[] {
  return chapters.flatMap((c, chapter) => c.levels.map((_, level) => ({ chapter, level })));
}

/**
 * Where Continue goes: the first open level without a star, in campaign order; when every open level has one,
 * the first with fewer than three; when all have three, the very first. Undefined for a pack without levels.
 */
export function continueTarget(chapters: readonly LoadedChapter[], progress: ProgressMap): LevelRef | undefined {
  const levels = allLevels(chapters);
  const stars = (at: LevelRef) => starsOf(progress, levelAt(chapters, at) as LoadedLevel);
  return (
    levels.find((at) => isUnlocked(chapters, progress, at) && stars(at) === 0) ??
    levels.find((at) => stars(at) < 3) ??
    levels[0]
  );
}

/** The level a chapter's list opens on: the first open one without a star, else the first. */
export function chapterCursor(chapters: readonly LoadedChapter[], progress: ProgressMap, chapter: number): number {
  const levels = chapters[chapter]?.levels ?? [];
  const i = levels.findIndex(
    (l, level) => isUnlocked(chapters, progress, { chapter, level }) && starsOf(progress, l) === 0,
  );
  return Math.max(0, i);
}

/** The level after this one: the next in its chapter, or the first of the next chapter that has levels. */
export function nextLevel(chapters: readonly LoadedChapter[], at: LevelRef): LevelRef | undefined {
  const levels = allLevels(chapters);
  const i = levels.findIndex((x) => x.chapter === at.chapter && x.level === at.level);
  return i < 0 ? undefined : levels[i + 1];
}
