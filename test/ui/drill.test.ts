import { beforeAll, describe, expect, it } from "vitest";
import { questionsOf } from "../../src/game";
import {
  type DrillPuzzle,
  INTERVIEW_COUNT,
  INTERVIEW_MINUTES,
  interviewPuzzles,
  interviewSummary,
  nextDrillPuzzle,
  type Topic,
  TOPICS,
} from "../../src/game/drill";
import { challengeRound, encodeChallenge, GENERATOR_VERSION, replayChallenge } from "../../src/game/challenge";
import { sameAnswer } from "../../src/levels/answer";
import { type LoadedChapter, loadPack } from "../../src/levels/loader";
import { memoryProgressStore, type ProgressStore } from "../../src/store/progress";
import { SaveError } from "../../src/store/saveFile";
import type { Key } from "../../src/ui/keys";
import { type ChallengeSubmission, type ChallengeWriter, type GameStart, openSession, pressKey, type Session, tick } from "../../src/ui/session";
import { DRILL_ITEMS, MENU_ITEMS, type Screen } from "../../src/ui/state/app";
import type { DrillScreen, InterviewScreen, InterviewSummaryScreen } from "../../src/ui/state/drill";
import { clockText } from "../../src/ui/format";
import { realFs } from "../fixtures/realFs";

/**
 * The drill as the app plays it (issue 6): keys through the reducer, what they ask of the store done before the
 * next, on a memory store and a clock the test moves. Spaced repetition is read back from the store.
 */
let chapters: readonly LoadedChapter[];
beforeAll(async () => {
  chapters = (await loadPack("levels", realFs)).chapters;
});

const NOW = Date.UTC(2025, 2, 14, 12);
const MINUTE = 60_000;

/** A game on a memory store, and the clock both read: `at` moves it. */
function game(start?: GameStart, store?: ProgressStore, submitChallenge?: ChallengeWriter) {
  let clock = NOW;
  const st = store ?? memoryProgressStore({ now: () => clock });
  const writer = submitChallenge === undefined ? {} : { submitChallenge };
  let session = openSession({ chapters, store: st, lang: "en", color: true, notices: [], now: clock, start, ...writer });
  return {
    store: st,
    get session(): Session {
      return session;
    },
    get screen(): Screen {
      return session.state.screen;
    },
    at(ms: number) {
      clock = ms;
    },
    keys(...ks: Key[]) {
      for (const k of ks) session = pressKey(session, k, clock);
    },
    tick() {
      session = tick(session, clock);
    },
  };
}
type Game = ReturnType<typeof game>;

function drill(g: Game): DrillScreen {
  if (g.screen.kind !== "drill") throw new Error(`expected the drill, got ${g.screen.kind}`);
  return g.screen;
}

function interview(g: Game): InterviewScreen {
  if (g.screen.kind !== "interview") throw new Error(`expected the interview, got ${g.screen.kind}`);
  return g.screen;
}

function summary(g: Game): InterviewSummaryScreen {
  if (g.screen.kind !== "interviewSummary") throw new Error(`expected the summary, got ${g.screen.kind}`);
  return g.screen;
}

/** The digit key of the right (or a wrong) choice of the question open on the drill's or the interview's screen. */
function choiceKey(g: Game, right: boolean): Key {
  const screen = g.screen;
  const play = screen.kind === "drill" || screen.kind === "interview" ? screen.play : undefined;
  if (!play) throw new Error("no question open");
  const slot = questionsOf(play.game.level)[play.game.current];
  if (!slot) throw new Error("no question open");
  const i = slot.question.choices.findIndex((c) => sameAnswer(c.answer, slot.question.correct) === right);
  return String(i + 1);
}

/** From a puzzle's introduction: starts it and answers every question, right or wrong, up to its last feedback. */
function answerPuzzle(g: Game, right: boolean): void {
  g.keys("enter");
  for (;;) {
    g.keys(choiceKey(g, right));
    const play = drill(g).play;
    if (!play || drill(g).recorded) return;
    g.keys("enter");
  }
}

