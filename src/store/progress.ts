import type { LevelResult } from "../game";
import type { DrillPuzzle } from "../game/drill";
import { emptyProfile, formatDay, withChallenge, withDrillResult, withLevelResult, withSettings } from "./profile";
import { type ChallengeRecord, DEFAULT_PROFILE, type LevelRecord, type Profile, type Settings } from "./schema";

/**
 * A player's saved progress, behind a small interface: the UI and the CLI see profiles and changes, never files.
 * saveFile.ts keeps it in the save file (conf); memoryProgressStore keeps it for one run (tests, or when the save
 * file cannot be written). Content (the levels) and progress are never mixed: progress names levels by id.
 */
export interface ProgressStore {
  /** The profile being played. */
  readonly profile: string;
  /** Where it is saved, for messages ("saved in …"); undefined when it lasts only this run. */
  readonly location: string | undefined;
  /** The profile as saved now: another terminal may have saved since this one last looked. */
  load(): Profile;
  /** Saves a finished level; returns the profile with it (and with whatever else was saved meanwhile). */
  record(result: LevelResult): Profile;
  /** Saves a finished drill puzzle: its answers, and its concepts' spaced-repetition boxes. */
  recordDrill(result: LevelResult, puzzle: Pick<DrillPuzzle, "concepts" | "misconceptions">): Profile;
  /** Saves a challenge round played (the list `stats` shows). */
  recordChallenge(record: ChallengeRecord): Profile;
  /** Saves the settings given (others unchanged). */
  saveSettings(settings: Settings): Profile;
  /** Every profile's name, sorted, the one being played included. */
  profiles(): readonly string[];
  /** The store for another profile (created empty if new), remembered as the one to play next time. */
  switchTo(name: string): ProgressStore;
  /** What the store had to repair since last asked (a save file damaged meanwhile, moved aside), one line each. */
  notices(): string[];
}

/** A level's progress as the campaign shows it. */
export type LevelProgress = LevelRecord;

/** The levels' progress of a profile, by level id. */
export function levelProgress(profile: Profile): ReadonlyMap<string, LevelProgress> {
  return new Map(Object.entries(profile.levels));
}

/** Today, in the player's time zone: the day a streak counts. */
export function today(now: number): string {
  return formatDay(new Date(now));
}

/** Progress that lasts until the program quits. */
export function memoryProgressStore(
  options: { readonly profile?: string; readonly now?: () => number; readonly profiles?: Map<string, Profile> } = {},
): ProgressStore {
  const { profile = DEFAULT_PROFILE, now = Date.now, profiles = new Map<string, Profile>() } = options;
  if (!profiles.has(profile)) profiles.set(profile, emptyProfile(now()));
  const load = () => profiles.get(profile) ?? emptyProfile(now());
  const update = (change: (p: Profile) => Profile) => {
    const next = change(load());
    profiles.set(profile, next);
    return next;
  };
  return {
    profile,
    location: undefined,
    load,
    record: (result) => update((p) => withLevelResult(p, result, today(now()))),
    recordDrill: (result, puzzle) => update((p) => withDrillResult(p, result, puzzle, now(), today(now()))),
    recordChallenge: (record) => update((p) => withChallenge(p, record)),
    saveSettings: (settings) => update((p) => withSettings(p, settings)),
    profiles: () => [...profiles.keys()].sort(),
    switchTo: (name) => memoryProgressStore({ profile: name, now, profiles }),
    notices: () => [],
  };
}
