import { answerKey } from "../../levels/answer";
import type { LoadedLevel } from "../../levels/loader";
import { questionsOf } from "../questions";
import type { AnswerRecord } from "../types";
import type { ChallengeAnswer } from "./verify";

/**
 * The answers of a round as a result file records them: each puzzle's answers, in the order they were given, named
 * by the round's puzzle and the question's place among all its level's questions, with the chosen answer's canonical
 * text (what replayChallenge looks up among the choices).
 */
export function challengeAnswers(
  entries: readonly { readonly puzzle: { readonly level: LoadedLevel }; readonly answers: readonly AnswerRecord[] }[],
): ChallengeAnswer[] {
  return entries.flatMap((entry, puzzle) => {
    const slots = questionsOf(entry.puzzle.level);
    return entry.answers.map((a) => ({
      puzzle,
      question: slots.findIndex((s) => s.posed.puzzle.id === a.puzzleId && s.index === a.question),
      answer: answerKey(a.chosen),
      hint: a.hint,
      ms: a.ms,
    }));
  });
}