/** From a puzzle's introduction in an interview: every question of the puzzle, right or wrong. */
function answerInterviewPuzzle(g: Game, right: boolean): void {
  const index = interview(g).index;
  g.keys("enter");
  while (g.screen.kind === "interview" && g.screen.index === index) g.keys(choiceKey(g, right));
}

const DRILL = String(MENU_ITEMS.indexOf("drill") + 1);
const item = (name: (typeof DRILL_ITEMS)[number]) => String(DRILL_ITEMS.indexOf(name) + 1);

describe("the drill menu", () => {
  it("the title menu's Drill opens it; Back and Esc return to the Drill item", () => {
    const g = game();
    g.keys(DRILL);
    expect(g.screen).toEqual({ kind: "drillMenu", cursor: 0 });
    g.keys(item("back"));
    expect(g.screen).toEqual({ kind: "menu", cursor: MENU_ITEMS.indexOf("drill") });
    g.keys(DRILL, "escape");
    expect(g.screen).toEqual({ kind: "menu", cursor: MENU_ITEMS.indexOf("drill") });
  });

  it("the endless drill is seeded from the clock: its first puzzle is the adaptive drill's first", () => {
    const g = game();
    g.keys(DRILL, item("endless"));
    const expected = nextDrillPuzzle({ seed: NOW >>> 0, index: 0, memories: {}, now: NOW });
    expect(drill(g)).toMatchObject({ seed: NOW >>> 0, index: 0, options: {}, target: expected.target, box: undefined });
    expect(drill(g).puzzle.level.level.id).toBe(expected.puzzle.level.level.id);
    expect(drill(g).play).toBeUndefined();
  });

  it("a topic: the topics in order, then Back; every puzzle of the drill is on the topic chosen", () => {
    const g = game();
    g.keys(DRILL, item("topic"));
    expect(g.screen).toEqual({ kind: "topics", cursor: 0 });
    g.keys(String(TOPICS.indexOf("close") + 1));
    for (let n = 0; n < 4; n++) {
      expect(drill(g).options).toEqual({ topic: "close" });
      expect(drill(g).puzzle.topic).toBe("close");
      answerPuzzle(g, n % 2 === 0);
      g.keys("enter");
    }
    g.keys("escape");
    expect(g.screen).toMatchObject({ kind: "drillMenu", cursor: DRILL_ITEMS.indexOf("topic") });
    g.keys(item("topic"), "down", "up", "up", "enter");
    expect(g.screen).toEqual({ kind: "drillMenu", cursor: DRILL_ITEMS.indexOf("topic") });
  });
});

