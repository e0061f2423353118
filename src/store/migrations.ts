import type Conf from "conf";
import { z } from "zod";
import { LANGS } from "../levels/schema";
import { emptyProfile, formatDay } from "./profile";
import { DEFAULT_PROFILE, type LevelRecord, type Profile, SAVE_FORMAT, type SaveData } from "./schema";

/**
 * Save formats and the conf migrations between them. conf keeps the format a file was written in under
 * `__internal__.migrations.version` and runs, in order, every migration newer than that, up to SAVE_VERSION.
 * The save format is versioned on its own (not with the program), so that a release that does not change the file
 * needs no migration.
 *
 * Format 1: one player, no profiles: the levels' stars, best score, best possible score and plays, and the
 * settings. Format 2: profiles, each with attempts and completion per level, per-concept answers, misconceptions,
 * drill memory, challenge results, day streak, totals and settings.
 */
export const SAVE_VERSION = `${SAVE_FORMAT}.0.0`;

const count = z.int().min(0);
/** The format-1 file's layout, as it was written: a file that does not fit it cannot be moved forward. */
const Format1 = z.object({
  levels: z
    .record(
      z.string(),
      z.object({ stars: z.int().min(0).max(3), bestScore: count, maxScore: count, plays: count }).partial(),
    )
    .optional(),
  settings: z.object({ lang: z.enum(LANGS), color: z.boolean() }).partial().optional(),
  created: count.optional(),
});
type Format1 = z.infer<typeof Format1>;

type Data = Record<string, unknown>;

/** The migrations, given the clock: format 1 did not record when levels were played, so "today" stands in. */
export function migrations(now: () => number): Record<string, (store: Conf<Data>) => void> {
  return {
    "2.0.0": (store) => {
      const data = store.store;
      // A new (empty) file, or one already in the format-2 layout, has nothing to move.
      if (Object.keys(data).filter((k) => k !== "__internal__").length === 0 || "profiles" in data) return;
      const old = Format1.safeParse(data);
      if (!old.success) throw new Error(`not a format-1 save: ${old.error.issues[0]?.path.join(".")}: ${old.error.issues[0]?.message}`);
      store.store = fromFormat1(old.data, now()) as unknown as Data;
    },
  };
}

export function fromFormat1(old: Format1, now: number): SaveData {
  const day = formatDay(new Date(now));
  const profile: Profile = emptyProfile(old.created ?? now);
  const levels: Record<string, LevelRecord> = {};
  for (const [id, l] of Object.entries(old.levels ?? {})) {
    const stars = l.stars ?? 0;
    levels[id] = {
      bestScore: l.bestScore ?? 0,
      maxScore: l.maxScore ?? 0,
      stars,
      attempts: l.plays ?? 0,
      completed: stars >= 1,
      lastPlayed: day,
    };
  }
  const plays = Object.values(levels).reduce((n, l) => n + l.attempts, 0);
  return {
    current: DEFAULT_PROFILE,
    profiles: {
      [DEFAULT_PROFILE]: {
        ...profile,
        levels,
        settings: { ...old.settings },
        totals: { ...profile.totals, plays },
      },
    },
  };
}
