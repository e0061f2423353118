import { describe, expect, it } from "vitest";
import { SIDES, type TraceSegment } from "../../../src/engine";
import {
  availableDifficulties,
  checkDrillOptions,
  DIFFICULTIES,
  drillConcepts,
  drillMisconceptions,
  generateDrillPuzzle,
  misconceptionKey,
  QUESTIONS,
  TOPICS,
} from "../../../src/game/drill";
import { feedbackView, playReducer, questionView, result, startLevel } from "../../../src/game/session";
import { questionsOf } from "../../../src/game/questions";
import { sameAnswer } from "../../../src/levels/answer";
import { MISCONCEPTION_IDS } from "../../../src/levels/misconceptions";

const SEEDS = Array.from({ length: 500 }, (_, i) => i * 7919 + 13);
const puzzles = SEEDS.map((seed) => generateDrillPuzzle(seed));
const TWO_32 = 2 ** 32;

/** Sequence numbers a segment occupies (RFC 9293 §3.4): its bytes, one for SYN, one for FIN. */
const occupies = (s: TraceSegment) => s.len + (s.flags.includes("S") ? 1 : 0) + (s.flags.includes("F") ? 1 : 0);

describe("the same seed gives the same puzzle", () => {
  it("deep-equal, level, trace and choices included, however often it is generated", () => {
    for (const seed of [0, 1, 42, 4294967295, 123456789]) {
      expect(generateDrillPuzzle(seed)).toEqual(generateDrillPuzzle(seed));
      expect(generateDrillPuzzle(seed, { topic: "close", difficulty: 3 })).toEqual(
        generateDrillPuzzle(seed, { topic: "close", difficulty: 3 }),
      );
    }
  });

  it("does not depend on what was generated before (no hidden state)", () => {
    const fresh = generateDrillPuzzle(SEEDS[3] as number);
    expect(fresh).toEqual(puzzles[3]);
  });

  it("different seeds give different puzzles", () => {
    const distinct = new Set(puzzles.map((p) => JSON.stringify([p.template, p.question, p.level.level.scenario])));
    expect(distinct.size).toBeGreaterThan(SEEDS.length * 0.95);
  });

  it("names the level after its seed, so that a puzzle can be replayed", () => {
    const p = generateDrillPuzzle(77);
    expect(p.level.level.id).toBe("drill-77");
    expect(p.level.file).toBe("drill:77");
    expect(p.seed).toBe(77);
  });
});

describe("what the generator covers, over 500 seeds", () => {
  it("every topic", () => {
    expect(new Set(puzzles.map((p) => p.topic))).toEqual(new Set(TOPICS));
  });

  it("every kind of puzzle the levels have", () => {
    expect(new Set(puzzles.map((p) => p.kind))).toEqual(
      new Set(["state", "segment", "number", "who", "time", "errno", "ladder"]),
    );
  });

  it("every difficulty, and a puzzle's difficulty is its question's, one more across the wrap", () => {
    expect(new Set(puzzles.map((p) => p.difficulty))).toEqual(new Set(DIFFICULTIES));
    for (const p of puzzles) {
      const q = QUESTIONS.find((x) => x.template === p.template && x.id === p.question);
      expect(p.difficulty).toBe(Math.min(5, (q?.difficulty ?? 0) + (p.wrap ? 1 : 0)));
      expect(p.level.level.difficulty).toBe(p.difficulty);
    }
  });

  it("both sides in both roles: the client and the server each close first, each send the asked segment", () => {
    const sides = new Set(puzzles.flatMap((p) => (p.kind === "segment" && "side" in p.level.level.puzzles[0]! ? [p.level.level.puzzles[0]!.side] : [])));
    expect(sides).toEqual(new Set(SIDES));
  });

  it("the validator rejected none of them (rejections are counted, and there are none)", () => {
    expect(puzzles.flatMap((p) => p.rejections)).toEqual([]);
    expect(puzzles.reduce((n, p) => n + p.skipped, 0)).toBeLessThan(SEEDS.length * 0.02);
  });
});

describe("choices", () => {
  it("every question has exactly one right answer and at least two wrong ones, each shown once", () => {
    for (const p of puzzles) {
      for (const q of p.level.puzzles.flatMap((x) => x.questions)) {
        expect(q.choices.filter((c) => sameAnswer(c.answer, q.correct))).toHaveLength(1);
        expect(q.choices.length).toBeGreaterThanOrEqual(3);
        expect(new Set(q.choices.map((c) => JSON.stringify(c.answer))).size).toBe(q.choices.length);
      }
    }
  });

  it("wrong choices come from the misconception catalogue, the misconceptions a puzzle lists are the ones it offers", () => {
    const offered = puzzles.flatMap((p) => p.misconceptions);
    expect(offered.length).toBeGreaterThan(puzzles.length);
    for (const m of offered) expect(MISCONCEPTION_IDS.has(m)).toBe(true);
    for (const p of puzzles) {
      const shown = new Set(p.level.puzzles[0]!.questions.flatMap((q) => q.choices.flatMap((c) => c.misconception ?? [])));
      expect(new Set(p.misconceptions)).toEqual(shown);
    }
  });

  it("a non-ladder question shows at most five choices", () => {
    for (const p of puzzles.filter((x) => x.kind !== "ladder")) {
      expect(p.level.puzzles[0]!.questions[0]!.choices.length).toBeLessThanOrEqual(5);
    }
  });
});

