import { assertNever } from "../engine";
import type { Lang } from "../game";
import type { LoadedChapter } from "../levels/loader";
import { emptyProfile } from "../store/profile";
import type { ProgressStore } from "../store/progress";
import type { Profile } from "../store/schema";
import type { Key } from "./keys";
import {
  type AppAction,
  type AppState,
  appReducer,
  type Effect,
  type Failure,
  initialState,
  type Unsaved,
} from "./state/app";
import type { ChallengeSubmission, GameStart } from "./state/drill";

export type { ChallengeSubmission, GameStart };

/**
 * The game's state with the store it saves to: the only part of the UI that calls the store. A key goes to the pure
 * reducer (state/app.ts); the effects it asks for (save a result, the settings; list or switch profiles) are done
 * here at once, in order, and their outcome goes back to the reducer as an action. All of it happens before the
 * next key is read, so a key typed right after a switch already acts on the new profile. The app and the reducer
 * tests both drive the game through this.
 */
export interface Session {
  readonly state: AppState;
  /** Another object after a profile switch: the store of the profile being played. */
  readonly store: ProgressStore;
  /** Writes a challenge's result file (GameSetup's). */
  readonly submitChallenge?: ChallengeWriter;
}

/** Writes a challenge's result file: its path; throws what the file system said. */
export type ChallengeWriter = (submission: ChallengeSubmission) => string;

/**
 * What the CLI hands the game once it has a terminal, a pack, the save and the player's settings (src/cli/game.ts
 * calls it PlayOptions).
 */
export interface GameSetup {
  readonly chapters: readonly LoadedChapter[];
  /** The profile being played: --profile, else the last one chosen in the game. */
  readonly store: ProgressStore;
  /** The profile's saved language, else the locale's. */
  readonly lang: Lang;
  /** Off with --no-color or NO_COLOR; else the profile's saved choice; else on. */
  readonly color: boolean;
  /**
   * Lines the title screen shows the player, in English (they name files): a damaged save moved aside, or progress
   * that cannot be saved this time.
   */
  readonly notices: readonly string[];
  /** Where the game opens: the title menu unless the command line asked for a drill or a challenge. */
  readonly start?: GameStart;
  /** For a challenge: writes its result file when the round ends (the CLI's, which knows where). */
  readonly submitChallenge?: ChallengeWriter;
}

export interface SessionOptions extends GameSetup {
  readonly now: number;
}

/** The title menu (or the drill `start` asks for), with the profile as the store has it now. */
export function openSession({ chapters, store, lang, color, notices, start, submitChallenge, now }: SessionOptions): Session {
  let profile: Profile;
  let more: string[] = [];
  try {
    profile = store.load();
  } catch (e) {
    // The CLI has read the save before: this is a file gone bad since. Play on, and say so.
    profile = emptyProfile(now);
    more = [messageOf(e)];
  }
  const state = initialState({
    chapters,
    lang,
    color,
    profileName: store.profile,
    profile,
    notices: [...notices, ...more],
    start,
    now,
  });
  return { state, store, ...(submitChallenge === undefined ? {} : { submitChallenge }) };
}

/** One key: the reducer, then whatever it asked of the store. */
export function pressKey(session: Session, key: Key, now: number): Session {
  return settle({ ...session, state: appReducer(session.state, { type: "key", key, now }) }, now);
}

/** The app's timer (an interview's countdown): the same session back when the tick changes nothing. */
export function tick(session: Session, now: number): Session {
  const state = appReducer(session.state, { type: "tick", now });
  return state === session.state ? session : settle({ ...session, state }, now);
}

/** Does the effects the state asks for, oldest first (an outcome may ask for more), until none is left. */
export function settle(session: Session, now: number): Session {
  let { state, store } = session;
  for (let effect = state.effects[0]; effect !== undefined; effect = state.effects[0]) {
    state = { ...state, effects: state.effects.slice(1) };
    const outcome = perform(effect, state, store, now, session.submitChallenge);
    const noticed: AppAction = { type: "noticed", notices: store.notices() };
    store = outcome.store;
    state = [...outcome.actions, noticed].reduce(appReducer, state);
  }
  return { ...session, state, store };
}

interface Outcome {
  readonly store: ProgressStore;
  readonly actions: readonly AppAction[];
}

