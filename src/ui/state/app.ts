import { assertNever } from "../../engine";
import { type Lang, type LevelResult, playReducer, result, startLevel } from "../../game";
import { checkDrillOptions, type DrillPuzzle, INTERVIEW_COUNT, INTERVIEW_MINUTES, TOPICS } from "../../game/drill";
import type { LoadedChapter } from "../../levels/loader";
import { withDrillResult, withLevelResult } from "../../store/profile";
import { levelProgress, today } from "../../store/progress";
import type { Profile, Settings } from "../../store/schema";
import {
  chapterCursor,
  continueTarget,
  isUnlocked,
  type LevelRef,
  levelAt,
  nextLevel,
  type ProgressMap,
} from "../campaign";
import { is, type Key, typedText } from "../keys";
import {
  type DrillChoice,
  type DrillRecord,
  type DrillScreen,
  type DrillTally,
  drillKey,
  drillPuzzle,
  type GameStart,
  type ChallengeOutcome,
  type ChallengeSubmission,
  type InterviewScreen,
  type InterviewSummaryScreen,
  interviewKey,
  interviewTick,
  NO_TALLY,
  type Step,
  startChallenge,
  startInterview,
  summaryKey,
} from "./drill";
import { listKey } from "./list";
import { type Playing, PRACTICE_RULES, playKey } from "./play";
import { NAME_FIELD_MAX, type NameProblem, nameProblem } from "./profileName";

/**
 * The whole UI as one pure reducer: which screen is open, its cursor, the level being played, the settings. The
 * app sends every key here, one at a time, each applied to the state the previous one left; nothing is decided
 * in components. What needs the store (saving, the profiles) the reducer asks for as effects, which the session
 * (../session.ts) performs right after the key, feeding their outcome back in as actions; quitting is read off the
 * state by the app.
 */

export const MENU_ITEMS = [
  "continue",
  "campaign",
  "drill",
  "challenge",
  "stats",
  "settings",
  "profile",
  "help",
  "quit",
] as const;
export type MenuItem = (typeof MENU_ITEMS)[number];

/** The drill menu: the endless drill on every topic, on one topic (a list of them), an interview round. */
export const DRILL_ITEMS = ["endless", "topic", "interview", "back"] as const;
export type DrillItem = (typeof DRILL_ITEMS)[number];

export const SETTINGS_ITEMS = ["language", "colour", "back"] as const;
export type SettingsItem = (typeof SETTINGS_ITEMS)[number];

export type ResultItem = "next" | "retry" | "levels";

/** The profile screen's items: each profile by name, then these two. */
export type ProfileItem = { readonly kind: "profile"; readonly name: string } | { readonly kind: "new" | "back" };

/** A campaign level being played. */
export interface PlayScreen extends Playing {
  readonly kind: "play";
  readonly at: LevelRef;
}

export type Screen =
  | { readonly kind: "menu"; readonly cursor: number }
  | { readonly kind: "campaign"; readonly cursor: number }
  /** A chapter's levels; `locked` once the player tried to open a locked one. */
  | { readonly kind: "chapter"; readonly chapter: number; readonly cursor: number; readonly locked?: true }
  | { readonly kind: "intro"; readonly at: LevelRef }
  | PlayScreen
  | {
      readonly kind: "result";
      readonly at: LevelRef;
      readonly result: LevelResult;
      readonly cursor: number;
      /** The store could not save the result (the game goes on with it): why, in its own words. */
      readonly saveError?: string;
    }
  /** Help over another screen, which back returns to. */
  | { readonly kind: "help"; readonly under: Screen }
  | { readonly kind: "settings"; readonly cursor: number; readonly saveError?: string }
  /** The statistics of the profile, as of `now` (the clock when it was opened). */
  | { readonly kind: "stats"; readonly now: number }
  /** Every profile (`names`, from the store), the one played among them; reading them or switching failed, why. */
  | {
      readonly kind: "profiles";
      readonly cursor: number;
      readonly names: readonly string[];
      readonly error?: { readonly what: "profiles" | "switch"; readonly message: string };
    }
  /** A new profile's name being typed; why the name cannot be used, once Enter was pressed; why creating failed. */
  | {
      readonly kind: "newProfile";
      readonly text: string;
      readonly names: readonly string[];
      readonly problem?: NameProblem;
      readonly error?: string;
    }
  /** The drill menu; after a drill, what it came to; when the drill asked for cannot be, why (in English). */
  | { readonly kind: "drillMenu"; readonly cursor: number; readonly last?: DrillTally; readonly problem?: string }
  /** The topics to drill, then Back. */
  | { readonly kind: "topics"; readonly cursor: number }
  | DrillScreen
  | InterviewScreen
  | InterviewSummaryScreen
  /** How to play a classroom challenge (it starts from the command line, with the teacher's code). */
  | { readonly kind: "challengeInfo" }
  | { readonly kind: "quit" };

