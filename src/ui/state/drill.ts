import { type AnswerRecord, type Lang, type LevelResult, maxScore, questionsOf, result } from "../../game";
import {
  type DrillOptions,
  type DrillPuzzle,
  type InterviewEntry,
  interviewPuzzles,
  interviewSummary,
  type Memories,
  nextDrillPuzzle,
  type Topic,
  timeLeft,
} from "../../game/drill";
import {
  type ChallengeAnswer,
  type ChallengeSpec,
  challengeAnswers,
  type Replay,
  replayChallenge,
} from "../../game/challenge";
import { is, type Key } from "../keys";
import { INTERVIEW_RULES, type Playing, PRACTICE_RULES, playKey, startPlaying } from "./play";

/**
 * The drill's screens as pure functions of their state, a key and the clock (issue 6): the endless adaptive drill
 * and the timed interview round. The app's reducer (app.ts) holds them as screens, gives them the profile's
 * memories, and turns what they finish into saves.
 */

/**
 * Where the game opens. `tcp-tutor drill [--topic T] [--difficulty D] [--seed S]` opens the endless adaptive drill;
 * `tcp-tutor drill --interview [--count N] [--minutes M]` a timed interview round. The CLI picks the seed from the
 * clock when none is given (and shows it, so a round can be replayed).
 */
export type GameStart =
  | { readonly kind: "menu" }
  | { readonly kind: "drill"; readonly seed: number; readonly options: DrillOptions }
  | {
      readonly kind: "interview";
      readonly seed: number;
      readonly count: number;
      readonly minutes: number;
      readonly topic?: Topic;
    }
  /** `tcp-tutor challenge CODE`: the round the code stands for (the CLI has it: it may need the pack), under `name`. */
  | ({ readonly kind: "challenge"; readonly round: readonly DrillPuzzle[] } & ChallengeRun);

/** A classroom challenge being played: its code (as written), what the code stands for, the player's name. */
export interface ChallengeRun {
  readonly code: string;
  readonly spec: ChallengeSpec;
  readonly name: string;
}

/** A challenge round played to its end (or left, or out of time), for the result file: the CLI writes it. */
export interface ChallengeSubmission extends ChallengeRun {
  readonly answers: readonly ChallengeAnswer[];
  readonly startedAt: number;
  readonly finishedAt: number;
  /** The answers replayed as `challenge verify` will: the score the file states. */
  readonly replay: Replay;
  /** The round's best possible score. */
  readonly maxScore: number;
}

/**
 * The challenge on the summary: the result being written, then where it was written (to hand in), or why it could
 * not be; `problem` when the answers could not be replayed (a bug: nothing is written then).
 */
export type ChallengeOutcome =
  | { readonly status: "saving"; readonly submission: ChallengeSubmission }
  | { readonly status: "saved"; readonly submission: ChallengeSubmission; readonly file: string }
  | { readonly status: "failed"; readonly submission: ChallengeSubmission; readonly error: string }
  | { readonly status: "problem"; readonly run: ChallengeRun; readonly error: string };

/** The drill's own options: spaced repetition picks the target. */
export type DrillChoice = Omit<DrillOptions, "target">;

/** A drill so far: puzzles finished, those with every answer right, their points. */
export interface DrillTally {
  readonly puzzles: number;
  readonly right: number;
  readonly points: number;
}

export const NO_TALLY: DrillTally = { puzzles: 0, right: 0, points: 0 };

/** A finished puzzle, for the store: its result, and what spaced repetition learns from it. */
export interface DrillRecord {
  readonly result: LevelResult;
  readonly puzzle: DrillPuzzle;
}

/** The endless drill: one generated puzzle at a time, its introduction, then its questions. */
export interface DrillScreen {
  readonly kind: "drill";
  readonly seed: number;
  readonly options: DrillChoice;
  /** The puzzle's place in the drill, from 0: puzzle n is generated from the seed and n. */
  readonly index: number;
  readonly puzzle: DrillPuzzle;
  /** The concept or misconception key spaced repetition chose the puzzle for, and its box then (undefined: new). */
  readonly target: string | undefined;
  readonly box: number | undefined;
  /** Undefined while the introduction is shown. */
  readonly play: Playing | undefined;
  /** Its last question is answered and its result handed to the store. */
  readonly recorded: boolean;
  readonly tally: DrillTally;
  /** The store could not save the drill: why, until a save succeeds. */
  readonly saveError?: string;
}

