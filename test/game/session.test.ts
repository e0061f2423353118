import { describe, expect, it } from "vitest";
import type { Trace } from "../../src/engine";
import {
  feedbackView,
  playReducer,
  type PlayState,
  progressView,
  questionView,
  result,
  startLevel,
} from "../../src/game/session";
import type { PlayAction } from "../../src/game/types";
import { sameAnswer } from "../../src/levels/answer";
import { misconception } from "../../src/levels/misconceptions";
import { builtInLevel } from "./builtInLevel";

/**
 * four-way-close-who-sends-what (difficulty 3, so 300 points a question before bonuses): the server sends 2000
 * bytes in two segments, the client 300, then both close. Eight questions: the ack of segment 7, a ladder of the
 * four closing segments, who enters LAST_ACK, the client's state and how long until it is CLOSED.
 */
const level = await builtInLevel("four-way-close-who-sends-what");
const puzzle = (id: string) => level.level.puzzles.find((p) => p.id === id)!;
const explain = (id: string) => misconception(id)!.explain;

/** The play-through the tests follow, question by question: right, right with the hint, wrong, … */
const SCRIPT: readonly (readonly PlayAction[])[] = [
  [{ type: "answer", choice: 2, now: 6_000 }], // 62001, in 5 s: 300 × 1.2 = 360
  [{ type: "next", now: 10_000 }, { type: "hint" }, { type: "answer", choice: 2, now: 25_000 }], // FA, hint, 15 s: 300 × 1.1 × 0.5 × 1.15 = 190
  [{ type: "next", now: 30_000 }, { type: "answer", choice: 1, now: 32_000 }], // fin-takes-no-number: 0
  [{ type: "next", now: 40_000 }, { type: "answer", choice: 3, now: 75_000 }], // FA, in 35 s, streak 0: 300
  [{ type: "next", now: 80_000 }, { type: "answer", choice: 2, now: 82_000 }], // A, 2 s, streak 1: 300 × 1.1 × 1.2 = 396
  [{ type: "next", now: 90_000 }, { type: "answer", choice: 1, now: 93_000 }], // "client", a hand-written wrong choice: 0
  [{ type: "next", now: 100_000 }, { type: "answer", choice: 3, now: 101_000 }], // TIME_WAIT, 1 s, streak 0: 360
  [{ type: "next", now: 110_000 }, { type: "answer", choice: 2, now: 111_000 }], // 60 s, 1 s, streak 1: 396
];

const START = 1_000;

/** The state after the first `n` steps of the script, each a question answered (0: the level just started). */
function played(n: number, lang: "en" | "zh-CN" = "en"): PlayState {
  return SCRIPT.slice(0, n).flat().reduce(playReducer, startLevel(level, lang, START));
}

/** The question open after `n` answers (the `next` of step n + 1 done). */
function asked(n: number): PlayState {
  const next = SCRIPT[n]?.[0];
  return next ? playReducer(played(n), next) : played(n);
}

const orders = (t: Trace | undefined) => t?.segments.map((s) => s.order);

