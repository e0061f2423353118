import type { AnswerRecord, LevelResult } from "../../src/game";

/** A finished level as the game reports it: `right` answers right and `wrong` wrong, the wrong ones by misconception. */
export function levelResult(
  levelId: string,
  score: number,
  { right = 1, wrong = 0, misconception, concepts = ["handshake"], hints = 0, stars }: {
    readonly right?: number;
    readonly wrong?: number;
    readonly misconception?: string;
    readonly concepts?: readonly string[];
    readonly hints?: number;
    readonly stars?: 0 | 1 | 2 | 3;
  } = {},
): LevelResult {
  const answer = (correct: boolean, i: number): AnswerRecord => ({
    puzzleId: `p${i}`,
    question: 0,
    chosen: { kind: "state", state: "SYN_SENT" },
    correct,
    misconception: correct ? undefined : misconception,
    hint: i < hints,
    ms: 1000,
    points: correct ? score / Math.max(1, right) : 0,
  });
  const answers = [
    ...Array.from({ length: right }, (_, i) => answer(true, i)),
    ...Array.from({ length: wrong }, (_, i) => answer(false, right + i)),
  ];
  return {
    levelId,
    score,
    maxScore: 1000,
    stars: stars ?? (score >= 900 ? 3 : score >= 700 ? 2 : score >= 400 ? 1 : 0),
    correct: right,
    total: right + wrong,
    ms: 1000 * answers.length,
    review: [],
    concepts,
    answers,
  };
}