/** An interview round: a fixed set of puzzles against the clock, no hints, no feedback until the summary. */
export interface InterviewScreen {
  readonly kind: "interview";
  readonly topic: Topic | undefined;
  readonly minutes: number;
  readonly puzzles: readonly DrillPuzzle[];
  /** The puzzle being played, from 0. */
  readonly index: number;
  readonly play: Playing | undefined;
  /** The answers to each puzzle finished, by position. */
  readonly answers: readonly (readonly AnswerRecord[])[];
  readonly startedAt: number;
  /** The clock as last seen (a key or the app's timer): the countdown is drawn from it. */
  readonly now: number;
  readonly saveError?: string;
  /** Set when the round is a classroom challenge (its minutes may be 0: untimed). */
  readonly challenge?: ChallengeRun;
}

/** The round's summary; ↑↓ scroll the weak concepts, one at a time. */
export interface InterviewSummaryScreen {
  readonly kind: "interviewSummary";
  /** Every puzzle of the round with the answers given (none for those not reached). */
  readonly entries: readonly InterviewEntry[];
  readonly minutes: number;
  /** How long the round took (ms), at most its length. */
  readonly elapsed: number;
  readonly timeUp: boolean;
  /** The first weak concept shown. */
  readonly scroll: number;
  readonly saveError?: string;
  readonly challenge?: ChallengeOutcome;
}

/** What a key did: the screen now, and the puzzle just finished, if one was. */
export interface Step<S> {
  readonly screen: S;
  readonly record?: DrillRecord;
}

// ---- the endless drill ------------------------------------------------------------------------------------------

/** Puzzle `index` of the drill, chosen by spaced repetition from the memories as they are `now`. */
export function drillPuzzle(
  seed: number,
  options: DrillChoice,
  index: number,
  memories: Memories,
  now: number,
  tally: DrillTally,
): DrillScreen {
  const { puzzle, target } = nextDrillPuzzle({ seed, index, memories, now, options });
  return {
    kind: "drill",
    seed,
    options,
    index,
    puzzle,
    target,
    box: target === undefined ? undefined : memories[target]?.box,
    play: undefined,
    recorded: false,
    tally,
  };
}

/**
 * A key in the drill; `left` once the player goes back. The puzzle's result is recorded as its last answer is given
 * (going back during that feedback loses nothing); continuing after it opens the next puzzle, chosen from the
 * memories as the store has them by then.
 */
export function drillKey(
  screen: DrillScreen,
  key: Key,
  now: number,
  memories: Memories,
  lang: Lang,
): Step<DrillScreen> | { readonly left: DrillTally } {
  if (is(key, "back") && !screen.play?.diagram) return { left: screen.tally };
  if (!screen.play) {
    const start = is(key, "choose") || is(key, "advance");
    return { screen: start ? { ...screen, play: startPlaying(screen.puzzle.level, lang, now) } : screen };
  }
  const play = playKey(screen.play, key, now, PRACTICE_RULES);
  if (play === screen.play) return { screen };
  if (play.game.phase === "done") {
    const next = drillPuzzle(screen.seed, screen.options, screen.index + 1, memories, now, screen.tally);
    // A save that failed is told until one succeeds.
    return { screen: screen.saveError === undefined ? next : { ...next, saveError: screen.saveError } };
  }
  const r = screen.recorded ? undefined : result(play.game);
  if (!r) return { screen: { ...screen, play } };
  const tally: DrillTally = {
    puzzles: screen.tally.puzzles + 1,
    right: screen.tally.right + (r.correct === r.total ? 1 : 0),
    points: screen.tally.points + r.score,
  };
  return { screen: { ...screen, play, recorded: true, tally }, record: { result: r, puzzle: screen.puzzle } };
}

// ---- the interview round ----------------------------------------------------------------------------------------

export function startInterview(
  o: { readonly seed: number; readonly count: number; readonly minutes: number; readonly topic?: Topic | undefined },
  now: number,
): InterviewScreen {
  const topic = o.topic;
  return {
    kind: "interview",
    topic,
    minutes: o.minutes,
    puzzles: interviewPuzzles({ seed: o.seed, count: o.count, ...(topic === undefined ? {} : { topic }) }),
    index: 0,
    play: undefined,
    answers: [],
    startedAt: now,
    now,
  };
}

/** A challenge's round: the puzzles the code stands for, in order; timed if the code says so. */
export function startChallenge(run: ChallengeRun & { readonly round: readonly DrillPuzzle[] }, now: number): InterviewScreen {
  return {
    kind: "interview",
    topic: undefined,
    minutes: run.spec.minutes,
    puzzles: run.round,
    index: 0,
    play: undefined,
    answers: [],
    startedAt: now,
    now,
    challenge: { code: run.code, spec: run.spec, name: run.name },
  };
}

