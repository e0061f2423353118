import { misconception } from "../levels/misconceptions";
import type { LoadedLevel } from "../levels/loader";
import type { PosedPuzzle } from "../levels/pose";
import type { Lang } from "../levels/schema";
import { answerLabel, describeArrival, describeStepsFrom, promptFor } from "./describe";
import { questionsOf } from "./questions";
import { revealedUntil, traceUntil } from "./reveal";
import { maxScore, starsFor } from "./scoring";
import type { PlayState } from "./session";
import type { FeedbackView, LevelResult, ProgressView, QuestionView } from "./types";

/** What the play screen shows, derived from the session state in its current language. */

/** The open question; undefined during feedback and once the level is done. */
export function questionView(state: PlayState): QuestionView | undefined {
  const slots = questionsOf(state.level);
  const slot = slots[state.current];
  if (state.phase !== "question" || !slot) return undefined;
  const { posed, question } = slot;
  return {
    levelId: state.level.level.id,
    number: state.current + 1,
    total: slots.length,
    shown: traceUntil(state.level.trace, question.shownUntil),
    next: nextText(state.level, posed, state.lang),
    prompt: promptFor(posed.puzzle, state.lang),
    // The order of pose's choices (sorted by canonical text), so that indices sent back mean the same choices.
    choices: question.choices.map((c) => ({ label: answerLabel(c.answer, state.lang) })),
    hint: posed.puzzle.hint?.[state.lang],
    hintShown: state.hintShown,
  };
}

/** The feedback on the answer just given; undefined while a question is open and once the level is done. */
export function feedbackView(state: PlayState): FeedbackView | undefined {
  const slot = questionsOf(state.level)[state.current];
  const record = state.answers[state.current];
  if (state.phase !== "feedback" || !slot || !record) return undefined;
  const { posed, question } = slot;
  return {
    correct: record.correct,
    answer: answerLabel(question.correct, state.lang),
    misconception: explainMisconception(record.misconception, state.lang),
    explain: posed.puzzle.explain[state.lang],
    cite: posed.puzzle.cite,
    points: record.points,
    shown: traceUntil(state.level.trace, revealedUntil(posed, question, state.level.trace)),
  };
}

/** The level's result, once every question is answered (already during the last feedback). */
export function result(state: PlayState): LevelResult | undefined {
  const slots = questionsOf(state.level);
  if (state.answers.length < slots.length) return undefined;
  const score = sum(state.answers.map((a) => a.points));
  const max = maxScore(slots.map(() => state.level.level.difficulty));
  return {
    levelId: state.level.level.id,
    score,
    maxScore: max,
    stars: starsFor(score, max),
    correct: state.answers.filter((a) => a.correct).length,
    total: slots.length,
    ms: sum(state.answers.map((a) => a.ms)),
    review: review(state),
    concepts: state.level.level.concepts,
    answers: state.answers,
  };
}

export function progressView(state: PlayState): ProgressView {
  return {
    score: sum(state.answers.map((a) => a.points)),
    streak: state.streak,
    answered: state.answers.length,
    total: questionsOf(state.level).length,
  };
}

/**
 * What to review, in the session's language: the explanation of each misconception the player fell for (once, in
 * the order first fallen for), then the explanation of each missed puzzle whose wrong answers no misconception
 * explains (a hand-written wrong choice).
 */
function review(state: PlayState): string[] {
  const texts: string[] = [];
  const add = (text: string | undefined) => {
    if (text !== undefined && !texts.includes(text)) texts.push(text);
  };
  for (const a of state.answers) add(explainMisconception(a.misconception, state.lang));
  for (const posed of state.level.puzzles) {
    const wrong = state.answers.filter((a) => a.puzzleId === posed.puzzle.id && !a.correct);
    if (wrong.length > 0 && wrong.every((a) => a.misconception === undefined)) add(posed.puzzle.explain[state.lang]);
  }
  return texts;
}

/**
 * What happens next, in words: after step N, step N + 1 ("The server calls close()."); as segment N arrives, that
 * segment ("Segment N + 1 (FIN+ACK seq=… ack=…) arrives at the server."). Exported for live rounds
 * (src/game/live), which pose the same questions outside a play session.
 */
export function nextText(level: LoadedLevel, posed: PosedPuzzle, lang: Lang): string | undefined {
  const at = posed.puzzle.at;
  if ("afterStep" in at) return describeStepsFrom(level.scenario.steps, at.afterStep + 1, lang);
  const segment = level.trace.segments[at.segment];
  return segment ? describeArrival(segment, at.segment, lang) : undefined;
}

function explainMisconception(id: string | undefined, lang: Lang): string | undefined {
  return id === undefined ? undefined : misconception(id)?.explain[lang];
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