/** A finished level, or drill puzzle (with when it was finished: spaced repetition dates it), not saved yet. */
export type Unsaved =
  | { readonly kind: "level"; readonly result: LevelResult }
  | {
      readonly kind: "drill";
      readonly result: LevelResult;
      readonly puzzle: Pick<DrillPuzzle, "concepts" | "misconceptions">;
      readonly now: number;
    };

/** What the reducer asks of the store; the session performs each, in order, and reports back with an action. */
export type Effect =
  /** Save the results in `unsaved`, oldest first. */
  | { readonly kind: "saveResults" }
  /** The same after a drill puzzle (the last in `unsaved`): a failure is told on the drill's screen. */
  | { readonly kind: "saveDrill" }
  | { readonly kind: "saveSettings"; readonly settings: Settings }
  | { readonly kind: "listProfiles" }
  /** Save what is unsaved, then play the profile `name` (created if new). */
  | { readonly kind: "switchProfile"; readonly name: string }
  /** Write a challenge's result file, and add the round to the profile's challenges. */
  | { readonly kind: "submitChallenge"; readonly submission: ChallengeSubmission };

export interface AppState {
  readonly chapters: readonly LoadedChapter[];
  readonly lang: Lang;
  readonly color: boolean;
  /** The name of the profile being played. */
  readonly profileName: string;
  /**
   * The UI's copy of the profile: as the store last returned it, with the results it could not save (yet) applied.
   * A finished level is applied here at once, so the result screen knows whether the next level opens.
   */
  readonly profile: Profile;
  /** The profile's levels, by id, as the campaign reads them (always levelProgress(profile)). */
  readonly progress: ProgressMap;
  /** Results the store has not saved: each save tries them again, oldest first, before anything new. */
  readonly unsaved: readonly Unsaved[];
  /** Lines for the title screen, in English (they name files): a damaged save moved aside, say. */
  readonly notices: readonly string[];
  readonly screen: Screen;
  /** A level left in the middle with back, which Continue resumes. */
  readonly suspended?: PlayScreen;
  /** What the session is to do with the store before the next key. */
  readonly effects: readonly Effect[];
}

/** What to report when the store fails: which change did not happen. */
export type Failure = "results" | "drill" | "settings" | "profiles" | "switch";

/**
 * A key (`now`: the clock in milliseconds when it arrived; the game measures answer times with it), the app's timer
 * (every second while an interview's clock runs), or the outcome of an effect: the profile as the store returned it
 * after a save, the profiles' names, another profile being played, or the store's error message.
 */
export type AppAction =
  | { readonly type: "key"; readonly key: Key; readonly now: number }
  | { readonly type: "tick"; readonly now: number }
  | {
      readonly type: "saved";
      readonly profile: Profile;
      readonly unsaved: readonly Unsaved[];
      readonly now: number;
    }
  | { readonly type: "profiles"; readonly names: readonly string[] }
  | { readonly type: "switched"; readonly name: string; readonly profile: Profile }
  | { readonly type: "failed"; readonly what: Failure; readonly message: string }
  /** What the store had to repair meanwhile (a save file damaged while the game ran, moved aside). */
  | { readonly type: "noticed"; readonly notices: readonly string[] }
  /** The challenge's result file was written (its path), or could not be (why). */
  | { readonly type: "challengeWritten"; readonly file: string }
  | { readonly type: "challengeNotWritten"; readonly error: string };

export interface InitialState {
  readonly chapters: readonly LoadedChapter[];
  readonly lang: Lang;
  readonly color: boolean;
  readonly profileName: string;
  readonly profile: Profile;
  readonly notices?: readonly string[];
  /** Where the game opens (the title menu by default), and the clock then: a drill's first puzzle depends on it. */
  readonly start?: GameStart | undefined;
  readonly now?: number;
}

