import { assertNever } from "../../engine";
import { type Lang, type LevelResult, type PlayState, playReducer, questionView, result, startLevel } from "../../game";
import type { LoadedChapter } from "../../levels/loader";
import { withResult } from "../../store/progress";
import {
  chapterCursor,
  continueTarget,
  isUnlocked,
  type LevelRef,
  levelAt,
  nextLevel,
  type ProgressMap,
} from "../campaign";
import { is, type Key } from "../keys";
import { listKey } from "./list";

/**
 * The whole UI as one pure reducer: which screen is open, its cursor, the level being played, the settings. The
 * app sends every key here, one at a time, each applied to the state the previous one left; nothing is decided
 * in components. Side effects (saving a result, quitting) are read off the state by the app.
 */

export const MENU_ITEMS = ["continue", "campaign", "drill", "challenge", "stats", "settings", "help", "quit"] as const;
export type MenuItem = (typeof MENU_ITEMS)[number];
/** Menu items that later versions bring. */
export type Feature = Extract<MenuItem, "drill" | "challenge" | "stats">;

export const SETTINGS_ITEMS = ["language", "colour", "back"] as const;
export type SettingsItem = (typeof SETTINGS_ITEMS)[number];

export type ResultItem = "next" | "retry" | "levels";

export interface PlayScreen {
  readonly kind: "play";
  readonly at: LevelRef;
  readonly game: PlayState;
  /** The highlighted choice while a question is open. */
  readonly cursor: number;
  /** The state diagram is shown instead of the play screen. */
  readonly diagram: boolean;
  /** The text of the choice just answered, shown with the feedback. */
  readonly chosen?: string;
}

export type Screen =
  | { readonly kind: "menu"; readonly cursor: number }
  | { readonly kind: "campaign"; readonly cursor: number }
  /** A chapter's levels; `locked` once the player tried to open a locked one. */
  | { readonly kind: "chapter"; readonly chapter: number; readonly cursor: number; readonly locked?: true }
  | { readonly kind: "intro"; readonly at: LevelRef }
  | PlayScreen
  | { readonly kind: "result"; readonly at: LevelRef; readonly result: LevelResult; readonly cursor: number }
  /** Help over another screen, which back returns to. */
  | { readonly kind: "help"; readonly under: Screen }
  | { readonly kind: "settings"; readonly cursor: number }
  | { readonly kind: "soon"; readonly feature: Feature }
  | { readonly kind: "quit" };

export interface AppState {
  readonly chapters: readonly LoadedChapter[];
  readonly lang: Lang;
  readonly color: boolean;
  /** The UI's copy of the progress: the app saves each result to the store as well. */
  readonly progress: ProgressMap;
  readonly screen: Screen;
  /** A level left in the middle with back, which Continue resumes. */
  readonly suspended?: PlayScreen;
}

/** `now` is the clock in milliseconds when the key arrived: the game measures answer times with it. */
export type AppAction = { readonly type: "key"; readonly key: Key; readonly now: number };

export function initialState(init: Pick<AppState, "chapters" | "lang" | "color" | "progress">): AppState {
  return { ...init, screen: { kind: "menu", cursor: 0 } };
}

export function appReducer(state: AppState, action: AppAction): AppState {
  const { key, now } = action;
  const screen = state.screen;
  if (screen.kind === "quit") return state;
  if (is(key, "quit")) return { ...state, screen: { kind: "quit" } };
  if (is(key, "help") && screen.kind !== "help") return { ...state, screen: { kind: "help", under: screen } };
  switch (screen.kind) {
    case "menu":
      return onMenu(state, screen, key);
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
    case "soon":
      return is(key, "back") || is(key, "choose") || is(key, "advance") ? toMenu(state, screen.feature) : state;
    default:
      return assertNever(screen);
  }
}

// ---- screens ----------------------------------------------------------------------------------------------------

function onMenu(state: AppState, screen: Extract<Screen, { kind: "menu" }>, key: Key): AppState {
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
    case "challenge":
    case "stats":
      return { ...state, screen: { kind: "soon", feature: item } };
    case "settings":
      return { ...state, screen: { kind: "settings", cursor: 0 } };
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

function onPlay(state: AppState, screen: PlayScreen, key: Key, now: number): AppState {
  // The diagram covers the screen: only its own key and back close it.
  if (screen.diagram) {
    return is(key, "diagram") || is(key, "back") ? { ...state, screen: { ...screen, diagram: false } } : state;
  }
  if (is(key, "diagram")) return { ...state, screen: { ...screen, diagram: true } };
  if (is(key, "back")) return { ...toChapter(state, screen.at), suspended: screen };

  const game = screen.game;
  switch (game.phase) {
    case "question": {
      if (is(key, "hint")) return withGame(state, screen, playReducer(game, { type: "hint" }));
      const question = questionView(game);
      if (!question) return state;
      const out = listKey(screen.cursor, question.choices.length, key);
      if (out.kind === "moved") return { ...state, screen: { ...screen, cursor: out.cursor } };
      if (out.kind === "none") return state;
      const answered = playReducer(game, { type: "answer", choice: out.index, now });
      const chosen = question.choices[out.index]?.label;
      return {
        ...state,
        screen: { ...screen, game: answered, cursor: 0, ...(chosen === undefined ? {} : { chosen }) },
      };
    }
    case "feedback":
      return is(key, "advance") ? withGame(state, screen, playReducer(game, { type: "next", now })) : state;
    case "done":
      return finish(state, screen);
    default:
      return assertNever(game.phase);
  }
}

/** The screen with the game moved on; the level's result once it is done. */
function withGame(state: AppState, screen: PlayScreen, game: PlayState): AppState {
  const next = { ...screen, game };
  return game.phase === "done" ? finish(state, next) : { ...state, screen: next };
}

function finish(state: AppState, screen: PlayScreen): AppState {
  const r = result(screen.game);
  if (!r) return toChapter(state, screen.at);
  const progress = new Map(state.progress);
  progress.set(r.levelId, withResult(state.progress.get(r.levelId), r));
  return { ...state, progress, screen: { kind: "result", at: screen.at, result: r, cursor: 0 } };
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

function onSettings(state: AppState, screen: Extract<Screen, { kind: "settings" }>, key: Key): AppState {
  if (is(key, "back")) return toMenu(state, "settings");
  const out = listKey(screen.cursor, SETTINGS_ITEMS.length, key);
  if (out.kind === "moved") return { ...state, screen: { ...screen, cursor: out.cursor } };
  if (out.kind === "none") return state;
  const item = SETTINGS_ITEMS[out.index] as SettingsItem;
  const here = { ...state, screen: { ...screen, cursor: out.index } };
  switch (item) {
    case "language":
      return { ...here, lang: state.lang === "en" ? "zh-CN" : "en" };
    case "colour":
      return { ...here, color: !state.color };
    case "back":
      return toMenu(state, "settings");
    default:
      return assertNever(item);
  }
}

// ---- moves ------------------------------------------------------------------------------------------------------

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
    ? finish({ ...state, suspended: undefined }, screen)
    : { ...state, suspended: undefined, screen };
}
