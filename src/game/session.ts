import { assertNever } from "../engine";
import { sameAnswer } from "../levels/answer";
import type { LoadedLevel } from "../levels/loader";
import type { Lang } from "../levels/schema";
import { questionsOf } from "./questions";
import { scoreAnswer } from "./scoring";
import type { AnswerRecord, PlayAction } from "./types";

export type { PlayAction };
export { feedbackView, progressView, questionView, result } from "./views";

/**
 * One play-through of a level, as a pure reducer: the UI keeps the state (useReducer), sends the player's actions
 * with the time they happened, and renders the views (views.ts). Every question of every puzzle is asked in order:
 *
 *   question ──answer──▶ feedback ──next──▶ question … ──next after the last──▶ done
 *
 * An action that does not fit the phase (an answer during feedback, a second hint, a choice out of range) leaves
 * the state as it is.
 */
export type Phase = "question" | "feedback" | "done";

export interface PlayState {
  readonly level: LoadedLevel;
  readonly lang: Lang;
  readonly phase: Phase;
  /** The open or just answered question, as an index into questionsOf(level); their number once done. */
  readonly current: number;
  /** When the current question was shown (ms, the UI's clock). */
  readonly shownAt: number;
  readonly hintShown: boolean;
  /** Correct answers in a row, up to now. */
  readonly streak: number;
  /** One per answered question, in order. */
  readonly answers: readonly AnswerRecord[];
}

export function startLevel(level: LoadedLevel, lang: Lang, now: number): PlayState {
  const empty = questionsOf(level).length === 0;
  const phase: Phase = empty ? "done" : "question";
  return { level, lang, phase, current: 0, shownAt: now, hintShown: false, streak: 0, answers: [] };
}

export function playReducer(state: PlayState, action: PlayAction): PlayState {
  switch (action.type) {
    case "answer":
      return answer(state, action.choice, action.now);
    case "hint": {
      // Only a puzzle that has a hint can cost one.
      const slot = questionsOf(state.level)[state.current];
      if (state.phase !== "question" || state.hintShown || !slot?.posed.puzzle.hint) return state;
      return { ...state, hintShown: true };
    }
    case "next": {
      if (state.phase !== "feedback") return state;
      const current = state.current + 1;
      if (current >= questionsOf(state.level).length) return { ...state, phase: "done", current };
      return { ...state, phase: "question", current, shownAt: action.now, hintShown: false };
    }
    case "setLang":
      return action.lang === state.lang ? state : { ...state, lang: action.lang };
    default:
      return assertNever(action);
  }
}

/** Scores the chosen answer (scoring.ts), records it and shows its feedback. */
function answer(state: PlayState, index: number, now: number): PlayState {
  const slot = questionsOf(state.level)[state.current];
  const choice = slot?.question.choices[index];
  if (state.phase !== "question" || !slot || !choice) return state;
  const correct = sameAnswer(choice.answer, slot.question.correct);
  const ms = Math.max(0, now - state.shownAt);
  const points = scoreAnswer({
    difficulty: state.level.level.difficulty,
    correct,
    hint: state.hintShown,
    streak: state.streak,
    ms,
  });
  const record: AnswerRecord = {
    puzzleId: slot.posed.puzzle.id,
    question: slot.index,
    chosen: choice.answer,
    correct,
    misconception: correct ? undefined : choice.misconception,
    hint: state.hintShown,
    ms,
    points,
  };
  return { ...state, phase: "feedback", streak: correct ? state.streak + 1 : 0, answers: [...state.answers, record] };
}
