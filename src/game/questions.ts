import type { LoadedLevel } from "../levels/loader";
import type { PosedPuzzle, Question } from "../levels/pose";

/** One question of a level in play order, with its puzzle and its index within it (a ladder puzzle has several). */
export interface Slot {
  readonly posed: PosedPuzzle;
  readonly question: Question;
  readonly index: number;
}

/** Every question of every puzzle, in the order the level lists them. */
export function questionsOf(level: LoadedLevel): Slot[] {
  return level.puzzles.flatMap((posed) => posed.questions.map((question, index) => ({ posed, question, index })));
}
