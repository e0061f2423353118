import { answerKey } from "../../levels/answer";
import type { AnswerRecord } from "../types";
import type { ChallengeAnswer } from "./verify";

/**
 * The answers of a round as a result file records them: each puzzle's answers, in the order they were given, named
 * by puzzle and question, with the chosen answer's canonical text (what replayChallenge looks up among the choices).
 */
export function challengeAnswers(entries: readonly { readonly answers: readonly AnswerRecord[] }[]): ChallengeAnswer[] {
  return entries.flatMap((entry, puzzle) =>
    entry.answers.map((a) => ({ puzzle, question: a.question, answer: answerKey(a.chosen), hint: a.hint, ms: a.ms })),
  );
}