describe("the endless drill", () => {
  it("plays puzzle after puzzle, each saved when its last answer is given, its concepts moved up a box", () => {
    const g = game();
    g.keys(DRILL, item("endless"));
    const seen: string[] = [];
    for (let n = 0; n < 6; n++) {
      const { puzzle, index } = drill(g);
      expect(index).toBe(n);
      seen.push(puzzle.level.level.id);
      answerPuzzle(g, true);
      expect(drill(g).tally).toEqual({ puzzles: n + 1, right: n + 1, points: expect.any(Number) });
      const memories = g.store.load().drill;
      for (const c of puzzle.concepts) expect(memories[c]).toMatchObject({ box: expect.any(Number), wrong: 0 });
      expect(g.store.load().totals.plays).toBe(n + 1);
      // The UI's copy is what the store returned.
      expect(g.session.state.profile).toEqual(g.store.load());
      expect(g.session.state.unsaved).toEqual([]);
      g.keys("enter");
      g.at(NOW + (n + 1) * 1000);
    }
    expect(new Set(seen).size).toBe(6);
    // Drill puzzles are not levels of the campaign.
    expect(g.store.load().levels).toEqual({});
  });

  it("a concept missed is in box 0, due in a minute: a minute later it comes back as the next puzzle's target", () => {
    const g = game();
    g.keys(DRILL, item("endless"));
    const first = drill(g).puzzle;
    answerPuzzle(g, false);
    const memories = g.store.load().drill;
    for (const c of first.concepts) expect(memories[c]).toMatchObject({ box: 0, due: NOW + MINUTE, wrong: 1 });
    // The status line shows where its concept went.
    expect(drill(g).recorded).toBe(true);

    // A second later nothing is due: the drill brings in a concept not seen yet.
    g.at(NOW + 1000);
    g.keys("enter");
    expect(drill(g).index).toBe(1);
    expect(first.concepts).not.toContain(drill(g).target);

    // A minute later the missed concepts are due, lowest box first: one of them is asked again.
    const later = game(undefined, memoryProgressStore({ now: () => NOW }));
    later.keys(DRILL, item("endless"));
    answerPuzzle(later, false);
    later.at(NOW + MINUTE);
    later.keys("enter");
    expect(first.concepts).toContain(drill(later).target);
    expect(drill(later).box).toBe(0);
  });

  it("while new concepts remain, one answered right (box 1, due in ten minutes) is not asked again", () => {
    const g = game(undefined, memoryProgressStore({ now: () => NOW }));
    g.keys(DRILL, item("topic"), String(TOPICS.indexOf("time-wait") + 1));
    const targets: (string | undefined)[] = [];
    for (let n = 0; n < 8; n++) {
      targets.push(drill(g).target);
      answerPuzzle(g, true);
      g.keys("enter");
    }
    const asked = targets.filter((t) => t !== undefined);
    const fresh = asked.slice(0, new Set(asked).size);
    expect(new Set(fresh).size).toBe(fresh.length);
    for (const m of Object.values(g.store.load().drill)) expect(m.box).toBeGreaterThanOrEqual(1);
  });

  it("Esc leaves the drill for its menu, which says what it came to; a puzzle left unfinished is not saved", () => {
    const g = game();
    g.keys(DRILL, item("endless"));
    answerPuzzle(g, true);
    g.keys("enter");
    answerPuzzle(g, false);
    g.keys("enter", "enter");
    const points = drill(g).tally.points;
    g.keys("escape");
    expect(g.screen).toEqual({ kind: "drillMenu", cursor: 0, last: { puzzles: 2, right: 1, points } });
    expect(g.store.load().totals.plays).toBe(2);
    // Nothing finished: the menu says nothing of it.
    g.keys(item("endless"), "escape");
    expect(g.screen).toEqual({ kind: "drillMenu", cursor: 0 });
  });

  it("Esc during the last feedback: the puzzle is saved already", () => {
    const g = game();
    g.keys(DRILL, item("endless"));
    answerPuzzle(g, true);
    g.keys("escape");
    expect(g.store.load().totals.plays).toBe(1);
    expect(g.screen).toMatchObject({ kind: "drillMenu", last: { puzzles: 1, right: 1 } });
  });

  it("h, s and ? work as in the campaign", () => {
    const g = game({ kind: "drill", seed: 5, options: { topic: "timers" } });
    g.keys("enter", "s");
    expect(drill(g).play?.diagram).toBe(true);
    g.keys("escape");
    expect(drill(g).play?.diagram).toBe(false);
    g.keys("?");
    expect(g.screen).toMatchObject({ kind: "help", under: { kind: "drill" } });
    g.keys("escape");
    expect(g.screen.kind).toBe("drill");
  });

  it("the store cannot save: the drill says so and goes on adapting; the next save that works saves both", () => {
    const memory = memoryProgressStore({ now: () => NOW });
    let broken = true;
    const flaky: ProgressStore = {
      ...memory,
      recordDrill: (r, p) => {
        if (broken) throw new SaveError("cannot use the save file /x/progress.json: ENOSPC");
        return memory.recordDrill(r, p);
      },
    };
    const g = game(undefined, flaky);
    g.keys(DRILL, item("endless"));
    const first = drill(g).puzzle;
    answerPuzzle(g, false);
    expect(drill(g).saveError).toBe("cannot use the save file /x/progress.json: ENOSPC");
    expect(g.session.state.unsaved).toHaveLength(1);
    // The UI's copy has the miss: the next puzzle adapts to it all the same.
    for (const c of first.concepts) expect(g.session.state.profile.drill[c]).toMatchObject({ box: 0 });
    g.at(NOW + MINUTE);
    g.keys("enter");
    expect(first.concepts).toContain(drill(g).target);
    expect(drill(g).saveError).toBeDefined();
    broken = false;
    answerPuzzle(g, true);
    expect(drill(g).saveError).toBeUndefined();
    expect(g.session.state.unsaved).toEqual([]);
    expect(memory.load().totals.plays).toBe(2);
  });
});