export function initialState(init: InitialState): AppState {
  const { start, now = 0, ...rest } = init;
  const state: AppState = {
    ...rest,
    progress: levelProgress(init.profile),
    unsaved: [],
    notices: init.notices ?? [],
    screen: { kind: "menu", cursor: 0 },
    effects: [],
  };
  return start ? opening(state, start, now) : state;
}

/** The screen `start` asks for, over the title menu and the drill menu, where back leads. */
function opening(state: AppState, start: GameStart, now: number): AppState {
  switch (start.kind) {
    case "menu":
      return state;
    case "drill": {
      const { target: _, ...options } = start.options;
      const problem = checkDrillOptions(options);
      if (problem !== undefined) return { ...state, screen: { kind: "drillMenu", cursor: 0, problem } };
      return { ...state, screen: drillPuzzle(start.seed, options, 0, state.profile.drill, now, NO_TALLY) };
    }
    case "interview":
      return { ...state, screen: startInterview(start, now) };
    case "challenge":
      return { ...state, screen: startChallenge(start, now) };
    default:
      return assertNever(start);
  }
}

export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case "key":
      return onKey(state, action.key, action.now);
    case "tick":
      return state.screen.kind === "interview"
        ? submitting({ ...state, screen: interviewTick(state.screen, action.now) })
        : state;
    case "saved": {
      const profile = replay(action.profile, action.unsaved, action.now);
      const saved = { ...withProfile(state, profile), unsaved: action.unsaved };
      return action.unsaved.length === 0 ? withoutSaveError(saved) : saved;
    }
    case "profiles": {
      if (state.screen.kind !== "profiles") return state;
      const cursor = Math.max(0, action.names.indexOf(state.profileName));
      return { ...state, screen: { ...state.screen, names: action.names, cursor } };
    }
    case "switched":
      return switched(state, action.name, action.profile);
    case "failed":
      return failed(state, action.what, action.message);
    case "noticed":
      return action.notices.length === 0 ? state : { ...state, notices: [...state.notices, ...action.notices] };
    case "challengeWritten":
    case "challengeNotWritten": {
      const screen = state.screen;
      const outcome = screen.kind === "interviewSummary" ? screen.challenge : undefined;
      if (screen.kind !== "interviewSummary" || outcome?.status !== "saving") return state;
      const { submission } = outcome;
      const challenge: ChallengeOutcome =
        action.type === "challengeWritten"
          ? { status: "saved", submission, file: action.file }
          : { status: "failed", submission, error: action.error };
      return { ...state, screen: { ...screen, challenge } };
    }
    default:
      return assertNever(action);
  }
}

function onKey(state: AppState, key: Key, now: number): AppState {
  const screen = state.screen;
  if (screen.kind === "quit") return state;
  if (is(key, "quit")) return { ...state, screen: { kind: "quit" } };
  // Typing a name, every character types itself: "?" and "q" too.
  if (screen.kind === "newProfile") return onNewProfile(state, screen, key);
  if (is(key, "help") && screen.kind !== "help") return { ...state, screen: { kind: "help", under: screen } };
  switch (screen.kind) {
    case "menu":
      return onMenu(state, screen, key, now);
    case "campaign":
      return onCampaign(state, screen, key);
    case "chapter":
      return onChapter(state, screen, key);
    case "intro":
      if (is(key, "back")) return toChapter(state, screen.at);
      if (is(key, "choose") || is(key, "advance")) return play(state, screen.at, now);
      return state;
    case "play":
      return onPlay(state, screen, key, now);
    case "result":
      return onResult(state, screen, key, now);
    case "help":
      return is(key, "back") || is(key, "choose") ? { ...state, screen: screen.under } : state;
    case "settings":
      return onSettings(state, screen, key);
    case "stats":
      return is(key, "back") || is(key, "choose") ? toMenu(state, "stats") : state;
    case "profiles":
      return onProfiles(state, screen, key);
    case "drillMenu":
      return onDrillMenu(state, screen, key, now);
    case "topics":
      return onTopics(state, screen, key, now);
    case "drill":
      return onDrill(state, screen, key, now);
    case "interview":
      return onInterview(state, screen, key, now);
    case "interviewSummary": {
      const next = summaryKey(screen, key, state.lang);
      // A challenge is what the game was opened for: its summary is the end (the CLI then prints the file's path).
      if (next === "leave") return screen.challenge ? { ...state, screen: { kind: "quit" } } : toDrillMenu(state, "interview");
      return next === screen ? state : { ...state, screen: next };
    }
    case "challengeInfo":
      return is(key, "back") || is(key, "choose") || is(key, "advance") ? toMenu(state, "challenge") : state;
    default:
      return assertNever(screen);
  }
}

