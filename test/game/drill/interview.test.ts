import { describe, expect, it } from "vitest";
import {
  INTERVIEW_COUNT,
  INTERVIEW_MINUTES,
  type InterviewEntry,
  interviewPuzzles,
  interviewSummary,
  timeLeft,
} from "../../../src/game/drill";
import { sameAnswer } from "../../../src/levels/answer";
import { misconception } from "../../../src/levels/misconceptions";
import type { AnswerRecord } from "../../../src/game/types";

describe("an interview round's puzzles", () => {
  it("ten by default, rising in difficulty two at a time, the same for the same seed", () => {
    const round = interviewPuzzles({ seed: 9 });
    expect(INTERVIEW_COUNT).toBe(10);
    expect(INTERVIEW_MINUTES).toBe(5);
    expect(round.map((p) => p.difficulty)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(interviewPuzzles({ seed: 9 })).toEqual(round);
    expect(new Set(round.map((p) => p.seed)).size).toBe(10);
  });

  it("any count, and a topic", () => {
    const round = interviewPuzzles({ seed: 1, count: 5, topic: "reset" });
    expect(round.map((p) => [p.topic, p.difficulty])).toEqual([
      ["reset", 1],
      ["reset", 2],
      ["reset", 3],
      ["reset", 4],
      ["reset", 5],
    ]);
  });
});

describe("timeLeft", () => {
  it("counts down the round's minutes and stops at 0", () => {
    expect(timeLeft(1_000, 1_000)).toBe(300_000);
    expect(timeLeft(1_000, 61_000, 5)).toBe(240_000);
    expect(timeLeft(1_000, 301_000, 5)).toBe(0);
    expect(timeLeft(1_000, 999_000, 5)).toBe(0);
  });
});

describe("interviewSummary", () => {
  const round = interviewPuzzles({ seed: 9, count: 4 });

  /** Answers each question of a puzzle: right, or the first wrong choice (which may carry a misconception). */
  function answer(p: InterviewEntry["puzzle"], correct: boolean): AnswerRecord[] {
    return p.level.puzzles[0]!.questions.map((q, question) => {
      const choice = q.choices.find((c) => sameAnswer(c.answer, q.correct) === correct)!;
      return {
        puzzleId: p.level.puzzles[0]!.puzzle.id,
        question,
        chosen: choice.answer,
        correct,
        misconception: correct ? undefined : choice.misconception,
        hint: false,
        ms: 4_000,
        points: correct ? 100 : 0,
      };
    });
  }

  it("sums the answers and lists the concepts missed, with what to read, weakest first", () => {
    const entries: InterviewEntry[] = [
      { puzzle: round[0]!, answers: answer(round[0]!, true) },
      { puzzle: round[1]!, answers: answer(round[1]!, false) },
      { puzzle: round[2]!, answers: answer(round[2]!, false) },
      // Time ran out before the last puzzle.
      { puzzle: round[3]!, answers: [] },
    ];
    const summary = interviewSummary(entries, "en");
    const all = entries.flatMap((e) => e.answers);
    expect(summary).toMatchObject({
      answered: all.length,
      correct: entries[0]!.answers.length,
      total: round.reduce((n, p) => n + p.level.puzzles[0]!.questions.length, 0),
      points: 100 * entries[0]!.answers.length,
      ms: 4_000 * all.length,
    });
    const missed = new Set([...round[1]!.concepts, ...round[2]!.concepts]);
    expect(new Set(summary.weak.map((w) => w.concept))).toEqual(missed);
    for (let i = 1; i < summary.weak.length; i++) {
      const [a, b] = [summary.weak[i - 1]!, summary.weak[i]!];
      expect(a.wrong > b.wrong || (a.wrong === b.wrong && a.right <= b.right)).toBe(true);
    }
    const fin = summary.weak.find((w) => round[1]!.concepts.includes(w.concept))!;
    expect(fin.read).toContain(round[1]!.level.puzzles[0]!.puzzle.explain.en);
    const fell = entries[1]!.answers[0]!.misconception;
    if (fell) expect(fin.read).toContain(misconception(fell)!.explain.en);
    expect(fin.cite).toEqual(expect.arrayContaining([...round[1]!.level.puzzles[0]!.puzzle.cite]));
  });

  it("a round answered right throughout has no weak concepts", () => {
    const entries = round.map((puzzle) => ({ puzzle, answers: answer(puzzle, true) }));
    expect(interviewSummary(entries, "zh-CN").weak).toEqual([]);
  });
});
