/**
 * The game layer's contract: pure data and functions between the levels (engine-checked puzzles) and the UI.
 * The UI renders these and sends intents; it never decides what is right.
 */
import type { Trace } from "../engine";
import type { Answer } from "../levels/answer";
import type { LoadedLevel } from "../levels/loader";
import type { Lang, Localized } from "../levels/schema";

export type { Lang, Localized };

/** One choice as the player sees it: its text in the player's language, and nothing that reveals rightness. */
export interface ChoiceView {
  readonly label: string;
}

/** What the play screen shows while a question is open. */
export interface QuestionView {
  readonly levelId: string;
  /** 1-based position of this question among all questions of the level, and their number. */
  readonly number: number;
  readonly total: number;
  /** The trace cut at what has happened so far (segments and events numbered up to the point). */
  readonly shown: Trace;
  /** What happens next in the scenario, in words ("The server calls close()."), when the point is after a step. */
  readonly next: string | undefined;
  /** The question, in words ("What does the server send next?"). */
  readonly prompt: string;
  readonly choices: readonly ChoiceView[];
  /** The puzzle's hint, when it has one: the UI offers it, and shows it once `hintShown` (it costs points). */
  readonly hint: string | undefined;
  readonly hintShown: boolean;
}

/** What the play screen shows after an answer. */
export interface FeedbackView {
  readonly correct: boolean;
  /** The right answer's text. */
  readonly answer: string;
  /** For a wrong choice that comes from a misconception: its explanation. */
  readonly misconception: string | undefined;
  readonly explain: string;
  readonly cite: readonly string[];
  /** Points this answer earned. */
  readonly points: number;
  /** The trace with the answered step happened (the diagram grows). */
  readonly shown: Trace;
}

/** One answered question, as the session records it (and, later, as saved statistics and challenge results). */
export interface AnswerRecord {
  readonly puzzleId: string;
  /** The question's index within its puzzle, from 0 (only a ladder puzzle has more than one). */
  readonly question: number;
  readonly chosen: Answer;
  readonly correct: boolean;
  readonly misconception: string | undefined;
  readonly hint: boolean;
  /** Milliseconds from the question being shown to the answer. */
  readonly ms: number;
  readonly points: number;
}

export interface LevelResult {
  readonly levelId: string;
  readonly score: number;
  readonly maxScore: number;
  readonly stars: 0 | 1 | 2 | 3;
  readonly correct: number;
  readonly total: number;
  readonly ms: number;
  /** Misconceptions the player fell for and the concepts of missed puzzles, for "what to review". */
  readonly review: readonly string[];
  /** The level's concepts: saved statistics count each answer towards each of them. */
  readonly concepts: readonly string[];
  /** Every answer, in order. */
  readonly answers: readonly AnswerRecord[];
}

/** Inputs of the scoring function, the same for campaign, drill and challenge rounds. */
export interface ScoringInput {
  readonly difficulty: number;
  readonly correct: boolean;
  readonly hint: boolean;
  /** Correct answers in a row before this one. */
  readonly streak: number;
  readonly ms: number;
}

/** The score so far, for a status line. */
export interface ProgressView {
  readonly score: number;
  /** Correct answers in a row, up to now. */
  readonly streak: number;
  readonly answered: number;
  readonly total: number;
}

/**
 * What the player does during a level, as the UI sends it. `choice` is an index into QuestionView.choices; `now` is
 * the clock in milliseconds (the session measures answer times with it and never reads a clock itself).
 */
export type PlayAction =
  | { readonly type: "answer"; readonly choice: number; readonly now: number }
  | { readonly type: "hint" }
  | { readonly type: "next"; readonly now: number }
  | { readonly type: "setLang"; readonly lang: Lang };

export type { LoadedLevel };
