import { describe, expect, it } from "vitest";
import { type ChallengeSpec, GENERATOR_VERSION } from "../../../src/game/challenge/code";
import { accuracyPerQuestion, rankResults } from "../../../src/game/challenge/rank";
import { challengeRound } from "../../../src/game/challenge/round";
import { type ChallengeAnswer, replayChallenge } from "../../../src/game/challenge/verify";
import { questionsOf } from "../../../src/game/questions";
import { maxScore } from "../../../src/game/scoring";
import { answerKey } from "../../../src/levels/answer";

const spec: ChallengeSpec = { generator: GENERATOR_VERSION, seed: 99, count: 6, topics: [], difficulty: undefined, minutes: 5 };
const round = challengeRound(spec);
const slots = round.flatMap((p, puzzle) => questionsOf(p.level).map((s) => ({ ...s, puzzle, difficulty: p.difficulty })));

/** Every question answered, in order, in 5 s: right, except the questions listed as wrong. */
function answers(wrong: readonly number[] = []): ChallengeAnswer[] {
  return slots.map((s, i) => {
    const pick = wrong.includes(i)
      ? s.question.choices.find((c) => answerKey(c.answer) !== answerKey(s.question.correct))
      : s.question.choices.find((c) => answerKey(c.answer) === answerKey(s.question.correct));
    return { puzzle: s.puzzle, question: s.index, answer: answerKey(pick?.answer ?? s.question.correct), hint: false, ms: 5000 };
  });
}

