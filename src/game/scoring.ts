import type { ScoringInput } from "./types";

/**
 * How answers score: the same rules for campaign levels, drills and challenge rounds.
 *
 *   points = 100 × difficulty × streak × hint × speed, rounded to a whole number; a wrong answer scores 0.
 *
 * - streak: ×(1 + 0.1 per correct answer in a row before this one), capped at ×2 (ten in a row).
 * - hint:   ×0.5 when the player asked for the hint.
 * - speed:  ×1.2 when answered within 10 s, falling linearly to ×1 at 30 s and after.
 *
 * The best possible score of a round (maxScore) is every answer right, without hints, at full speed, the streak
 * growing from 0. Stars compare a score with it: ≥ 90% three, ≥ 70% two, ≥ 40% one, else none.
 */

export const BASE_POINTS = 100;
export const STREAK_STEP = 0.1;
export const STREAK_CAP = 2;
export const HINT_FACTOR = 0.5;
export const SPEED_BONUS = 0.2;
/** Answers within this many milliseconds get the whole speed bonus… */
export const FAST_MS = 10_000;
/** …and from this many on, none. */
export const SLOW_MS = 30_000;

export type Stars = 0 | 1 | 2 | 3;

export function scoreAnswer(i: ScoringInput): number {
  if (!i.correct) return 0;
  const points = BASE_POINTS * i.difficulty * streakFactor(i.streak) * (i.hint ? HINT_FACTOR : 1) * speedFactor(i.ms);
  return wholePoints(points);
}

/** ×1 with no streak, +0.1 per correct answer in a row, at most ×2. */
export function streakFactor(streak: number): number {
  return Math.min(STREAK_CAP, 1 + STREAK_STEP * Math.max(0, streak));
}

/** ×1.2 up to 10 s, linear down to ×1 at 30 s. */
export function speedFactor(ms: number): number {
  if (ms <= FAST_MS) return 1 + SPEED_BONUS;
  if (ms >= SLOW_MS) return 1;
  return 1 + (SPEED_BONUS * (SLOW_MS - ms)) / (SLOW_MS - FAST_MS);
}

/** The best score of a round whose questions have these difficulties, in play order. */
export function maxScore(difficulties: readonly number[]): number {
  return difficulties.reduce(
    (sum, difficulty, streak) => sum + scoreAnswer({ difficulty, correct: true, hint: false, streak, ms: 0 }),
    0,
  );
}

export function starsFor(score: number, max: number): Stars {
  if (max <= 0) return 0;
  const ratio = score / max;
  if (ratio >= 0.9) return 3;
  if (ratio >= 0.7) return 2;
  if (ratio >= 0.4) return 1;
  return 0;
}

/**
 * Rounds to the nearest whole point, half up. The factors are decimal fractions that binary floating point only
 * approximates (100 × 0.5 × 1.15 comes out as 57.4999…), so round away that noise first.
 */
function wholePoints(x: number): number {
  return Math.round(Number(x.toFixed(6)));
}
