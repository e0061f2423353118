import { assertNever } from "../../engine";
import type { LoadedLevel } from "../../levels/loader";
import { type Lang, type PlayState, playReducer, questionView, startLevel } from "../../game";
import { is, type Key } from "../keys";
import { listKey } from "./list";

/**
 * A question being played, wherever it is played: a campaign level, a drill puzzle, an interview round. The keys
 * that answer, ask for the hint, show the state diagram and continue after the feedback are the same everywhere;
 * what differs (an interview gives no hint and no feedback) is in the rules.
 */
export interface Playing {
  readonly game: PlayState;
  /** The highlighted choice while a question is open. */
  readonly cursor: number;
  /** The state diagram is shown instead of the play screen. */
  readonly diagram: boolean;
  /** The text of the choice just answered, shown with the feedback. */
  readonly chosen?: string;
}

export interface PlayRules {
  /** h shows the puzzle's hint (for half the points). */
  readonly hint: boolean;
  /** s shows the state diagram. */
  readonly diagram: boolean;
  /** The verdict and the explanation after each answer; without it the next question opens at once. */
  readonly feedback: boolean;
}

/** The campaign and the endless drill: everything. */
export const PRACTICE_RULES: PlayRules = { hint: true, diagram: true, feedback: true };
/** An interview round: the question and the clock, nothing else; what was right comes in the summary. */
export const INTERVIEW_RULES: PlayRules = { hint: false, diagram: false, feedback: false };

export function startPlaying(level: LoadedLevel, lang: Lang, now: number): Playing {
  return { game: startLevel(level, lang, now), cursor: 0, diagram: false };
}

/**
 * One key: the same object back when the key means nothing here (the caller handles back, and what a finished
 * game leads to). While the diagram covers the screen only its own key and back, which close it, act.
 */
export function playKey<P extends Playing>(p: P, key: Key, now: number, rules: PlayRules): P {
  if (p.diagram) return is(key, "diagram") || is(key, "back") ? { ...p, diagram: false } : p;
  if (rules.diagram && is(key, "diagram")) return { ...p, diagram: true };
  const game = p.game;
  switch (game.phase) {
    case "question": {
      if (is(key, "hint")) {
        if (!rules.hint) return p;
        const hinted = playReducer(game, { type: "hint" });
        return hinted === game ? p : { ...p, game: hinted };
      }
      const question = questionView(game);
      if (!question) return p;
      const out = listKey(p.cursor, question.choices.length, key);
      if (out.kind === "moved") return { ...p, cursor: out.cursor };
      if (out.kind === "none") return p;
      const answered = playReducer(game, { type: "answer", choice: out.index, now });
      if (!rules.feedback) return { ...p, game: playReducer(answered, { type: "next", now }), cursor: 0 };
      const chosen = question.choices[out.index]?.label;
      return { ...p, game: answered, cursor: 0, ...(chosen === undefined ? {} : { chosen }) };
    }
    case "feedback":
      return is(key, "advance") ? { ...p, game: playReducer(game, { type: "next", now }) } : p;
    case "done":
      return p;
    default:
      return assertNever(game.phase);
  }
}