describe("replaying a challenge result", () => {
  it("every answer right, fast, no hint: the round's best possible score", () => {
    const r = replayChallenge(spec, round, answers());
    expect(r).toEqual({
      ok: true,
      replay: {
        score: maxScore(slots.map((s) => s.difficulty)),
        correct: slots.length,
        total: slots.length,
        answered: slots.length,
        ms: 5000 * slots.length,
        questions: slots.map(() => "right"),
      },
    });
  });

  it("a wrong answer scores nothing and breaks the streak", () => {
    const r = replayChallenge(spec, round, answers([1]));
    if (!r.ok) throw new Error(r.reason);
    expect(r.replay.correct).toBe(slots.length - 1);
    expect(r.replay.questions[1]).toBe("wrong");
    expect(r.replay.score).toBeLessThan(maxScore(slots.map((s) => s.difficulty)) - 100 * (slots[1]?.difficulty ?? 0));
  });

  it("an answer that is not one of its question's choices is refused", () => {
    const forged = answers().map((a, i) => (i === 2 ? { ...a, answer: "LISTENING" } : a));
    expect(replayChallenge(spec, round, forged)).toEqual({
      ok: false,
      reason: `answer 3 (puzzle ${(slots[2]?.puzzle ?? 0) + 1}, question ${(slots[2]?.index ?? 0) + 1}): "LISTENING" is not one of the question's choices`,
    });
  });

  it("the same question answered twice, or a question of another round, is refused", () => {
    const twice = [...answers().slice(0, 2), answers()[1] as ChallengeAnswer];
    expect(replayChallenge(spec, round, twice)).toMatchObject({ ok: false, reason: expect.stringContaining("answered out of order or twice") });
    const beyond = [...answers(), { puzzle: 6, question: 0, answer: "x", hint: false, ms: 1 }];
    expect(replayChallenge(spec, round, beyond)).toMatchObject({ ok: false, reason: expect.stringContaining("the round has no such question") });
  });

  it("a negative time is impossible", () => {
    const forged = answers().map((a, i) => (i === 0 ? { ...a, ms: -5 } : a));
    expect(replayChallenge(spec, round, forged)).toMatchObject({ ok: false, reason: expect.stringContaining("the time -5 ms is impossible") });
  });

  it("a timed round: answers taking longer than its minutes are refused; time running out leaves questions unanswered", () => {
    const slow = answers().map((a) => ({ ...a, ms: 60_000 }));
    expect(replayChallenge(spec, round, slow)).toMatchObject({ ok: false, reason: expect.stringContaining("more than the round's 5 min") });
    const cut = replayChallenge(spec, round, answers().slice(0, 3));
    if (!cut.ok) throw new Error(cut.reason);
    expect(cut.replay.questions.slice(3)).toEqual(slots.slice(3).map(() => "unanswered"));
  });

  it("a round left before its end (untimed too): the questions not reached are unanswered, not refused", () => {
    const untimed = { ...spec, minutes: 0 };
    const left = replayChallenge(untimed, round, answers().slice(0, 3));
    if (!left.ok) throw new Error(left.reason);
    expect(left.replay.answered).toBe(3);
    expect(left.replay.questions.filter((q) => q === "unanswered")).toHaveLength(slots.length - 3);
  });

  describe("a live round (each question open for its seconds, then the next comes)", () => {
    const live = { live: { seconds: 20 } };
    const untimed = { ...spec, minutes: 0 };

    it("a question skipped is unanswered, and the streak starts again after it", () => {
      const all = answers();
      const skipped = replayChallenge(untimed, round, [...all.slice(0, 2), ...all.slice(3)], live);
      if (!skipped.ok) throw new Error(skipped.reason);
      expect(skipped.replay.questions[2]).toBe("unanswered");
      expect(skipped.replay.answered).toBe(slots.length - 1);
      // The same answers with the skipped one wrong instead: a wrong answer breaks the streak exactly as a skip does.
      const wrong = replayChallenge(untimed, round, answers([2]), live);
      if (!wrong.ok) throw new Error(wrong.reason);
      expect(skipped.replay.score).toBe(wrong.replay.score);
    });

    it("offline, a ladder's question skipped is refused; live, it is only unanswered", () => {
      // Seed 4's last puzzle is a ladder of four questions.
      const laddered = { ...untimed, seed: 4 };
      const ladderRound = challengeRound(laddered);
      const all = ladderRound.flatMap((p, puzzle) =>
        questionsOf(p.level).map((s) => ({ puzzle, question: s.index, answer: answerKey(s.question.correct), hint: false, ms: 5000 })),
      );
      const second = all.findIndex((a) => a.question === 1);
      expect(second).toBeGreaterThan(0);
      const skipped = all.filter((_, i) => i !== second - 1);
      expect(replayChallenge(laddered, ladderRound, skipped)).toMatchObject({
        ok: false,
        reason: expect.stringContaining("an earlier question of the same puzzle was skipped"),
      });
      expect(replayChallenge(laddered, ladderRound, skipped, live)).toMatchObject({ ok: true, replay: { answered: all.length - 1 } });
    });

    it("an answer later than the question's seconds (plus the grace) is refused", () => {
      const late = answers().map((a, i) => (i === 1 ? { ...a, ms: 22_001 } : a));
      expect(replayChallenge(untimed, round, late, live)).toMatchObject({
        ok: false,
        reason: expect.stringContaining("answered after 22 s, when the question was open for 20 s"),
      });
      const inGrace = answers().map((a, i) => (i === 1 ? { ...a, ms: 22_000 } : a));
      expect(replayChallenge(untimed, round, inGrace, live).ok).toBe(true);
    });
  });
});

describe("the scoreboard's order", () => {
  it("score first, then time; equal score and time share a place", () => {
    const ranked = rankResults([
      { name: "bo", score: 900, ms: 50_000 },
      { name: "ana", score: 900, ms: 40_000 },
      { name: "cy", score: 1200, ms: 90_000 },
      { name: "di", score: 900, ms: 50_000 },
    ]);
    expect(ranked.map((r) => [r.place, r.entry.name])).toEqual([
      [1, "cy"],
      [2, "ana"],
      [3, "bo"],
      [3, "di"],
    ]);
  });

  it("per question, the share of the class that answered right", () => {
    expect(accuracyPerQuestion([{ questions: ["right", "wrong"] }, { questions: ["right", "unanswered"] }])).toEqual([1, 0]);
  });
});
