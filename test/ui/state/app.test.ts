import { beforeAll, describe, expect, it } from "vitest";
import { questionsOf } from "../../../src/game";
import { sameAnswer } from "../../../src/levels/answer";
import { type LoadedChapter, loadPack } from "../../../src/levels/loader";
import { emptyProfile } from "../../../src/store/profile";
import type { LevelRecord, Profile } from "../../../src/store/schema";
import type { Key } from "../../../src/ui/keys";
import {
  type AppState,
  appReducer,
  initialState,
  MENU_ITEMS,
  type PlayScreen,
  resultItems,
} from "../../../src/ui/state/app";
import { realFs } from "../../fixtures/realFs";

let chapters: readonly LoadedChapter[];
beforeAll(async () => {
  chapters = (await loadPack("levels", realFs)).chapters;
});

/** A profile that has these levels' records and nothing else. */
const profileWith = (levels: Record<string, LevelRecord> = {}): Profile => ({ ...emptyProfile(0), levels });

/** The reducer alone, on a fresh profile: what it asks of the store is left in `effects` (see session.test.ts). */
const start = (profile = profileWith()): AppState =>
  initialState({ chapters, lang: "en", color: true, profileName: "default", profile });

/** Applies keys in order, each at time 0 (answers are instant: full speed bonus). */
function keys(state: AppState, ...ks: Key[]): AppState {
  return ks.reduce((s, key) => appReducer(s, { type: "key", key, now: 0 }), state);
}

function playScreen(s: AppState): PlayScreen {
  if (s.screen.kind !== "play") throw new Error(`expected the play screen, got ${s.screen.kind}`);
  return s.screen;
}

/** The digit key of the right (or a wrong) choice of the open question. */
function choiceKey(s: AppState, right: boolean): Key {
  const game = playScreen(s).game;
  const slot = questionsOf(game.level)[game.current];
  if (!slot) throw new Error("no open question");
  const i = slot.question.choices.findIndex((c) => sameAnswer(c.answer, slot.question.correct) === right);
  return String(i + 1);
}

/** Answers every question of the level being played, right or wrong, and continues after each. */
function playThrough(s: AppState, right: boolean): AppState {
  let state = s;
  while (state.screen.kind === "play") state = keys(state, choiceKey(state, right), "enter");
  return state;
}

/** From the menu: Continue, start the level. */
const toFirstQuestion = (): AppState => keys(start(), "enter", "enter");

describe("the menu", () => {
  it("opens on Continue; arrows and j/k move, wrapping around", () => {
    expect(start().screen).toEqual({ kind: "menu", cursor: 0 });
    expect(keys(start(), "down", "j").screen).toEqual({ kind: "menu", cursor: 2 });
    expect(keys(start(), "up").screen).toEqual({ kind: "menu", cursor: MENU_ITEMS.length - 1 });
  });

  it("challenge: a screen saying how to play one; back returns to its item", () => {
    expect(keys(start(), "4").screen).toEqual({ kind: "challengeInfo" });
    expect(keys(start(), "4", "escape").screen).toEqual({ kind: "menu", cursor: 3 });
  });

  it("drill: the drill menu; back returns to its item", () => {
    expect(keys(start(), "3").screen).toEqual({ kind: "drillMenu", cursor: 0 });
    expect(keys(start(), "3", "escape").screen).toEqual({ kind: "menu", cursor: 2 });
  });

  it("stats: the statistics as of the key's time; back or Enter returns to its item", () => {
    const stats = appReducer(start(), { type: "key", key: "5", now: 1234 });
    expect(stats.screen).toEqual({ kind: "stats", now: 1234 });
    expect(keys(stats, "escape").screen).toEqual({ kind: "menu", cursor: 4 });
    expect(keys(stats, "enter").screen).toEqual({ kind: "menu", cursor: 4 });
  });

  it("Esc, q and Quit quit; Ctrl+C quits from anywhere", () => {
    for (const s of [
      keys(start(), "escape"),
      keys(start(), "q"),
      keys(start(), "9"),
      keys(toFirstQuestion(), "ctrl+c"),
    ]) {
      expect(s.screen).toEqual({ kind: "quit" });
    }
  });

  it("? opens the help over any screen; back returns to it", () => {
    const q = toFirstQuestion();
    const help = keys(q, "?");
    expect(help.screen).toEqual({ kind: "help", under: q.screen });
    expect(keys(help, "escape").screen).toBe(q.screen);
  });
});

describe("the campaign", () => {
  it("chapters, then a chapter's levels; back goes up a level at a time", () => {
    const campaign = keys(start(), "2");
    expect(campaign.screen).toEqual({ kind: "campaign", cursor: 0 });
    expect(keys(campaign, "down", "enter").screen).toEqual({ kind: "chapter", chapter: 1, cursor: 0 });
    expect(keys(campaign, "down", "enter", "escape").screen).toEqual({ kind: "campaign", cursor: 1 });
    expect(keys(campaign, "escape").screen).toEqual({ kind: "menu", cursor: 1 });
  });

  it("a locked level does not open: the chapter says why", () => {
    expect(keys(start(), "2", "enter", "2").screen).toEqual({ kind: "chapter", chapter: 0, cursor: 1, locked: true });
  });

  it("the first level of every chapter is open", () => {
    const s = keys(start(), "2", "down", "down", "enter", "enter");
    expect(s.screen).toEqual({ kind: "intro", at: { chapter: 2, level: 0 } });
  });
});

