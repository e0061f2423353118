import { describe, expect, it } from "vitest";
import { generateDrillPuzzle, puzzleSeed, worksheetData, worksheetJson } from "../../../src/game/drill";
import { answerLabel } from "../../../src/game/describe";
import { sameAnswer } from "../../../src/levels/answer";

describe("worksheet data (drill --print --format json)", () => {
  const sheet = worksheetData({ seed: 42, count: 12, lang: "en" });

  it("is the same, byte for byte, for the same options", () => {
    expect(worksheetJson(worksheetData({ seed: 42, count: 12, lang: "en" }))).toBe(worksheetJson(sheet));
    expect(worksheetJson(worksheetData({ seed: 43, count: 12, lang: "en" }))).not.toBe(worksheetJson(sheet));
  });

  it("has the documented shape, in the documented key order", () => {
    expect(Object.keys(sheet)).toEqual(["tcpTutor", "format", "seed", "lang", "count", "topic", "difficulty", "puzzles"]);
    expect(sheet).toMatchObject({ tcpTutor: "worksheet", format: 1, seed: 42, lang: "en", count: 12, topic: null, difficulty: null });
    expect(Object.keys(sheet.puzzles[0]!)).toEqual([
      "number",
      "seed",
      "topic",
      "kind",
      "difficulty",
      "concepts",
      "title",
      "intro",
      "next",
      "prompt",
      "questions",
      "explain",
      "cite",
      "trace",
    ]);
    expect(Object.keys(sheet.puzzles[0]!.questions[0]!)).toEqual(["choices", "answer", "answerText", "traps"]);
    expect(JSON.parse(worksheetJson(sheet))).toEqual(JSON.parse(JSON.stringify(sheet)));
    expect(worksheetJson(sheet).endsWith("}\n")).toBe(true);
  });

  it("puzzle n is the drill puzzle of seed puzzleSeed(seed, n - 1), whatever the count", () => {
    const p = sheet.puzzles[4]!;
    expect(p.number).toBe(5);
    expect(p.seed).toBe(puzzleSeed(42, 4));
    expect(worksheetData({ seed: 42, count: 5, lang: "en" }).puzzles[4]).toEqual(p);
    const drill = generateDrillPuzzle(p.seed);
    expect([p.kind, p.topic, p.difficulty, p.title]).toEqual([drill.kind, drill.topic, drill.difficulty, drill.level.level.title.en]);
  });

  it("letters the choices A, B, C … and names the right one, as the engine computed it", () => {
    for (const p of sheet.puzzles) {
      const posed = generateDrillPuzzle(p.seed).level.puzzles[0]!;
      p.questions.forEach((q, i) => {
        const question = posed.questions[i]!;
        expect(q.choices.map((c) => c.letter)).toEqual(q.choices.map((_, j) => String.fromCharCode(65 + j)));
        const right = question.choices.findIndex((c) => sameAnswer(c.answer, question.correct));
        expect(q.answer).toBe(String.fromCharCode(65 + right));
        expect(q.choices.find((c) => c.letter === q.answer)?.text).toBe(q.answerText);
        expect(q.answerText).toBe(answerLabel(question.correct, "en"));
        for (const t of q.traps) expect(t.letter).not.toBe(q.answer);
      });
    }
  });

  it("cuts the trace at the question: nothing after it, and no final states that would give the answer away", () => {
    for (const p of sheet.puzzles) {
      const question = generateDrillPuzzle(p.seed).level.puzzles[0]!.questions[0]!;
      expect(Object.keys(p.trace)).toEqual(["segments", "events"]);
      for (const x of [...p.trace.segments, ...p.trace.events]) expect(x.order).toBeLessThanOrEqual(question.shownUntil);
    }
  });

  it("speaks the asked language, and honours topic and difficulty", () => {
    const zh = worksheetData({ seed: 42, count: 3, lang: "zh-CN", topic: "half-close", difficulty: 2 });
    expect(zh).toMatchObject({ lang: "zh-CN", topic: "half-close", difficulty: 2 });
    for (const p of zh.puzzles) {
      expect([p.topic, p.difficulty]).toEqual(["half-close", 2]);
      expect(p.explain).toMatch(/[\u4e00-\u9fff]/);
      expect(p.prompt).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("prints nothing for a count of 0", () => {
    expect(worksheetData({ seed: 1, count: 0, lang: "en" }).puzzles).toEqual([]);
  });
});
