import type { LevelResult } from "../game";
import { type DrillPuzzle, recordDrillResult } from "../game/drill";
import type { ChallengeRecord, ConceptRecord, LevelRecord, Profile, Settings, Streak, Totals } from "./schema";

/**
 * Pure changes to one profile. Every save applies one of these to the profile as it is on disk at that moment (see
 * saveFile.ts), so two terminals playing the same profile add up instead of overwriting each other.
 */

export function emptyProfile(now: number): Profile {
  return {
    created: now,
    levels: {},
    concepts: {},
    misconceptions: {},
    drill: {},
    challenges: [],
    settings: {},
    streak: { current: 0, best: 0, lastDay: null },
    totals: { plays: 0, answered: 0, correct: 0, hints: 0, ms: 0, points: 0 },
  };
}

/** A finished level: best score and stars kept, one more attempt, every answer counted, the day's streak. */
export function withLevelResult(profile: Profile, result: LevelResult, day: string): Profile {
  const before = profile.levels[result.levelId];
  const level: LevelRecord = {
    bestScore: Math.max(before?.bestScore ?? 0, result.score),
    maxScore: result.maxScore,
    stars: Math.max(before?.stars ?? 0, result.stars),
    attempts: (before?.attempts ?? 0) + 1,
    completed: (before?.completed ?? false) || result.stars >= 1,
    lastPlayed: day,
  };
  const right = result.answers.filter((a) => a.correct).length;
  const wrong = result.answers.length - right;
  const concepts = { ...profile.concepts };
  for (const concept of result.concepts) {
    const c = concepts[concept] ?? { right: 0, wrong: 0 };
    concepts[concept] = { right: c.right + right, wrong: c.wrong + wrong };
  }
  const misconceptions = { ...profile.misconceptions };
  for (const a of result.answers) {
    if (a.misconception !== undefined) misconceptions[a.misconception] = (misconceptions[a.misconception] ?? 0) + 1;
  }
  const t = profile.totals;
  const totals: Totals = {
    plays: t.plays + 1,
    answered: t.answered + result.answers.length,
    correct: t.correct + right,
    hints: t.hints + result.answers.filter((a) => a.hint).length,
    ms: t.ms + result.ms,
    points: t.points + result.score,
  };
  return {
    ...profile,
    levels: { ...profile.levels, [result.levelId]: level },
    concepts,
    misconceptions,
    totals,
    streak: result.answers.length > 0 ? withDay(profile.streak, day) : profile.streak,
  };
}

/**
 * A finished drill puzzle: its answers count like a level's (concepts, misconceptions, totals, the day's streak),
 * and spaced repetition moves its concepts and misconceptions between boxes (src/game/drill/schedule.ts). A drill
 * puzzle is generated, not a level of the pack: it adds no level record.
 */
export function withDrillResult(
  profile: Profile,
  result: LevelResult,
  puzzle: Pick<DrillPuzzle, "concepts" | "misconceptions">,
  now: number,
  day: string,
): Profile {
  const counted = withLevelResult(profile, result, day);
  return { ...counted, levels: profile.levels, drill: recordDrillResult(profile.drill, puzzle, result.answers, now) };
}

/** A challenge round played: kept in the profile's list (its puzzles were saved as drill puzzles, one by one). */
export function withChallenge(profile: Profile, record: ChallengeRecord): Profile {
  return { ...profile, challenges: [...profile.challenges, record] };
}

/** The streak after playing on `day`: the same day changes nothing, the next day adds one, a gap starts over. */
export function withDay(streak: Streak, day: string): Streak {
  if (streak.lastDay === day) return streak;
  // An earlier day than the last one (the clock moved back) keeps the streak rather than breaking it.
  if (streak.lastDay !== null && day < streak.lastDay) return streak;
  const current = streak.lastDay !== null && nextDay(streak.lastDay) === day ? streak.current + 1 : 1;
  return { current, best: Math.max(streak.best, current), lastDay: day };
}

export function withSettings(profile: Profile, settings: Settings): Profile {
  return { ...profile, settings: { ...profile.settings, ...settings } };
}

/** The profile's progress with nothing played: settings are preferences, not progress, and are kept. */
export function withProgressErased(profile: Profile, now: number): Profile {
  return { ...emptyProfile(now), settings: profile.settings };
}

/**
 * Two copies of a profile as one (an import into an existing profile): every level's better result, every counter's
 * larger value, the longer streak, every challenge once. Taking the larger (not the sum) makes importing the same
 * file twice change nothing.
 */
export function mergeProfiles(a: Profile, b: Profile): Profile {
  const levels = mergeRecords(a.levels, b.levels, (x, y) => ({
    bestScore: Math.max(x.bestScore, y.bestScore),
    maxScore: Math.max(x.maxScore, y.maxScore),
    stars: Math.max(x.stars, y.stars),
    attempts: Math.max(x.attempts, y.attempts),
    completed: x.completed || y.completed,
    lastPlayed: x.lastPlayed > y.lastPlayed ? x.lastPlayed : y.lastPlayed,
  }));
  const concepts = mergeRecords(a.concepts, b.concepts, (x: ConceptRecord, y: ConceptRecord) => ({
    right: Math.max(x.right, y.right),
    wrong: Math.max(x.wrong, y.wrong),
  }));
  const misconceptions = mergeRecords(a.misconceptions, b.misconceptions, Math.max);
  // The drill memory seen last is the one that reflects the latest answers.
  const drill = mergeRecords(a.drill, b.drill, (x, y) => (y.last > x.last ? y : x));
  const key = (c: Profile["challenges"][number]) => `${c.code}\u0000${c.name}\u0000${c.at}`;
  const seen = new Set(a.challenges.map(key));
  const challenges = [...a.challenges, ...b.challenges.filter((c) => !seen.has(key(c)))].sort((x, y) => x.at - y.at);
  const later = (x: string | null, y: string | null) => (x === null ? y : y === null ? x : x > y ? x : y);
  const streak: Streak =
    later(a.streak.lastDay, b.streak.lastDay) === a.streak.lastDay
      ? { ...a.streak, best: Math.max(a.streak.best, b.streak.best) }
      : { ...b.streak, best: Math.max(a.streak.best, b.streak.best) };
  const totals = Object.fromEntries(
    Object.entries(a.totals).map(([k, v]) => [k, Math.max(v, b.totals[k as keyof Totals])]),
  ) as unknown as Totals;
  return {
    created: Math.min(a.created, b.created),
    levels,
    concepts,
    misconceptions,
    drill,
    challenges,
    settings: { ...b.settings, ...a.settings },
    streak,
    totals,
  };
}

function mergeRecords<T>(
  a: Readonly<Record<string, T>>,
  b: Readonly<Record<string, T>>,
  both: (x: T, y: T) => T,
): Record<string, T> {
  const out: Record<string, T> = { ...b };
  for (const [k, v] of Object.entries(a)) {
    const other = b[k];
    out[k] = other === undefined ? v : both(v, other);
  }
  return out;
}

/** The calendar day after a YYYY-MM-DD day. */
export function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return formatDay(new Date(Date.UTC(y, m - 1, d + 1)), true);
}

/** A moment's calendar day, in the local time zone (or UTC). */
export function formatDay(date: Date, utc = false): string {
  const y = utc ? date.getUTCFullYear() : date.getFullYear();
  const m = (utc ? date.getUTCMonth() : date.getMonth()) + 1;
  const d = utc ? date.getUTCDate() : date.getDate();
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
