import type { LoadedChapter } from "../levels/loader";
import type { Localized } from "../levels/schema";
import { formatDay, nextDay } from "./profile";
import type { Profile, Streak } from "./schema";

/**
 * A profile's statistics as `tcp-tutor stats` and the game's stats screen show them: pure, from the pack (what can
 * be earned) and the profile (what was). `tcp-tutor stats --json` prints this object as it is: a contract.
 */
export interface StatsReport {
  readonly profile: string;
  readonly chapters: readonly ChapterStats[];
  /** Concepts with at least one answer, weakest first (lowest accuracy, then most wrong answers, then by name). */
  readonly concepts: readonly ConceptStats[];
  /** Misconceptions fallen for, most often first. */
  readonly misconceptions: readonly { readonly id: string; readonly count: number }[];
  /** As saved, except that a streak not continued yesterday or today is over: `current` is then 0. */
  readonly streak: Streak;
  readonly totals: TotalsStats;
  /** Drill concepts due for review now, soonest first (drill mode, issue 6). */
  readonly due: readonly { readonly concept: string; readonly box: number; readonly due: number }[];
}

export interface ChapterStats {
  readonly id: string;
  readonly title: Localized;
  readonly levels: number;
  readonly completed: number;
  readonly stars: number;
  readonly maxStars: number;
  /** The sum of the levels' best scores, and of their best possible scores (levels never played count 0). */
  readonly bestScore: number;
}

export interface ConceptStats {
  readonly concept: string;
  readonly right: number;
  readonly wrong: number;
  /** right / (right + wrong), from 0 to 1. */
  readonly accuracy: number;
}

export interface TotalsStats {
  readonly plays: number;
  readonly answered: number;
  readonly correct: number;
  /** correct / answered, or 0 with nothing answered. */
  readonly accuracy: number;
  readonly hints: number;
  readonly ms: number;
  readonly points: number;
  readonly levels: number;
  readonly levelsCompleted: number;
  readonly stars: number;
  readonly maxStars: number;
}

const STARS_PER_LEVEL = 3;

export function statsReport(
  chapters: readonly LoadedChapter[],
  name: string,
  profile: Profile,
  now: number,
): StatsReport {
  const chapterStats = chapters.map((c): ChapterStats => {
    const records = c.levels.map((l) => profile.levels[l.level.id]);
    return {
      id: c.id,
      title: c.title,
      levels: c.levels.length,
      completed: records.filter((r) => r?.completed === true).length,
      stars: sum(records.map((r) => r?.stars ?? 0)),
      maxStars: STARS_PER_LEVEL * c.levels.length,
      bestScore: sum(records.map((r) => r?.bestScore ?? 0)),
    };
  });
  const concepts = Object.entries(profile.concepts)
    .filter(([, c]) => c.right + c.wrong > 0)
    .map(([concept, c]): ConceptStats => ({ concept, ...c, accuracy: c.right / (c.right + c.wrong) }))
    .sort((a, b) => a.accuracy - b.accuracy || b.wrong - a.wrong || compare(a.concept, b.concept));
  const misconceptions = Object.entries(profile.misconceptions)
    .filter(([, count]) => count > 0)
    .map(([id, count]) => ({ id, count }))
    .sort((a, b) => b.count - a.count || compare(a.id, b.id));
  const due = Object.entries(profile.drill)
    .filter(([, m]) => m.due <= now)
    .map(([concept, m]) => ({ concept, box: m.box, due: m.due }))
    .sort((a, b) => a.due - b.due || compare(a.concept, b.concept));
  const t = profile.totals;
  return {
    profile: name,
    chapters: chapterStats,
    concepts,
    misconceptions,
    streak: streakOn(profile.streak, formatDay(new Date(now))),
    totals: {
      plays: t.plays,
      answered: t.answered,
      correct: t.correct,
      accuracy: t.answered === 0 ? 0 : t.correct / t.answered,
      hints: t.hints,
      ms: t.ms,
      points: t.points,
      levels: sum(chapterStats.map((c) => c.levels)),
      levelsCompleted: sum(chapterStats.map((c) => c.completed)),
      stars: sum(chapterStats.map((c) => c.stars)),
      maxStars: sum(chapterStats.map((c) => c.maxStars)),
    },
    due,
  };
}

/** The streak as it stands on `day`: alive if played today or yesterday, else broken. */
export function streakOn(streak: Streak, day: string): Streak {
  const { lastDay } = streak;
  const alive = lastDay !== null && (lastDay >= day || nextDay(lastDay) === day);
  return alive ? streak : { ...streak, current: 0 };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