describe("playing a level", () => {
  it("Continue opens the first level's introduction; Enter starts it", () => {
    expect(keys(start(), "enter").screen).toEqual({ kind: "intro", at: { chapter: 0, level: 0 } });
    const s = playScreen(toFirstQuestion());
    expect(s.game.phase).toBe("question");
    expect(s.cursor).toBe(0);
  });

  it("↓ ↓ Enter answers the third choice, however fast they come", () => {
    const s = playScreen(keys(toFirstQuestion(), "down", "down", "enter"));
    const slot = questionsOf(s.game.level)[0];
    expect(s.game.answers[0]?.chosen).toEqual(slot?.question.choices[2]?.answer);
  });

  it("h shows the hint; the answer then scores half", () => {
    const s = keys(toFirstQuestion(), "h");
    expect(playScreen(s).game.hintShown).toBe(true);
    expect(playScreen(keys(s, choiceKey(s, true))).game.answers[0]?.points).toBe(60);
  });

  it("during feedback only continue, the diagram, help and back act", () => {
    const s = keys(toFirstQuestion(), "4");
    expect(playScreen(s).game.phase).toBe("feedback");
    expect(keys(s, "1", "down", "h")).toEqual(s);
    expect(playScreen(keys(s, "space")).game.phase).toBe("question");
  });

  it("s shows the diagram over the question; other keys wait until s or Esc hides it", () => {
    const s = keys(toFirstQuestion(), "s");
    expect(playScreen(s).diagram).toBe(true);
    expect(keys(s, "1", "down", "enter")).toEqual(s);
    expect(playScreen(keys(s, "escape")).diagram).toBe(false);
    expect(playScreen(keys(s, "s")).diagram).toBe(false);
  });

  it("back leaves the level for its chapter; Continue resumes it, in the language chosen meanwhile", () => {
    const left = keys(toFirstQuestion(), "4", "enter", "escape");
    expect(left.screen).toEqual({ kind: "chapter", chapter: 0, cursor: 0 });
    expect(left.suspended?.game.current).toBe(1);
    const resumed = keys(left, "escape", "escape", "6", "enter", "escape", "1");
    expect(resumed.suspended).toBeUndefined();
    expect(playScreen(resumed).game.current).toBe(1);
    expect(playScreen(resumed).game.lang).toBe("zh-CN");
  });

  it("every answer right: three stars, the progress recorded, the next level open and offered first", () => {
    const done = playThrough(toFirstQuestion(), true);
    expect(done.screen.kind).toBe("result");
    if (done.screen.kind !== "result") return;
    expect(done.screen.result).toMatchObject({ levelId: "handshake-first-syn", correct: 5, total: 5, stars: 3 });
    // The UI's copy has the result at once; saving it is asked of the store.
    expect(done.progress.get("handshake-first-syn")).toMatchObject({ stars: 3, attempts: 1, completed: true });
    expect(done.unsaved).toEqual([{ kind: "level", result: done.screen.result }]);
    expect(done.effects).toEqual([{ kind: "saveResults" }]);
    expect(resultItems(done, done.screen.at)).toEqual(["next", "retry", "levels"]);
    expect(keys(done, "enter").screen).toEqual({ kind: "intro", at: { chapter: 0, level: 1 } });
    // Continue now goes to the level after it.
    expect(keys(done, "escape", "escape", "escape", "1").screen).toEqual({
      kind: "intro",
      at: { chapter: 0, level: 1 },
    });
  });

  it("every answer wrong: no star, the next level stays locked; retry plays the level again", () => {
    const done = playThrough(toFirstQuestion(), false);
    if (done.screen.kind !== "result") throw new Error("no result");
    expect(done.screen.result.stars).toBe(0);
    expect(resultItems(done, done.screen.at)).toEqual(["retry", "levels"]);
    const again = playScreen(keys(done, "enter"));
    expect([again.game.phase, again.game.answers.length]).toEqual(["question", 0]);
    expect(keys(done, "2").screen).toEqual({ kind: "chapter", chapter: 0, cursor: 0 });
  });

  it("the last level of a chapter leads to the first of the next", () => {
    const chapter = chapters[0]?.levels ?? [];
    const played = { stars: 3, bestScore: 1, maxScore: 1, attempts: 1, completed: true, lastPlayed: "2025-01-01" };
    let s = start(profileWith(Object.fromEntries(chapter.map((l) => [l.level.id, played]))));
    s = keys(s, "2", "1", String(chapter.length), "enter");
    s = playThrough(s, true);
    expect(keys(s, "enter").screen).toEqual({ kind: "intro", at: { chapter: 1, level: 0 } });
  });
});

describe("settings", () => {
  it("language and colour switch when chosen, each saved in the profile; back returns to the menu", () => {
    const s = keys(start(), "6", "enter", "2");
    expect([s.lang, s.color]).toEqual(["zh-CN", false]);
    expect(s.effects).toEqual([
      { kind: "saveSettings", settings: { lang: "zh-CN" } },
      { kind: "saveSettings", settings: { color: false } },
    ]);
    expect(keys(s, "3").screen).toEqual({ kind: "menu", cursor: 5 });
  });
});