// ---- screens ----------------------------------------------------------------------------------------------------

function onMenu(state: AppState, screen: Extract<Screen, { kind: "menu" }>, key: Key, now: number): AppState {
  if (is(key, "back")) return { ...state, screen: { kind: "quit" } };
  const out = listKey(screen.cursor, MENU_ITEMS.length, key);
  if (out.kind === "moved") return { ...state, screen: { ...screen, cursor: out.cursor } };
  if (out.kind === "none") return state;
  const item = MENU_ITEMS[out.index] as MenuItem;
  switch (item) {
    case "continue":
      return continueGame(state);
    case "campaign":
      return {
        ...state,
        screen: { kind: "campaign", cursor: continueTarget(state.chapters, state.progress)?.chapter ?? 0 },
      };
    case "drill":
      return { ...state, screen: { kind: "drillMenu", cursor: 0 } };
    case "challenge":
      return { ...state, screen: { kind: "challengeInfo" } };
    case "stats":
      return { ...state, screen: { kind: "stats", now } };
    case "settings":
      return { ...state, screen: { kind: "settings", cursor: 0 } };
    case "profile":
      return withEffect(
        { ...state, screen: { kind: "profiles", cursor: 0, names: [state.profileName] } },
        { kind: "listProfiles" },
      );
    case "help":
      return { ...state, screen: { kind: "help", under: screen } };
    case "quit":
      return { ...state, screen: { kind: "quit" } };
    default:
      return assertNever(item);
  }
}

/** Resumes the level left in the middle, in the language now chosen; else opens the level to play next. */
function continueGame(state: AppState): AppState {
  const { suspended } = state;
  if (suspended) {
    const game = playReducer(suspended.game, { type: "setLang", lang: state.lang });
    return { ...state, suspended: undefined, screen: { ...suspended, game } };
  }
  const at = continueTarget(state.chapters, state.progress);
  if (!at) return { ...state, screen: { kind: "campaign", cursor: 0 } };
  return intro(state, at);
}

function onCampaign(state: AppState, screen: Extract<Screen, { kind: "campaign" }>, key: Key): AppState {
  if (is(key, "back")) return toMenu(state, "campaign");
  const out = listKey(screen.cursor, state.chapters.length, key);
  if (out.kind === "moved") return { ...state, screen: { ...screen, cursor: out.cursor } };
  if (out.kind === "none") return state;
  const chapter = out.index;
  return {
    ...state,
    screen: { kind: "chapter", chapter, cursor: chapterCursor(state.chapters, state.progress, chapter) },
  };
}

function onChapter(state: AppState, screen: Extract<Screen, { kind: "chapter" }>, key: Key): AppState {
  if (is(key, "back")) return { ...state, screen: { kind: "campaign", cursor: screen.chapter } };
  const count = state.chapters[screen.chapter]?.levels.length ?? 0;
  const out = listKey(screen.cursor, count, key);
  if (out.kind === "moved")
    return { ...state, screen: { kind: "chapter", chapter: screen.chapter, cursor: out.cursor } };
  if (out.kind === "none") return state;
  const at = { chapter: screen.chapter, level: out.index };
  if (!isUnlocked(state.chapters, state.progress, at)) {
    return { ...state, screen: { kind: "chapter", chapter: screen.chapter, cursor: out.index, locked: true } };
  }
  return { ...state, screen: { kind: "intro", at } };
}

/** The question's keys (state/play.ts); back leaves the level in the middle, which Continue resumes. */
function onPlay(state: AppState, screen: PlayScreen, key: Key, now: number): AppState {
  if (is(key, "back") && !screen.diagram) return { ...toChapter(state, screen.at), suspended: screen };
  if (screen.game.phase === "done") return finish(state, screen, now);
  const next = playKey(screen, key, now, PRACTICE_RULES);
  if (next === screen) return state;
  return next.game.phase === "done" ? finish(state, next, now) : { ...state, screen: next };
}

