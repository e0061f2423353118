import { beforeAll, describe, expect, it } from "vitest";
import { type LevelResult, questionsOf } from "../../src/game";
import { sameAnswer } from "../../src/levels/answer";
import { type LoadedChapter, loadPack } from "../../src/levels/loader";
import { emptyProfile } from "../../src/store/profile";
import { memoryProgressStore, type ProgressStore } from "../../src/store/progress";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SaveError, SaveFile } from "../../src/store/saveFile";
import type { Profile } from "../../src/store/schema";
import type { Key } from "../../src/ui/keys";
import { openSession, pressKey, type Session } from "../../src/ui/session";
import { MENU_ITEMS, resultItems } from "../../src/ui/state/app";
import { realFs } from "../fixtures/realFs";

/**
 * The game with a store, as the app plays it: each key through the reducer, then what it asks of the store, before
 * the next key. The stores are memory stores (src/store/progress.ts); two stores on one map of profiles are two
 * terminals playing the same save.
 */
let chapters: readonly LoadedChapter[];
beforeAll(async () => {
  chapters = (await loadPack("levels", realFs)).chapters;
});

const NOW = Date.UTC(2025, 2, 14, 12);
const FIRST = "handshake-first-syn";

function open(store: ProgressStore = memoryProgressStore({ now: () => NOW }), notices: string[] = []): Session {
  return openSession({ chapters, store, lang: "en", color: true, notices, now: NOW });
}

function keys(session: Session, ...ks: Key[]): Session {
  return ks.reduce((s, key) => pressKey(s, key, NOW), session);
}

/** Types text into the name field, a key per character. */
const type = (session: Session, text: string): Session => keys(session, ...[...text]);

/** Answers every question of the level being played, right, and continues after each, to the result screen. */
function playThrough(session: Session): Session {
  let s = session;
  while (s.state.screen.kind === "play") {
    const game = s.state.screen.game;
    const slot = questionsOf(game.level)[game.current];
    if (!slot) throw new Error("no open question");
    const i = slot.question.choices.findIndex((c) => sameAnswer(c.answer, slot.question.correct));
    s = keys(s, String(i + 1), "enter");
  }
  return s;
}

/** From the menu: Continue, start, every answer right. */
const playFirstLevel = (s: Session): Session => playThrough(keys(s, "enter", "enter"));

function result(levelId: string, stars: 0 | 1 | 2 | 3): LevelResult {
  const rest = { correct: 1, total: 1, ms: 1000, review: [], concepts: [], answers: [] };
  return { levelId, score: 100, maxScore: 300, stars, ...rest };
}

/** Profiles already saved, by name: the map memory stores share. */
function saved(profiles: Record<string, Partial<Profile>>): Map<string, Profile> {
  return new Map(Object.entries(profiles).map(([name, p]) => [name, { ...emptyProfile(0), ...p }]));
}

/** A store whose every save fails, as a full disk makes it. */
function failing(store: ProgressStore, message = "cannot use the save file /x/progress.json: ENOSPC"): ProgressStore {
  const fail = (): never => {
    throw new SaveError(message);
  };
  return { ...store, record: fail, saveSettings: fail, switchTo: fail };
}