describe("text", () => {
  it("is in English and Chinese, every title, intro and explanation, with a source", () => {
    for (const p of puzzles) {
      const { level } = p.level;
      const puzzle = level.puzzles[0]!;
      for (const text of [level.title, level.intro, puzzle.explain, ...(puzzle.prompt ? [puzzle.prompt] : [])]) {
        expect(text.en.length).toBeGreaterThan(0);
        expect(text["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(puzzle.cite.length).toBeGreaterThan(0);
      for (const c of puzzle.cite) expect(c).toMatch(/^(RFC \d+ §[\d.]+|Linux |socket\(7\)|connect\(2\)|send\(2\))/);
    }
  });

  it("an explanation names the engine's answer: its segment, number, state, time or error", () => {
    for (const p of puzzles) {
      const posed = p.level.puzzles[0]!;
      const correct = posed.questions[0]!.correct;
      const en = posed.puzzle.explain.en;
      switch (correct.kind) {
        case "segment":
          expect(en).toContain(`seq=${correct.seq}`);
          break;
        case "number":
          expect(en).toContain(String(correct.value));
          break;
        case "state":
          expect(en).toContain(correct.state);
          break;
        case "time":
          expect(en).toContain(`${correct.seconds} s`);
          break;
        case "errno":
          expect(en).toContain(correct.errno === "none" ? "No error" : correct.errno);
          break;
        case "who":
          expect(en.toLowerCase()).toContain(correct.who);
          break;
      }
    }
  });
});

describe("sequence numbers near 2^32", () => {
  const wrapped = puzzles.filter((p) => p.wrap);

  it("some puzzles start their ISNs just below 2^32", () => {
    expect(wrapped.length).toBeGreaterThan(10);
    for (const p of wrapped) {
      const { client, server } = p.level.level.scenario as unknown as { client: { isn: number }; server: { isn: number } };
      expect(Math.max(client.isn, server.isn)).toBeGreaterThan(TWO_32 - 5000);
    }
  });

  it("an ack computed across the wrap is the sum modulo 2^32: data or a FIN at 4294967xxx is acknowledged with a small number", () => {
    let across = 0;
    for (const p of wrapped.filter((x) => x.kind === "segment")) {
      const posed = p.level.puzzles[0]!;
      const side = (posed.puzzle as { side: string }).side;
      const trace = p.level.trace;
      const question = posed.questions[0]!;
      const sent = trace.segments.find((s) => s.from === side && s.order > question.shownUntil);
      if (!sent?.flags.includes("A")) continue;
      // What the segment acknowledges: the last segment from the peer that took numbers and had arrived.
      const answered = trace.segments
        .filter((s) => s.from !== side && occupies(s) > 0 && s.arrival !== undefined && s.arrival < sent.order)
        .at(-1);
      if (!answered || answered.seq + occupies(answered) < TWO_32 || sent.ack !== answered.seq + occupies(answered) - TWO_32) continue;
      across++;
      expect(question.correct).toMatchObject({ kind: "segment", ack: answered.seq + occupies(answered) - TWO_32 });
      expect(posed.puzzle.explain.en).toContain(
        `${answered.seq} + ${occupies(answered)} = ${answered.seq + occupies(answered)}, which wraps to ${sent.ack} (sequence numbers count modulo 2^32)`,
      );
    }
    expect(across).toBeGreaterThan(0);
  });
});

describe("filters", () => {
  it("every topic has every difficulty", () => {
    for (const t of TOPICS) expect(availableDifficulties(t)).toEqual([1, 2, 3, 4, 5]);
  });

  it("--topic and --difficulty are honoured exactly", () => {
    for (const topic of TOPICS) {
      for (const difficulty of DIFFICULTIES) {
        expect(checkDrillOptions({ topic, difficulty })).toBeUndefined();
        for (let seed = 0; seed < 8; seed++) {
          const p = generateDrillPuzzle(seed, { topic, difficulty });
          expect([p.topic, p.difficulty]).toEqual([topic, difficulty]);
        }
      }
    }
  });

  it("a concept to target gives a puzzle about it, for every concept the drill knows", () => {
    for (const concept of drillConcepts()) {
      for (const seed of [1, 2]) expect(generateDrillPuzzle(seed, { target: concept }).concepts).toContain(concept);
    }
  });

  it("a misconception to target is offered among the choices, for every misconception the drill offers", () => {
    for (const m of drillMisconceptions()) {
      for (const seed of [1, 2]) expect(generateDrillPuzzle(seed, { target: misconceptionKey(m) }).misconceptions).toContain(m);
    }
  });

  it("says why options give nothing, and generating with them throws", () => {
    expect(checkDrillOptions({ target: "no-such-concept" })).toBe(
      'no drill puzzle for "no-such-concept" (difficulties available: 1, 2, 3, 4, 5)',
    );
    expect(checkDrillOptions({ topic: "timers", target: "simultaneous-open" })).toBe(
      'no drill puzzle for topic "timers" at "simultaneous-open" (difficulties available for timers: 1, 2, 3, 4, 5)',
    );
    expect(() => generateDrillPuzzle(1, { topic: "timers", target: "simultaneous-open" })).toThrow(RangeError);
  });
});

describe("a generated puzzle plays in the ordinary session", () => {
  it("answered right throughout, it scores three stars and reports its concepts", () => {
    for (const p of puzzles.slice(0, 40)) {
      let state = startLevel(p.level, "zh-CN", 0);
      let now = 0;
      for (const slot of questionsOf(p.level)) {
        const view = questionView(state);
        expect(view?.choices.length).toBe(slot.question.choices.length);
        const right = slot.question.choices.findIndex((c) => sameAnswer(c.answer, slot.question.correct));
        now += 1000;
        state = playReducer(state, { type: "answer", choice: right, now });
        expect(feedbackView(state)?.correct).toBe(true);
        state = playReducer(state, { type: "next", now });
      }
      expect(state.phase).toBe("done");
      expect(result(state)).toMatchObject({ stars: 3, concepts: p.concepts });
    }
  });
});