describe("playing four-way-close-who-sends-what", () => {
  it("opens on the first question: the trace until segment 5 arrives, that arrival, the level's prompt, the choices", () => {
    const q = questionView(played(0));
    expect(q).toMatchObject({
      levelId: "four-way-close-who-sends-what",
      number: 1,
      total: 8,
      next: "Segment 5 (PSH+ACK seq=61461 ack=20001 len=540) arrives at the client.",
      prompt: "The second part of the reply (seq 61461, 540 bytes) reaches the client. What ack does the client send?",
      choices: [{ label: "61461" }, { label: "61462" }, { label: "62001" }, { label: "62002" }],
      hint: undefined,
      hintShown: false,
    });
    expect(orders(q?.shown)).toEqual([2, 5, 8, 11, 12, 14]);
    expect(q?.shown.events.map((e) => e.order)).toEqual([0, 1, 4, 7, 10]);
    expect(feedbackView(played(0))).toBeUndefined();
  });

  it("scores a right answer in 5 s at 360 and reveals the ACK it asked about", () => {
    const f = feedbackView(played(1));
    expect(f).toMatchObject({
      correct: true,
      answer: "62001",
      misconception: undefined,
      explain: puzzle("ack-of-the-reply").explain.en,
      cite: ["RFC 9293 §3.4", "Linux quick ACK (TCP_MAX_QUICKACKS)"],
      points: 360,
    });
    expect(orders(f?.shown)).toEqual([2, 5, 8, 11, 12, 14, 16]);
    expect(questionView(played(1))).toBeUndefined();
  });

  it("asks the ladder one segment at a time, after the client's close()", () => {
    const q = questionView(asked(1));
    expect(q).toMatchObject({
      number: 2,
      next: "The client calls close().",
      prompt: "The client calls close(), and one second later so does the server. Write each segment of the close, in order.",
      choices: [
        { label: "FIN seq=20301" },
        { label: "FIN+ACK seq=20001 ack=62001" },
        { label: "FIN+ACK seq=20301 ack=62001" },
        { label: "FIN+ACK seq=20301 ack=62002" },
        { label: "FIN+ACK seq=62001 ack=20301" },
      ],
      hint: "Data and FINs use sequence numbers; bare ACKs do not.",
      hintShown: false,
    });
    expect(orders(q?.shown)).toEqual([2, 5, 8, 11, 12, 14, 16, 19, 21]);
    expect(questionView(asked(2))).toMatchObject({ number: 3, next: "The client calls close()." });
    expect(orders(questionView(asked(2))?.shown)).toEqual([2, 5, 8, 11, 12, 14, 16, 19, 21, 24]);
  });

  it("shows the hint once asked for, and halves the points: 300 × 1.1 streak × 0.5 × 1.15 for 15 s = 190", () => {
    const hinted = playReducer(asked(1), { type: "hint" });
    expect(questionView(hinted)?.hintShown).toBe(true);
    expect(feedbackView(played(2))).toMatchObject({ correct: true, answer: "FIN+ACK seq=20301 ack=62001", points: 190 });
    expect(played(2).answers[1]).toMatchObject({ puzzleId: "the-close", question: 0, hint: true, ms: 15_000, points: 190 });
  });

  it("starts the next question without the hint", () => {
    expect(questionView(asked(2))?.hintShown).toBe(false);
  });

  it("scores a wrong choice 0, explains the misconception behind it and breaks the streak", () => {
    expect(progressView(played(2)).streak).toBe(2);
    const f = feedbackView(played(3));
    expect(f).toMatchObject({ correct: false, answer: "ACK seq=62001 ack=20302", points: 0 });
    expect(f?.misconception).toBe(explain("fin-takes-no-number").en);
    expect(f?.misconception).toMatch(/^A FIN occupies one sequence number/);
    expect(progressView(played(3))).toEqual({ score: 550, streak: 0, answered: 3, total: 8 });
  });

  it("gives a slow answer (35 s) no speed bonus, and a fast one after it the streak's 10%", () => {
    expect(feedbackView(played(4))?.points).toBe(300);
    expect(feedbackView(played(5))?.points).toBe(396);
  });

  it("reveals, after the last ladder question, the client's final ACK", () => {
    expect(orders(feedbackView(played(5))?.shown)).toEqual([2, 5, 8, 11, 12, 14, 16, 19, 21, 24, 27, 31, 34]);
  });

  it("gives no misconception for a hand-written wrong choice, and reveals who entered LAST_ACK", () => {
    const q = questionView(asked(5));
    expect(q?.prompt).toBe("Which side enters LAST_ACK?");
    expect(q?.choices.map((c) => c.label)).toEqual(["both", "client", "neither", "server"]);
    const f = feedbackView(played(6));
    expect(f).toMatchObject({ correct: false, answer: "server", misconception: undefined, points: 0 });
    expect(f?.shown.events.at(-1)).toMatchObject({ order: 30, side: "server", to: "LAST_ACK" });
  });

  it("shows the whole trace once the client is CLOSED, after the last question", () => {
    expect(questionView(asked(7))?.prompt).toBe("How many seconds until the client enters CLOSED?");
    expect(feedbackView(played(8))).toMatchObject({ correct: true, answer: "60 s", points: 396 });
    expect(feedbackView(played(8))?.shown).toEqual(level.trace);
  });

  it("records every answer with its time and points", () => {
    expect(played(8).answers.map((a) => [a.puzzleId, a.question, a.correct, a.misconception, a.hint, a.ms, a.points])).toEqual([
      ["ack-of-the-reply", 0, true, undefined, false, 5_000, 360],
      ["the-close", 0, true, undefined, true, 15_000, 190],
      ["the-close", 1, false, "fin-takes-no-number", false, 2_000, 0],
      ["the-close", 2, true, undefined, false, 35_000, 300],
      ["the-close", 3, true, undefined, false, 2_000, 396],
      ["who-last-ack", 0, false, undefined, false, 3_000, 0],
      ["client-after-server-fin", 0, true, undefined, false, 1_000, 360],
      ["how-long", 0, true, undefined, false, 1_000, 396],
    ]);
  });

  it("has no result until every question is answered", () => {
    expect(result(played(7))).toBeUndefined();
  });

  it("ends with the score, the stars and what to review", () => {
    const expected = {
      levelId: "four-way-close-who-sends-what",
      score: 2002,
      maxScore: 3888, // 360 × (1 + 1.1 + … + 1.7)
      stars: 1, // 51%
      correct: 6,
      total: 8,
      ms: 64_000,
      review: [explain("fin-takes-no-number").en, puzzle("who-last-ack").explain.en],
      // Saved statistics count every answer towards each of the level's concepts.
      concepts: level.level.concepts,
      answers: played(8).answers,
    };
    expect(result(played(8))).toEqual(expected);
    expect(expected.answers.map((a) => a.correct)).toEqual([true, true, false, true, true, false, true, true]);
    const done = playReducer(played(8), { type: "next", now: 120_000 });
    expect(done.phase).toBe("done");
    expect(questionView(done)).toBeUndefined();
    expect(feedbackView(done)).toBeUndefined();
    expect(result(done)).toEqual(expected);
  });
});