/** The result screen; the result applied to the UI's copy at once, and handed to the store to save. */
function finish(state: AppState, screen: PlayScreen, now: number): AppState {
  const r = result(screen.game);
  if (!r) return toChapter(state, screen.at);
  const played = withProfile(state, withLevelResult(state.profile, r, today(now)));
  return withEffect(
    {
      ...played,
      unsaved: [...state.unsaved, { kind: "level", result: r }],
      screen: { kind: "result", at: screen.at, result: r, cursor: 0 },
    },
    { kind: "saveResults" },
  );
}

/** What the result screen offers: the next level when it is open, playing this one again, the chapter's levels. */
export function resultItems(state: AppState, at: LevelRef): ResultItem[] {
  const next = nextLevel(state.chapters, at);
  const open = next !== undefined && isUnlocked(state.chapters, state.progress, next);
  return open ? ["next", "retry", "levels"] : ["retry", "levels"];
}

function onResult(state: AppState, screen: Extract<Screen, { kind: "result" }>, key: Key, now: number): AppState {
  if (is(key, "back")) return toChapter(state, screen.at);
  const items = resultItems(state, screen.at);
  const out = listKey(screen.cursor, items.length, key);
  if (out.kind === "moved") return { ...state, screen: { ...screen, cursor: out.cursor } };
  if (out.kind === "none") return state;
  const item = items[out.index] as ResultItem;
  switch (item) {
    case "next": {
      const next = nextLevel(state.chapters, screen.at);
      return next ? intro(state, next) : state;
    }
    case "retry":
      return play(state, screen.at, now);
    case "levels":
      return toChapter(state, screen.at);
    default:
      return assertNever(item);
  }
}

// ---- the drill (the screens' own logic is in drill.ts) -----------------------------------------------------------

function onDrillMenu(state: AppState, screen: Extract<Screen, { kind: "drillMenu" }>, key: Key, now: number): AppState {
  if (is(key, "back")) return toMenu(state, "drill");
  const out = listKey(screen.cursor, DRILL_ITEMS.length, key);
  if (out.kind === "moved") return { ...state, screen: { ...screen, cursor: out.cursor } };
  if (out.kind === "none") return state;
  const item = DRILL_ITEMS[out.index] as DrillItem;
  switch (item) {
    case "endless":
      return startDrill(state, {}, now);
    case "topic":
      return { ...state, screen: { kind: "topics", cursor: 0 } };
    case "interview": {
      const round = { seed: seedOf(now), count: INTERVIEW_COUNT, minutes: INTERVIEW_MINUTES };
      return { ...state, screen: startInterview(round, now) };
    }
    case "back":
      return toMenu(state, "drill");
    default:
      return assertNever(item);
  }
}

/** Each topic, then Back. */
function onTopics(state: AppState, screen: Extract<Screen, { kind: "topics" }>, key: Key, now: number): AppState {
  if (is(key, "back")) return toDrillMenu(state, "topic");
  const out = listKey(screen.cursor, TOPICS.length + 1, key);
  if (out.kind === "moved") return { ...state, screen: { kind: "topics", cursor: out.cursor } };
  if (out.kind === "none") return state;
  const topic = TOPICS[out.index];
  return topic === undefined ? toDrillMenu(state, "topic") : startDrill(state, { topic }, now);
}

/** A drill seeded from the clock: the UI never draws random numbers of its own. */
function startDrill(state: AppState, options: DrillChoice, now: number): AppState {
  return { ...state, screen: drillPuzzle(seedOf(now), options, 0, state.profile.drill, now, NO_TALLY) };
}

function seedOf(now: number): number {
  return Math.floor(now) >>> 0;
}

function onDrill(state: AppState, screen: DrillScreen, key: Key, now: number): AppState {
  const step = drillKey(screen, key, now, state.profile.drill, state.lang);
  if ("left" in step) return toDrillMenu(state, screen.options.topic === undefined ? "endless" : "topic", step.left);
  return afterStep(state, screen, step, now);
}

function onInterview(state: AppState, screen: InterviewScreen, key: Key, now: number): AppState {
  return submitting(afterStep(state, screen, interviewKey(screen, key, now, state.lang), now));
}

