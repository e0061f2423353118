import type { LevelResult, Stars } from "../game";

/**
 * A player's progress through the levels, behind a small interface: kept in memory for now, saved to disk (conf)
 * later, without the UI noticing. Content (the levels) and progress are never mixed: progress names levels by id.
 */
export interface LevelProgress {
  /** The best of every play: a worse play never takes a star away. */
  readonly stars: Stars;
  readonly bestScore: number;
  /** The level's best possible score, from the latest play. */
  readonly maxScore: number;
  readonly plays: number;
}

export interface ProgressStore {
  get(levelId: string): LevelProgress | undefined;
  /** Adds a finished play and returns the level's progress with it. */
  record(result: LevelResult): LevelProgress;
}

/** A level's progress after one more play. Pure: the store and the UI's own copy both use it. */
export function withResult(before: LevelProgress | undefined, result: LevelResult): LevelProgress {
  return {
    stars: Math.max(before?.stars ?? 0, result.stars) as Stars,
    bestScore: Math.max(before?.bestScore ?? 0, result.score),
    maxScore: result.maxScore,
    plays: (before?.plays ?? 0) + 1,
  };
}

/** Progress that lasts until the program quits. */
export function memoryProgressStore(initial: Iterable<readonly [string, LevelProgress]> = []): ProgressStore {
  const levels = new Map<string, LevelProgress>(initial);
  return {
    get: (levelId) => levels.get(levelId),
    record(result) {
      const progress = withResult(levels.get(result.levelId), result);
      levels.set(result.levelId, progress);
      return progress;
    },
  };
}
