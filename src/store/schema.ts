import { z } from "zod";
import { LANGS } from "../levels/schema";
import { PROFILE_NAME, PROFILE_NAME_RULE } from "./profileName";

/**
 * The save file's format: the single source of its types and of the checks run on every file read (the save file,
 * an imported profile). Format 2 is the current one; migrations.ts moves older files forward.
 */
export const SAVE_FORMAT = 2;

const count = z.int().min(0);
/** A moment, as milliseconds since the epoch. */
const epochMs = z.int().min(0);
/** A calendar day in the player's time zone: streaks count days, not 24-hour periods. */
export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a day as YYYY-MM-DD");

export { DEFAULT_PROFILE, PROFILE_NAME, PROFILE_NAME_RULE } from "./profileName";
export const ProfileName = z.string().regex(PROFILE_NAME, PROFILE_NAME_RULE);

export const LevelRecord = z.strictObject({
  /** The best of every play: a worse play never takes points or stars away. */
  bestScore: count,
  /** The level's best possible score, as of the latest play. */
  maxScore: count,
  stars: z.int().min(0).max(3),
  /** Plays finished to the result screen. */
  attempts: count,
  /** Finished at least once with a star (which opens the next level). */
  completed: z.boolean(),
  lastPlayed: Day,
});
export type LevelRecord = z.infer<typeof LevelRecord>;

/** Answers given on puzzles of a concept (a level's `concepts`). */
export const ConceptRecord = z.strictObject({ right: count, wrong: count });
export type ConceptRecord = z.infer<typeof ConceptRecord>;

/** The drill's memory of one concept (spaced repetition, issue 6): its box and when it is due again. */
export const DrillMemory = z.strictObject({
  box: z.int().min(0).max(5),
  due: epochMs,
  right: count,
  wrong: count,
  last: epochMs,
});
export type DrillMemory = z.infer<typeof DrillMemory>;

/** One challenge round played (issue 7). */
export const ChallengeRecord = z.strictObject({
  code: z.string().min(1),
  name: z.string(),
  score: count,
  maxScore: count,
  correct: count,
  total: count,
  ms: count,
  at: epochMs,
  /** The result file written, when there is one. */
  file: z.string().optional(),
});
export type ChallengeRecord = z.infer<typeof ChallengeRecord>;

/** Unset means "not chosen": the language then follows the locale, colour follows NO_COLOR. */
export const Settings = z.strictObject({
  lang: z.enum(LANGS).optional(),
  color: z.boolean().optional(),
});
export type Settings = z.infer<typeof Settings>;

/** Consecutive days with at least one answer. */
export const Streak = z.strictObject({ current: count, best: count, lastDay: Day.nullable() });
export type Streak = z.infer<typeof Streak>;

export const Totals = z.strictObject({
  /** Levels finished, drills and challenges included. */
  plays: count,
  answered: count,
  correct: count,
  hints: count,
  /** Time spent answering. */
  ms: count,
  points: count,
});
export type Totals = z.infer<typeof Totals>;

export const Profile = z.strictObject({
  created: epochMs,
  levels: z.record(z.string(), LevelRecord),
  concepts: z.record(z.string(), ConceptRecord),
  /** Times each misconception was fallen for. */
  misconceptions: z.record(z.string(), count),
  drill: z.record(z.string(), DrillMemory),
  challenges: z.array(ChallengeRecord),
  settings: Settings,
  streak: Streak,
  totals: Totals,
});
export type Profile = z.infer<typeof Profile>;

/** The whole save file, without conf's own `__internal__` key. */
export const SaveData = z.strictObject({
  /** The profile used when no --profile is given: the last one chosen in the menu. */
  current: ProfileName,
  profiles: z.record(ProfileName, Profile),
});
export type SaveData = z.infer<typeof SaveData>;

/** `tcp-tutor export`'s file, which `tcp-tutor import` reads back: one profile. */
export const ProfileExport = z.strictObject({
  tcpTutor: z.literal("profile"),
  format: z.literal(SAVE_FORMAT),
  name: ProfileName,
  /** When it was exported (ISO 8601), for the reader. */
  exported: z.string(),
  profile: Profile,
});
export type ProfileExport = z.infer<typeof ProfileExport>;

/** The first problems of a value that fails a schema, one line each: "profiles.ana.levels.x.stars: Too big: …". */
export function describeProblems(error: z.ZodError, max = 5): string[] {
  const lines = error.issues.map((i) => `${i.path.length > 0 ? i.path.join(".") : "(top level)"}: ${i.message}`);
  return lines.length > max ? [...lines.slice(0, max), `… and ${lines.length - max} more`] : lines;
}