/** A challenge's summary just opened: its result is to be written. */
function submitting(state: AppState): AppState {
  const screen = state.screen;
  if (screen.kind !== "interviewSummary" || screen.challenge?.status !== "saving") return state;
  if (state.effects.some((e) => e.kind === "submitChallenge")) return state;
  return withEffect(state, { kind: "submitChallenge", submission: screen.challenge.submission });
}

/**
 * The drill's screen after a key; a finished puzzle applied to the UI's copy of the profile at once (the next
 * puzzle adapts to it even when the store cannot save it) and handed to the store.
 */
function afterStep<S extends Screen>(state: AppState, before: Screen, step: Step<S>, now: number): AppState {
  if (step.screen === before && !step.record) return state;
  const moved: AppState = { ...state, screen: step.screen };
  return step.record ? recordDrill(moved, step.record, now) : moved;
}

function recordDrill(state: AppState, { result: r, puzzle }: DrillRecord, now: number): AppState {
  const { concepts, misconceptions } = puzzle;
  const saved: Unsaved = { kind: "drill", result: r, puzzle: { concepts, misconceptions }, now };
  return withEffect(
    { ...withProfile(state, applied(state.profile, saved)), unsaved: [...state.unsaved, saved] },
    { kind: "saveDrill" },
  );
}

function toDrillMenu(state: AppState, item: DrillItem, last?: DrillTally): AppState {
  const cursor = DRILL_ITEMS.indexOf(item);
  return { ...state, screen: { kind: "drillMenu", cursor, ...(last && last.puzzles > 0 ? { last } : {}) } };
}

function onSettings(state: AppState, screen: Extract<Screen, { kind: "settings" }>, key: Key): AppState {
  if (is(key, "back")) return toMenu(state, "settings");
  const out = listKey(screen.cursor, SETTINGS_ITEMS.length, key);
  if (out.kind === "moved") return { ...state, screen: { ...screen, cursor: out.cursor } };
  if (out.kind === "none") return state;
  const item = SETTINGS_ITEMS[out.index] as SettingsItem;
  const here: AppState = { ...state, screen: { kind: "settings", cursor: out.index } };
  switch (item) {
    case "language": {
      const lang = state.lang === "en" ? "zh-CN" : "en";
      return withEffect({ ...here, lang }, { kind: "saveSettings", settings: { lang } });
    }
    case "colour": {
      const color = !state.color;
      return withEffect({ ...here, color }, { kind: "saveSettings", settings: { color } });
    }
    case "back":
      return toMenu(state, "settings");
    default:
      return assertNever(item);
  }
}

/** The profiles by name, then "New profile…" and "Back". */
export function profileItems(names: readonly string[]): ProfileItem[] {
  return [...names.map((name): ProfileItem => ({ kind: "profile", name })), { kind: "new" }, { kind: "back" }];
}

function onProfiles(state: AppState, screen: Extract<Screen, { kind: "profiles" }>, key: Key): AppState {
  if (is(key, "back")) return toMenu(state, "profile");
  const items = profileItems(screen.names);
  const out = listKey(screen.cursor, items.length, key);
  if (out.kind === "moved") return { ...state, screen: { kind: "profiles", cursor: out.cursor, names: screen.names } };
  if (out.kind === "none") return state;
  const item = items[out.index] as ProfileItem;
  const here: AppState = { ...state, screen: { kind: "profiles", cursor: out.index, names: screen.names } };
  switch (item.kind) {
    case "profile":
      return item.name === state.profileName
        ? toMenu(state, "profile")
        : withEffect(here, { kind: "switchProfile", name: item.name });
    case "new":
      return { ...state, screen: { kind: "newProfile", text: "", names: screen.names } };
    case "back":
      return toMenu(state, "profile");
    default:
      return assertNever(item);
  }
}

/** The name field: characters type, Backspace erases, Enter creates the profile if the name can be one, Esc leaves. */
function onNewProfile(state: AppState, screen: Extract<Screen, { kind: "newProfile" }>, key: Key): AppState {
  const { text, names } = screen;
  const typed = typedText(key);
  const field = (next: string): AppState => ({ ...state, screen: { kind: "newProfile", text: next, names } });
  if (typed !== undefined) return [...text].length >= NAME_FIELD_MAX ? state : field(text + typed);
  if (is(key, "erase")) return field([...text].slice(0, -1).join(""));
  if (is(key, "back")) return { ...state, screen: { kind: "profiles", cursor: names.length, names } };
  if (!is(key, "choose")) return state;
  const problem = nameProblem(text, names);
  if (problem) return { ...state, screen: { kind: "newProfile", text, names, problem } };
  return withEffect({ ...state, screen: { kind: "newProfile", text, names } }, { kind: "switchProfile", name: text });
}

