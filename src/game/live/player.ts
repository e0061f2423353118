import type { Lang } from "../../levels/schema";
import type { LeaderboardRow, LivePhase, QuestionShown } from "./view";

/**
 * What one student's screen (`tcp-tutor join`) shows of a live round, in the student's language: sent to them
 * alone over `/play` whenever it changes. Like the projector's view, nothing in it tells which choice is right
 * while the question is open: `reveal` appears only once it has closed, and the score and leaderboard count closed
 * questions only (a score that jumped would give the answer away).
 */
export interface PlayerView {
  readonly phase: LivePhase;
  readonly lang: Lang;
  /** The round's size and pace, known from the lobby on. */
  readonly round: { readonly questions: number; readonly seconds: number };
  readonly you: PlayerStanding;
  readonly players: { readonly connected: number; readonly joined: number };
  /** The question open or just closed; absent in the lobby and at the end. */
  readonly question?: PlayerQuestion;
  /** The question's outcome, only once it has closed (phase "reveal"). */
  readonly reveal?: PlayerReveal;
  /** The first rows of the leaderboard (LEADERBOARD_TOP), places shared on ties. */
  readonly leaderboard: readonly LeaderboardRow[];
}

export interface PlayerStanding {
  /** The name the room knows the player by (made unique: "Ann 2"). */
  readonly name: string;
  /** Place on the leaderboard, from 1; shared on ties. */
  readonly place: number;
  readonly score: number;
  readonly correct: number;
  /** Right answers in a row, up to the last closed question. */
  readonly streak: number;
}

export interface PlayerQuestion extends QuestionShown {
  /** The choice this player gave, once the server accepted it. */
  readonly chosen?: number;
}

export interface PlayerReveal {
  /** Index of the right choice in `question.choices`. */
  readonly correct: number;
  /** Whether this player's answer was right (false when they gave none), and the points it earned. */
  readonly right: boolean;
  readonly points: number;
  /** How many players chose each choice, by index. */
  readonly distribution: readonly number[];
  readonly explain: string;
  readonly cite: readonly string[];
}

/** A student's screen shows this many rows of the leaderboard (and their own place, wherever it is). */
export const LEADERBOARD_TOP = 5;