describe("a finished level", () => {
  it("is saved, and the UI's copy is the profile the store returns", () => {
    const store = memoryProgressStore({ now: () => NOW });
    const done = playFirstLevel(open(store));
    expect(done.state.screen.kind).toBe("result");
    expect(store.load().levels[FIRST]).toMatchObject({ stars: 3, attempts: 1, completed: true });
    expect(store.load().totals).toMatchObject({ plays: 1, answered: 5, correct: 5 });
    expect(done.state.profile).toEqual(store.load());
    expect([done.state.unsaved, done.state.effects]).toEqual([[], []]);
  });

  it("brings in what another terminal saved meanwhile", () => {
    const profiles = new Map<string, Profile>();
    const here = open(memoryProgressStore({ now: () => NOW, profiles }));
    // Another terminal, same profile: it finishes the second chapter's first level while this one plays.
    const secondChapter = chapters[1]?.levels[0]?.level.id ?? expect.unreachable();
    memoryProgressStore({ now: () => NOW, profiles }).record(result(secondChapter, 2));
    expect(here.state.progress.has(secondChapter)).toBe(false);
    const done = playFirstLevel(here);
    expect(done.state.progress.get(secondChapter)).toMatchObject({ stars: 2 });
    expect(done.state.progress.get(FIRST)).toMatchObject({ stars: 3 });
  });

  it("the save file was damaged while the game ran: saved all the same, and the title screen says where it went", () => {
    const home = mkdtempSync(join(tmpdir(), "tcp-tutor-ui-"));
    const save = SaveFile.open(home, () => NOW);
    const here = open(save.store());
    writeFileSync(join(home, "progress.json"), "{ torn");
    const done = playFirstLevel(here);
    const backup = join(home, "progress.damaged-20250314-120000.json");
    expect(readFileSync(backup, "utf8")).toBe("{ torn");
    // The parser's own words in the middle differ between Node versions.
    expect(done.state.notices).toHaveLength(1);
    expect(done.state.notices[0]).toMatch(`the save file ${join(home, "progress.json")} is not valid JSON (`);
    expect(done.state.notices[0]).toMatch(new RegExp(`\\): it was moved to ${backup} and progress starts fresh$`));
    expect(save.store().load().levels[FIRST]).toMatchObject({ stars: 3, attempts: 1 });
  });

  it("the store cannot save it: the result screen says why in one line, and the game goes on with it", () => {
    const memory = memoryProgressStore({ now: () => NOW });
    const done = playFirstLevel(open(failing(memory)));
    if (done.state.screen.kind !== "result") throw new Error("no result screen");
    expect(done.state.screen.saveError).toBe("cannot use the save file /x/progress.json: ENOSPC");
    // The next level opens all the same, for this run.
    expect(resultItems(done.state, done.state.screen.at)).toEqual(["next", "retry", "levels"]);
    expect(done.state.unsaved).toHaveLength(1);
    expect(memory.load().levels).toEqual({});
  });

  it("a result not saved is saved with the next one, once the store can again", () => {
    const memory = memoryProgressStore({ now: () => NOW });
    let broken = true;
    const flaky: ProgressStore = {
      ...memory,
      record: (r) => {
        if (broken) throw new SaveError("disk full");
        return memory.record(r);
      },
    };
    let s = playFirstLevel(open(flaky));
    broken = false;
    s = playThrough(keys(s, "enter", "enter"));
    expect(Object.keys(memory.load().levels).sort()).toEqual([FIRST, chapters[0]?.levels[1]?.level.id].sort());
    expect(s.state.unsaved).toEqual([]);
    if (s.state.screen.kind !== "result") throw new Error("no result screen");
    expect(s.state.screen.saveError).toBeUndefined();
  });
});

describe("settings", () => {
  it("each change is saved in the profile", () => {
    const store = memoryProgressStore({ now: () => NOW });
    const s = keys(open(store), "6", "enter");
    expect(store.load().settings).toEqual({ lang: "zh-CN" });
    keys(s, "2");
    expect(store.load().settings).toEqual({ lang: "zh-CN", color: false });
  });

  it("a change the store cannot save holds for this run, and the settings screen says so", () => {
    const s = keys(open(failing(memoryProgressStore())), "6", "2");
    expect(s.state.color).toBe(false);
    expect(s.state.screen).toMatchObject({ kind: "settings", saveError: expect.stringContaining("ENOSPC") });
  });
});