describe("actions that do not fit change nothing", () => {
  it("an answer during feedback, or a next while a question is open", () => {
    const feedback = played(1);
    expect(playReducer(feedback, { type: "answer", choice: 0, now: 7_000 })).toBe(feedback);
    expect(playReducer(feedback, { type: "hint" })).toBe(feedback);
    const open = asked(1);
    expect(playReducer(open, { type: "next", now: 11_000 })).toBe(open);
  });

  it("a choice that is not one of the question's", () => {
    const open = played(0);
    for (const choice of [-1, 4, 1.5]) expect(playReducer(open, { type: "answer", choice, now: 2_000 })).toBe(open);
  });

  it("a hint for a puzzle without one, or a second hint", () => {
    const noHint = played(0);
    expect(playReducer(noHint, { type: "hint" })).toBe(noHint);
    const hinted = playReducer(asked(1), { type: "hint" });
    expect(playReducer(hinted, { type: "hint" })).toBe(hinted);
  });

  it("anything once the level is done", () => {
    const done = playReducer(played(8), { type: "next", now: 120_000 });
    expect(playReducer(done, { type: "next", now: 130_000 })).toBe(done);
    expect(playReducer(done, { type: "answer", choice: 0, now: 130_000 })).toBe(done);
  });
});

describe("the session's language", () => {
  it("switches every text at once, in the middle of a level", () => {
    const zh = playReducer(played(3), { type: "setLang", lang: "zh-CN" });
    expect(feedbackView(zh)).toMatchObject({
      answer: "ACK seq=62001 ack=20302",
      misconception: explain("fin-takes-no-number")["zh-CN"],
      explain: puzzle("the-close").explain["zh-CN"],
    });
    const q = questionView(playReducer(zh, { type: "next", now: 40_000 }));
    expect(q).toMatchObject({ next: "客户端调用 close()。", prompt: puzzle("the-close").prompt?.["zh-CN"] });
  });

  it("gives the result's review in the language at the end", () => {
    const zh = playReducer(played(8), { type: "setLang", lang: "zh-CN" });
    expect(result(zh)?.review).toEqual([explain("fin-takes-no-number")["zh-CN"], puzzle("who-last-ack").explain["zh-CN"]]);
  });

  it("can start in Chinese", () => {
    expect(questionView(played(0, "zh-CN"))?.next).toBe("第 5 个报文段（PSH+ACK seq=61461 ack=20001 len=540）到达客户端。");
    const who = playReducer(played(5, "zh-CN"), { type: "next", now: 90_000 });
    expect(questionView(who)?.prompt).toBe("哪一方会进入 LAST_ACK？");
    expect(questionView(who)?.choices.map((c) => c.label)).toEqual(["双方", "客户端", "都不会", "服务器"]);
  });
});

const first = await builtInLevel("four-way-close-first-fin");

describe("playing four-way-close-first-fin", () => {
  it("asks each kind's default question and says what happens next", () => {
    let s = startLevel(first, "en", 0);
    const seen: [string | undefined, string | undefined][] = [];
    for (let i = 0; i < 6; i++) {
      const q = questionView(s);
      seen.push([q?.next, q?.prompt]);
      const question = first.puzzles[i]?.questions[0];
      const choice = question ? question.choices.findIndex((c) => sameAnswer(c.answer, question.correct)) : -1;
      s = playReducer(playReducer(s, { type: "answer", choice, now: 1_000 * i }), { type: "next", now: 1_000 * i });
    }
    expect(seen).toEqual([
      ["The client calls close().", "What state does the client enter next?"],
      ["Segment 4 (FIN+ACK seq=1001 ack=5001) arrives at the server.", "What does the server send next?"],
      ["Segment 4 (FIN+ACK seq=1001 ack=5001) arrives at the server.", "What state does the server enter next?"],
      ["Segment 5 (ACK seq=5001 ack=1002) arrives at the client.", "What state does the client enter next?"],
      ["The server calls close().", "What state does the server enter next?"],
      ["The server calls close().", "Which side enters TIME_WAIT?"],
    ]);
    expect(result(s)).toMatchObject({ score: 120 + 132 + 144 + 156 + 168 + 180, maxScore: 900, stars: 3, correct: 6, review: [] });
  });
});