describe("the interview round", () => {
  const INTERVIEW = item("interview");

  it(`${INTERVIEW_COUNT} puzzles from the clock's seed, in ${INTERVIEW_MINUTES} minutes; no feedback`, () => {
    const g = game();
    g.keys(DRILL, INTERVIEW);
    const round = interview(g);
    const expected = interviewPuzzles({ seed: NOW >>> 0 });
    expect(round.puzzles.map((p) => p.level.level.id)).toEqual(expected.map((p) => p.level.level.id));
    expect(round).toMatchObject({ minutes: INTERVIEW_MINUTES, startedAt: NOW, index: 0 });
    g.keys("enter");
    g.keys(choiceKey(g, false));
    // The answer is taken, and the next question (or puzzle) opens at once: no verdict.
    expect(interview(g).play?.game.phase ?? "intro").not.toBe("feedback");
  });

  it("every puzzle answered: the summary; each puzzle saved as it was finished", () => {
    const g = game();
    g.keys(DRILL, INTERVIEW);
    for (let n = 0; n < INTERVIEW_COUNT; n++) {
      g.at(NOW + n * 10_000);
      answerInterviewPuzzle(g, n !== 3);
      expect(g.store.load().totals.plays).toBe(n + 1);
    }
    const s = summary(g);
    expect(s).toMatchObject({ minutes: INTERVIEW_MINUTES, timeUp: false, elapsed: (INTERVIEW_COUNT - 1) * 10_000 });
    const missed = s.entries[3]?.puzzle as DrillPuzzle;
    const sum = interviewSummary(s.entries, "en");
    expect(sum.answered).toBe(sum.total);
    expect(sum.weak.map((w) => w.concept).sort()).toEqual([...missed.concepts].sort());
    // Spaced repetition learns from interviews too.
    for (const c of missed.concepts) expect(g.store.load().drill[c]).toMatchObject({ wrong: 1 });
    g.keys("enter");
    expect(g.screen).toEqual({ kind: "drillMenu", cursor: DRILL_ITEMS.indexOf("interview") });
  });

  it("the time running out ends the round, the question open unanswered; the summary lists what was missed", () => {
    const g = game();
    g.keys(DRILL, INTERVIEW);
    const first = interview(g).puzzles[0] as DrillPuzzle;
    answerInterviewPuzzle(g, false);
    g.keys("enter");
    g.at(NOW + 4 * MINUTE);
    g.tick();
    expect(interview(g).now).toBe(NOW + 4 * MINUTE);
    g.at(NOW + INTERVIEW_MINUTES * MINUTE);
    g.tick();
    const s = summary(g);
    expect(s).toMatchObject({ timeUp: true, elapsed: INTERVIEW_MINUTES * MINUTE });
    const sum = interviewSummary(s.entries, "en");
    expect(sum.total).toBe(interviewPuzzles({ seed: NOW >>> 0 }).reduce((n, p) => n + questionsOf(p.level).length, 0));
    const weak = sum.weak.find((w) => w.concept === first.concepts[0]);
    expect(weak?.read).toContain(first.level.puzzles[0]?.puzzle.explain.en);
    expect(weak?.cite).toEqual(first.level.puzzles[0]?.puzzle.cite);
    // Only the finished puzzle was saved.
    expect(g.store.load().totals.plays).toBe(1);
  });

  it("a key after the time is up is not taken: the round ends", () => {
    const g = game();
    g.keys(DRILL, INTERVIEW, "enter");
    g.at(NOW + INTERVIEW_MINUTES * MINUTE + 5000);
    g.keys(choiceKey(g, true));
    expect(summary(g)).toMatchObject({ timeUp: true, elapsed: INTERVIEW_MINUTES * MINUTE });
    expect(summary(g).entries.every((e) => e.answers.length === 0)).toBe(true);
  });

  it("Esc ends the round early, to its summary; ↑↓ scroll its weak concepts and stop at the ends", () => {
    const g = game();
    g.keys(DRILL, INTERVIEW);
    for (let n = 0; n < 4; n++) answerInterviewPuzzle(g, false);
    g.at(NOW + 65_000);
    g.keys("escape");
    const s = summary(g);
    expect(s).toMatchObject({ timeUp: false, elapsed: 65_000, scroll: 0 });
    const weak = interviewSummary(s.entries, "en").weak.length;
    expect(weak).toBeGreaterThan(1);
    g.keys("up");
    expect(summary(g).scroll).toBe(0);
    g.keys(...Array<Key>(weak + 3).fill("down"));
    expect(summary(g).scroll).toBe(weak - 1);
    g.keys("k");
    expect(summary(g).scroll).toBe(weak - 2);
    g.keys("escape");
    expect(g.screen).toEqual({ kind: "drillMenu", cursor: DRILL_ITEMS.indexOf("interview") });
  });

  it("no hint, no state diagram", () => {
    const g = game({ kind: "interview", seed: 9, count: 2, minutes: 1, topic: "timers" });
    g.keys("enter");
    const before = interview(g).play;
    g.keys("h", "s");
    expect(interview(g).play).toEqual(before);
  });

  it("the timer changes nothing elsewhere: the same session back", () => {
    const g = game();
    const before = g.session;
    g.at(NOW + 5000);
    g.tick();
    expect(g.session).toBe(before);
  });
});