function perform(
  effect: Effect,
  state: AppState,
  store: ProgressStore,
  now: number,
  submitChallenge: ChallengeWriter | undefined,
): Outcome {
  switch (effect.kind) {
    case "saveResults":
    case "saveDrill": {
      const { saved, unsaved, error } = saveResults(store, state.unsaved);
      const actions: AppAction[] = [];
      if (saved) actions.push({ type: "saved", profile: saved, unsaved, now });
      const what = effect.kind === "saveDrill" ? "drill" : "results";
      if (error !== undefined) actions.push({ type: "failed", what, message: error });
      return { store, actions };
    }
    case "saveSettings":
      return attempt(store, "settings", () => {
        const saved = store.saveSettings(effect.settings);
        return { store, actions: [{ type: "saved", profile: saved, unsaved: state.unsaved, now }] };
      });
    case "listProfiles":
      return attempt(store, "profiles", () => ({ store, actions: [{ type: "profiles", names: store.profiles() }] }));
    case "switchProfile": {
      // What this profile has not saved yet is saved first, or the switch does not happen: nothing is left behind.
      const flushed = saveResults(store, state.unsaved);
      const actions: AppAction[] = flushed.saved
        ? [{ type: "saved", profile: flushed.saved, unsaved: flushed.unsaved, now }]
        : [];
      const error = (message: string): Outcome => ({
        store,
        actions: [...actions, { type: "failed", what: "switch", message }],
      });
      if (flushed.error !== undefined) return error(flushed.error);
      try {
        const next = store.switchTo(effect.name);
        return { store: next, actions: [...actions, { type: "switched", name: next.profile, profile: next.load() }] };
      } catch (e) {
        return error(messageOf(e));
      }
    }
    case "submitChallenge":
      return submit(effect.submission, state.unsaved, store, now, submitChallenge);
    default:
      return assertNever(effect);
  }
}

/**
 * The result file first: it is what the student hands in. Then the round in the profile's list of challenges; the
 * store failing there is told as any failed save is, but the file stands.
 */
function submit(
  s: ChallengeSubmission,
  unsaved: AppState["unsaved"],
  store: ProgressStore,
  now: number,
  write: ChallengeWriter | undefined,
): Outcome {
  if (write === undefined) {
    return { store, actions: [{ type: "challengeNotWritten", error: "this game cannot write result files" }] };
  }
  let file: string;
  try {
    file = write(s);
  } catch (e) {
    return { store, actions: [{ type: "challengeNotWritten", error: messageOf(e) }] };
  }
  const written: AppAction = { type: "challengeWritten", file };
  const { replay } = s;
  const record = {
    code: s.code,
    name: s.name,
    score: replay.score,
    maxScore: s.maxScore,
    correct: replay.correct,
    total: replay.total,
    ms: replay.ms,
    at: now,
    file,
  };
  try {
    return { store, actions: [written, { type: "saved", profile: store.recordChallenge(record), unsaved, now }] };
  } catch (e) {
    return { store, actions: [written, { type: "failed", what: "drill", message: messageOf(e) }] };
  }
}

/**
 * Saves results oldest first (a level's with record, a drill puzzle's with recordDrill), up to the first the store
 * refuses: the profile after the last saved, what is left.
 */
function saveResults(
  store: ProgressStore,
  results: readonly Unsaved[],
): { saved?: Profile; unsaved: readonly Unsaved[]; error?: string } {
  let saved: Profile | undefined;
  for (const [i, r] of results.entries()) {
    try {
      saved = r.kind === "level" ? store.record(r.result) : store.recordDrill(r.result, r.puzzle);
    } catch (e) {
      return { ...(saved ? { saved } : {}), unsaved: results.slice(i), error: messageOf(e) };
    }
  }
  return { ...(saved ? { saved } : {}), unsaved: [] };
}

/** The store's failure (a SaveError: disk full, no permission, a newer save file) as the player is told it. */
function attempt(store: ProgressStore, what: Failure, run: () => Outcome): Outcome {
  try {
    return run();
  } catch (e) {
    return { store, actions: [{ type: "failed", what, message: messageOf(e) }] };
  }
}

/** One line: the message of an Error, whitespace runs (newlines too) made one space. */
function messageOf(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/\s+/g, " ").trim();
}