/** Milliseconds left in the round, as of the clock last seen; Infinity in an untimed round (minutes 0). */
export function interviewLeft(screen: InterviewScreen): number {
  return screen.minutes === 0 ? Number.POSITIVE_INFINITY : timeLeft(screen.startedAt, screen.now, screen.minutes);
}

/**
 * A key in the round. Once the time is up the key is not taken: the round ends with the question open. Back ends
 * the round early, to its summary. No hint, no diagram, no feedback: each answer opens the next question.
 */
export function interviewKey(
  screen: InterviewScreen,
  key: Key,
  now: number,
  lang: Lang,
): Step<InterviewScreen | InterviewSummaryScreen> {
  const at: InterviewScreen = { ...screen, now };
  if (interviewLeft(at) === 0 || is(key, "back")) return { screen: endInterview(at) };
  const puzzle = at.puzzles[at.index];
  if (!puzzle) return { screen: endInterview(at) };
  if (!at.play) {
    const start = is(key, "choose") || is(key, "advance");
    return { screen: start ? { ...at, play: startPlaying(puzzle.level, lang, now) } : at };
  }
  const play = playKey(at.play, key, now, INTERVIEW_RULES);
  if (play.game.phase !== "done") return { screen: { ...at, play } };
  const answers = [...at.answers];
  answers[at.index] = play.game.answers;
  const next: InterviewScreen = { ...at, index: at.index + 1, play: undefined, answers };
  const r = result(play.game);
  return {
    screen: next.index >= next.puzzles.length ? endInterview(next) : next,
    ...(r ? { record: { result: r, puzzle } } : {}),
  };
}

/** The app's timer: the countdown moves on; at zero the round ends, the question open left unanswered. */
export function interviewTick(screen: InterviewScreen, now: number): InterviewScreen | InterviewSummaryScreen {
  const at: InterviewScreen = { ...screen, now };
  return interviewLeft(at) === 0 ? endInterview(at) : at;
}

function endInterview(screen: InterviewScreen): InterviewSummaryScreen {
  const length = screen.minutes === 0 ? Number.POSITIVE_INFINITY : screen.minutes * 60_000;
  const elapsed = Math.min(length, Math.max(0, screen.now - screen.startedAt));
  const entries = screen.puzzles.map(
    (puzzle, i): InterviewEntry => ({
      puzzle,
      answers: i === screen.index && screen.play ? screen.play.game.answers : (screen.answers[i] ?? []),
    }),
  );
  const challenge = screen.challenge === undefined ? undefined : challengeOutcome(screen, screen.challenge, entries);
  return {
    kind: "interviewSummary",
    entries,
    minutes: screen.minutes,
    elapsed,
    timeUp: elapsed >= length,
    scroll: 0,
    ...(screen.saveError === undefined ? {} : { saveError: screen.saveError }),
    ...(challenge === undefined ? {} : { challenge }),
  };
}

/**
 * A challenge ends: its answers replayed as `challenge verify` will replay the file, so the score on the summary is
 * the one the teacher will see; the result is then to be written (the app asks the session to).
 */
function challengeOutcome(screen: InterviewScreen, run: ChallengeRun, entries: readonly InterviewEntry[]): ChallengeOutcome {
  const answers = challengeAnswers(entries);
  const replayed = replayChallenge(run.spec, screen.puzzles, answers);
  if (!replayed.ok) return { status: "problem", run, error: replayed.reason };
  return {
    status: "saving",
    submission: {
      ...run,
      answers,
      startedAt: screen.startedAt,
      finishedAt: screen.now,
      replay: replayed.replay,
      maxScore: maxScore(screen.puzzles.flatMap((p) => questionsOf(p.level).map(() => p.difficulty))),
    },
  };
}

/** ↑↓ scroll the weak concepts, one at a time; back, Enter or Space leave the summary. */
export function summaryKey(screen: InterviewSummaryScreen, key: Key, lang: Lang): InterviewSummaryScreen | "leave" {
  if (is(key, "back") || is(key, "choose") || is(key, "advance")) return "leave";
  const weak = interviewSummary(screen.entries, lang).weak.length;
  const last = Math.max(0, weak - 1);
  if (is(key, "up")) return screen.scroll === 0 ? screen : { ...screen, scroll: screen.scroll - 1 };
  if (is(key, "down")) return screen.scroll >= last ? screen : { ...screen, scroll: screen.scroll + 1 };
  return screen;
}