describe("opening on a drill (tcp-tutor drill …)", () => {
  it("the endless drill with its seed and options; Esc: the drill menu, then the title menu", () => {
    const g = game({ kind: "drill", seed: 7, options: { topic: "reset", difficulty: 2 } });
    expect(drill(g)).toMatchObject({ seed: 7, index: 0, options: { topic: "reset", difficulty: 2 } });
    expect(drill(g).puzzle).toMatchObject({ topic: "reset", difficulty: 2 });
    expect(drill(g).puzzle.level.level.id).toBe(
      nextDrillPuzzle({ seed: 7, index: 0, memories: {}, now: NOW, options: { topic: "reset", difficulty: 2 } })
        .puzzle.level.level.id,
    );
    g.keys("escape");
    expect(g.screen).toEqual({ kind: "drillMenu", cursor: DRILL_ITEMS.indexOf("topic") });
    g.keys("escape");
    expect(g.screen).toEqual({ kind: "menu", cursor: MENU_ITEMS.indexOf("drill") });
  });

  it("the interview round with its count, minutes and topic", () => {
    const g = game({ kind: "interview", seed: 3, count: 4, minutes: 2, topic: "close" });
    const round = interview(g);
    expect(round).toMatchObject({ minutes: 2, topic: "close", startedAt: NOW, index: 0 });
    expect(round.puzzles.map((p) => p.level.level.id)).toEqual(
      interviewPuzzles({ seed: 3, count: 4, topic: "close" }).map((p) => p.level.level.id),
    );
    g.keys("escape");
    expect(summary(g).entries).toHaveLength(4);
    g.keys("escape", "escape");
    expect(g.screen).toEqual({ kind: "menu", cursor: MENU_ITEMS.indexOf("drill") });
  });

  it("the title menu when asked for, or when nothing is", () => {
    expect(game({ kind: "menu" }).screen).toEqual({ kind: "menu", cursor: 0 });
    expect(game().screen).toEqual({ kind: "menu", cursor: 0 });
  });

  it("a target is spaced repetition's to choose: it is left out", () => {
    const g = game({ kind: "drill", seed: 1, options: { topic: "handshake", difficulty: 1, target: "x" } });
    expect(drill(g).options).toEqual({ topic: "handshake", difficulty: 1 });
  });

  it("a drill no puzzle can be made for (the CLI checks first): its menu, saying why", () => {
    const g = game({ kind: "drill", seed: 1, options: { topic: "udp" as Topic } });
    expect(g.screen).toMatchObject({ kind: "drillMenu", cursor: 0, problem: expect.stringContaining('"udp"') });
  });
});