// ---- outcomes of effects ----------------------------------------------------------------------------------------

/**
 * Another profile is played: its progress, its saved language and colour (when it has them), the menu. A level left
 * in the middle is dropped: it was played as the other profile, and its result would be saved to this one.
 */
function switched(state: AppState, name: string, profile: Profile): AppState {
  return {
    ...withProfile(state, profile),
    suspended: undefined,
    profileName: name,
    unsaved: [],
    lang: profile.settings.lang ?? state.lang,
    color: profile.settings.color ?? state.color,
    screen: { kind: "menu", cursor: MENU_ITEMS.indexOf("profile") },
  };
}

/** The store's message, on the screen of the change that failed; elsewhere (the player moved on) nothing. */
function failed(state: AppState, what: Failure, message: string): AppState {
  const screen = state.screen;
  switch (what) {
    case "results":
      return screen.kind === "result" ? { ...state, screen: { ...screen, saveError: message } } : state;
    case "drill":
      return isDrillScreen(screen) ? { ...state, screen: { ...screen, saveError: message } } : state;
    case "settings":
      return screen.kind === "settings" ? { ...state, screen: { ...screen, saveError: message } } : state;
    case "profiles":
    case "switch":
      if (screen.kind === "profiles") return { ...state, screen: { ...screen, error: { what, message } } };
      if (screen.kind === "newProfile") return { ...state, screen: { ...screen, error: message } };
      return state;
    default:
      return assertNever(what);
  }
}

// ---- moves ------------------------------------------------------------------------------------------------------

function withEffect(state: AppState, effect: Effect): AppState {
  return { ...state, effects: [...state.effects, effect] };
}

function withProfile(state: AppState, profile: Profile): AppState {
  return { ...state, profile, progress: levelProgress(profile) };
}

/** The profile as the store returned it, with the results it has not saved applied again. */
function replay(profile: Profile, unsaved: readonly Unsaved[], now: number): Profile {
  return unsaved.reduce(
    (p, u) => (u.kind === "level" ? withLevelResult(p, u.result, today(now)) : applied(p, u)),
    profile,
  );
}

/** A drill puzzle applied to a profile as the store applies it. */
function applied(profile: Profile, u: Extract<Unsaved, { kind: "drill" }>): Profile {
  return withDrillResult(profile, u.result, u.puzzle, u.now, today(u.now));
}

type DrillScreens = DrillScreen | InterviewScreen | InterviewSummaryScreen;

function isDrillScreen(screen: Screen): screen is DrillScreens {
  return screen.kind === "drill" || screen.kind === "interview" || screen.kind === "interviewSummary";
}

/** Everything is saved now: the drill's screens stop saying it is not. */
function withoutSaveError(state: AppState): AppState {
  const screen = state.screen;
  if (!isDrillScreen(screen) || screen.saveError === undefined) return state;
  const { saveError: _, ...rest } = screen;
  return { ...state, screen: rest };
}

function toMenu(state: AppState, item: MenuItem): AppState {
  return { ...state, screen: { kind: "menu", cursor: MENU_ITEMS.indexOf(item) } };
}

function toChapter(state: AppState, at: LevelRef): AppState {
  return { ...state, screen: { kind: "chapter", chapter: at.chapter, cursor: at.level } };
}

function intro(state: AppState, at: LevelRef): AppState {
  return { ...state, screen: { kind: "intro", at } };
}

/** Starts the level afresh; a level left in the middle is dropped. */
function play(state: AppState, at: LevelRef, now: number): AppState {
  const level = levelAt(state.chapters, at);
  if (!level) return toChapter(state, at);
  const game = startLevel(level, state.lang, now);
  const screen: PlayScreen = { kind: "play", at, game, cursor: 0, diagram: false };
  return game.phase === "done"
    ? finish({ ...state, suspended: undefined }, screen, now)
    : { ...state, suspended: undefined, screen };
}