describe("profiles", () => {
  const twoProfiles = () =>
    memoryProgressStore({
      now: () => NOW,
      profiles: saved({
        ana: {
          settings: { lang: "zh-CN", color: false },
          levels: {
            [FIRST]: { bestScore: 1, maxScore: 1, stars: 2, attempts: 1, completed: true, lastPlayed: "2025-03-13" },
          },
        },
      }),
    });
  const PROFILE = String(MENU_ITEMS.indexOf("profile") + 1);

  it("the menu item lists every profile, the one played under the cursor", () => {
    const s = keys(open(twoProfiles()), PROFILE);
    expect(s.state.screen).toEqual({ kind: "profiles", cursor: 1, names: ["ana", "default"] });
  });

  it("choosing another plays it: its progress, its language and colour, back on the menu", () => {
    const s = keys(open(twoProfiles()), PROFILE, "1");
    expect(s.store.profile).toBe("ana");
    expect(s.state.profileName).toBe("ana");
    expect(s.state.progress.get(FIRST)).toMatchObject({ stars: 2 });
    expect([s.state.lang, s.state.color]).toEqual(["zh-CN", false]);
    expect(s.state.screen).toEqual({ kind: "menu", cursor: MENU_ITEMS.indexOf("profile") });
    // What is played next is saved in that profile.
    keys(s, "6", "enter");
    expect(s.store.load().settings).toEqual({ lang: "en", color: false });
  });

  it("a profile without saved settings keeps the language and colour played now", () => {
    const store = memoryProgressStore({ now: () => NOW, profiles: saved({ bo: {} }) });
    const s = keys(open(store), PROFILE, "1");
    expect([s.state.profileName, s.state.lang, s.state.color]).toEqual(["bo", "en", true]);
  });

  it("choosing the one played changes nothing", () => {
    const before = open(twoProfiles());
    const s = keys(before, PROFILE, "2");
    expect(s.store).toBe(before.store);
    expect(s.state.screen).toEqual({ kind: "menu", cursor: MENU_ITEMS.indexOf("profile") });
  });

  it("switching drops the level left in the middle", () => {
    const left = keys(open(twoProfiles()), "enter", "enter", "1", "enter", "escape", "escape", "escape");
    expect(left.state.suspended).toBeDefined();
    expect(keys(left, PROFILE, "1").state.suspended).toBeUndefined();
  });

  it("a switch the store refuses leaves everything as it was and says why", () => {
    const s = keys(open(failing(twoProfiles(), "cannot lock the save file")), PROFILE, "1");
    expect(s.state.profileName).toBe("default");
    expect(s.state.screen).toMatchObject({
      kind: "profiles",
      error: { what: "switch", message: "cannot lock the save file" },
    });
  });

  it("results the store could not save are saved before switching, or the switch waits", () => {
    const memory = memoryProgressStore({ now: () => NOW });
    let broken = true;
    const flaky: ProgressStore = {
      ...memory,
      record: (r) => {
        if (broken) throw new SaveError("disk full");
        return memory.record(r);
      },
    };
    const played = keys(playFirstLevel(open(flaky)), "escape", "escape", "escape");
    const refused = keys(played, PROFILE, "2", ...[..."bo"], "enter");
    expect(refused.state.screen).toMatchObject({ kind: "newProfile", error: "disk full" });
    broken = false;
    const switched = keys(refused, "enter");
    expect(switched.state.profileName).toBe("bo");
    expect(memory.load().levels[FIRST]).toMatchObject({ stars: 3 });
  });
});