describe("the countdown", () => {
  it.each([
    [300_000, "5:00"],
    [299_001, "5:00"],
    [299_000, "4:59"],
    [61_000, "1:01"],
    [9_500, "0:10"],
    [1, "0:01"],
    [0, "0:00"],
  ])("%d ms left: %s (whole seconds rounded up: 0:00 only once time is up)", (ms, text) => {
    expect(clockText(ms)).toBe(text);
  });
});

describe("a classroom challenge (tcp-tutor challenge CODE)", () => {
  const spec = { generator: GENERATOR_VERSION, seed: 4242, count: 3, topics: [], difficulty: undefined, minutes: 5 } as const;
  const run = { kind: "challenge", code: encodeChallenge(spec), spec, name: "Ann", round: challengeRound(spec) } as const;

  /** A game opened at the challenge, whose writer keeps what it was asked to write (or fails with `error`). */
  function challengeGame(error?: string) {
    const written: ChallengeSubmission[] = [];
    const g = game(run, undefined, (s) => {
      if (error !== undefined) throw new Error(error);
      written.push(s);
      return `/class/Ann-${s.code}.json`;
    });
    return { g, written };
  }

  it("plays the code's puzzles in order, as an interview round without hints or feedback", () => {
    const { g } = challengeGame();
    expect(interview(g).puzzles.map((p) => p.level.level.id)).toEqual(challengeRound(spec).map((p) => p.level.level.id));
    expect(interview(g).challenge).toEqual({ code: run.code, spec, name: "Ann" });
    g.keys("enter", "h");
    expect(interview(g).play?.game.hintShown).toBe(false);
  });

  it("the last answer: the result replayed is written once, shown with its path, and kept in the profile", () => {
    const { g, written } = challengeGame();
    for (let i = 0; i < spec.count; i++) {
      g.at(NOW + (i + 1) * 5000);
      answerInterviewPuzzle(g, i !== 1);
    }
    const s = summary(g);
    expect(written).toHaveLength(1);
    const submission = written[0] as ChallengeSubmission;
    const replayed = replayChallenge(spec, challengeRound(spec), submission.answers);
    if (!replayed.ok) throw new Error(replayed.reason);
    expect(submission.replay).toEqual(replayed.replay);
    expect(submission.replay.correct).toBe(submission.replay.total - questionsOf((challengeRound(spec)[1] as DrillPuzzle).level).length);
    expect(s.challenge).toEqual({ status: "saved", submission, file: `/class/Ann-${run.code}.json` });
    expect(g.store.load().challenges).toEqual([
      expect.objectContaining({ code: run.code, name: "Ann", score: submission.replay.score, file: `/class/Ann-${run.code}.json` }),
    ]);
    // The summary is the end of a challenge: leaving it quits (the CLI prints the file's path).
    g.keys("enter");
    expect(g.screen).toEqual({ kind: "quit" });
  });

  it("time running out ends the round and writes what was answered", () => {
    const { g, written } = challengeGame();
    answerInterviewPuzzle(g, true);
    g.at(NOW + 5 * MINUTE);
    g.tick();
    expect(summary(g).timeUp).toBe(true);
    expect(written).toHaveLength(1);
    expect(written[0]?.replay.answered).toBe(questionsOf((challengeRound(spec)[0] as DrillPuzzle).level).length);
  });

  it("untimed (minutes 0): no countdown ends it; the summary says untimed", () => {
    const untimed = { ...spec, minutes: 0 };
    const g = game({ ...run, spec: untimed, code: encodeChallenge(untimed), round: challengeRound(untimed) }, undefined, () => "/x.json");
    g.at(NOW + 90 * MINUTE);
    g.tick();
    expect(g.screen.kind).toBe("interview");
  });

  it("a result that cannot be written: the reason on the summary, nothing else lost", () => {
    const { g } = challengeGame("EACCES: permission denied, open '/class/Ann.json'");
    g.keys("escape");
    expect(summary(g).challenge).toMatchObject({ status: "failed", error: "EACCES: permission denied, open '/class/Ann.json'" });
  });
});