describe("typing a new profile's name", () => {
  const PROFILE = String(MENU_ITEMS.indexOf("profile") + 1);
  /** The profiles screen of a save with "ana" and "default", then "New profile…". */
  const field = (store = memoryProgressStore({ now: () => NOW, profiles: saved({ ana: {} }) })) =>
    keys(open(store), PROFILE, "3");

  it("New profile… opens an empty name field", () => {
    expect(field().state.screen).toEqual({ kind: "newProfile", text: "", names: ["ana", "default"] });
  });

  it("characters type, Backspace erases; Enter creates the profile and plays it", () => {
    const s = keys(type(field(), "boby"), "backspace");
    expect(s.state.screen).toMatchObject({ text: "bob" });
    const created = keys(s, "enter");
    expect(created.state.profileName).toBe("bob");
    expect(created.store.profiles()).toEqual(["ana", "bob", "default"]);
    expect(created.state.progress.size).toBe(0);
    expect(created.state.screen).toEqual({ kind: "menu", cursor: MENU_ITEMS.indexOf("profile") });
  });

  it("Chinese names work: letters of any script", () => {
    const s = keys(type(field(), "张三"), "enter");
    expect(s.state.profileName).toBe("张三");
    expect(s.store.profiles()).toContain("张三");
  });

  it("q, ?, digits, j and k type themselves; only Ctrl+C quits", () => {
    const s = type(field(), "q?1jk");
    expect(s.state.screen).toMatchObject({ kind: "newProfile", text: "q?1jk" });
    expect(keys(s, "ctrl+c").state.screen).toEqual({ kind: "quit" });
  });

  it("Backspace on an empty field, arrows: nothing", () => {
    expect(keys(field(), "backspace", "up", "down").state.screen).toEqual(field().state.screen);
  });

  it.each([
    ["", { kind: "empty" }],
    ["-ana", { kind: "start" }],
    ["ana bo", { kind: "char", char: " " }],
    ["ana?", { kind: "char", char: "?" }],
    ["a".repeat(33), { kind: "tooLong", max: 32 }],
    ["ana", { kind: "exists", name: "ana" }],
  ])("%j cannot be a new profile: the screen says why, and nothing changes", (text, problem) => {
    const before = field();
    const s = keys(type(before, text), "enter");
    expect(s.state.screen).toEqual({ kind: "newProfile", text, names: ["ana", "default"], problem });
    expect([s.state.profileName, s.store]).toEqual(["default", before.store]);
    expect(s.store.profiles()).toEqual(["ana", "default"]);
  });

  it("typing again clears the problem", () => {
    const s = keys(field(), "enter", "x");
    expect(s.state.screen).toEqual({ kind: "newProfile", text: "x", names: ["ana", "default"] });
  });

  it("Esc goes back to the list, on New profile…; Esc again to the menu", () => {
    const back = keys(type(field(), "bob"), "escape");
    expect(back.state.screen).toEqual({ kind: "profiles", cursor: 2, names: ["ana", "default"] });
    expect(keys(back, "escape").state.screen).toEqual({ kind: "menu", cursor: MENU_ITEMS.indexOf("profile") });
    expect(back.store.profiles()).toEqual(["ana", "default"]);
  });

  it("the field takes a few characters past the limit, then no more", () => {
    const s = type(field(), "a".repeat(50));
    expect(s.state.screen).toMatchObject({ text: "a".repeat(40) });
  });
});

describe("opening", () => {
  it("the profile as the store has it, its name, the notices", () => {
    const store = memoryProgressStore({ profile: "ana", now: () => NOW, profiles: saved({ ana: { levels: {} } }) });
    store.record(result(FIRST, 1));
    const s = open(store, ["the save file x is not valid JSON: it was moved to y and progress starts fresh"]);
    expect(s.state.profileName).toBe("ana");
    expect(s.state.progress.get(FIRST)).toMatchObject({ stars: 1 });
    expect(s.state.notices).toEqual(["the save file x is not valid JSON: it was moved to y and progress starts fresh"]);
  });

  it("a save that cannot be read: a fresh profile, and a notice saying why", () => {
    const store: ProgressStore = {
      ...memoryProgressStore(),
      load: () => {
        throw new SaveError("the save file /x/progress.json is from a newer tcp-tutor");
      },
    };
    const s = open(store);
    expect(s.state.progress.size).toBe(0);
    expect(s.state.notices).toEqual(["the save file /x/progress.json is from a newer tcp-tutor"]);
  });
});
