import { describe, expect, it } from "vitest";
import { questionsOf } from "../../src/game/questions";
import { revealedUntil, traceUntil } from "../../src/game/reveal";
import { type PosedLevel, poseLevel } from "../../src/levels/pose";
import { Level } from "../../src/levels/schema";
import { builtInLevel } from "./builtInLevel";

// four-way-close-first-fin: handshake, the client closes, a second later the server closes.
//   segments by order: 2 S, 5 SA, 8 A, 12 FA (client), 15 A, 19 FA (server), 22 A
//   client states: 1 SYN_SENT, 7 ESTABLISHED, 11 FIN_WAIT_1, 17 FIN_WAIT_2, 21 TIME_WAIT, 25 CLOSED
//   server states: 0 LISTEN, 4 SYN_RECEIVED, 10 ESTABLISHED, 14 CLOSE_WAIT, 18 LAST_ACK, 24 CLOSED
const level = await builtInLevel("four-way-close-first-fin");
const orders = (t: ReturnType<typeof traceUntil>) => [t.segments.map((s) => s.order), t.events.map((e) => e.order)];

describe("traceUntil", () => {
  it("keeps the segments and events numbered up to the cut", () => {
    expect(orders(traceUntil(level.trace, 10))).toEqual([
      [2, 5, 8],
      [0, 1, 4, 7, 10],
    ]);
  });

  it("keeps a segment sent before the cut that arrives after it", () => {
    const t = traceUntil(level.trace, 12);
    expect(t.segments.at(-1)).toMatchObject({ order: 12, arrival: 13, flags: "FA" });
    expect(t.events.map((e) => e.order)).toEqual([0, 1, 4, 7, 10, 11]);
  });

  it("keeps the final states as they are", () => {
    expect(traceUntil(level.trace, 0).final).toEqual(level.trace.final);
  });

  it("keeps everything when cut at infinity", () => {
    expect(traceUntil(level.trace, Infinity)).toEqual(level.trace);
  });
});

describe("revealedUntil: an answer reveals up to what it names", () => {
  const revealed = () => questionsOf(level).map((s) => [s.posed.puzzle.id, s.question.shownUntil, revealedUntil(s.posed, s.question, level.trace)]);

  it("a state up to that state change, a segment up to that segment, who up to the last side entering the state", () => {
    expect(revealed()).toEqual([
      ["client-closes", 10, 11], // client FIN_WAIT_1
      ["server-answers-fin", 13, 15], // server ACK
      ["server-state", 13, 14], // server CLOSE_WAIT
      ["client-after-ack", 16, 17], // client FIN_WAIT_2
      ["server-closes", 17, 18], // server LAST_ACK
      ["who-waits", 17, 21], // client TIME_WAIT
    ]);
  });
});

describe("revealedUntil: an answer about what never happens reveals the whole trace", () => {
  const text = { en: "x", "zh-CN": "x" };
  const posed = poseLevel(
    Level.parse({
      id: "t",
      title: text,
      intro: text,
      difficulty: 1,
      concepts: ["close"],
      scenario: { client: { isn: 1000 }, server: { isn: 5000 }, steps: level.level.scenario.steps },
      puzzles: [
        { id: "nobody-closing", at: { afterStep: 1 }, ask: "who", state: "CLOSING", choices: ["client", "both"] },
        { id: "no-error", at: { afterStep: 1 }, ask: "errno", side: "client", choices: ["ECONNRESET", "EPIPE"] },
      ].map((p) => ({ ...p, explain: text, cite: ["RFC 9293"] })),
    }),
  ).posed as PosedLevel;

  it("who: neither, and errno: none", () => {
    const [who, errno] = posed.puzzles;
    expect(who?.questions[0]?.correct).toEqual({ kind: "who", who: "neither" });
    expect(errno?.questions[0]?.correct).toEqual({ kind: "errno", errno: "none" });
    for (const p of [who, errno]) expect(revealedUntil(p!, p!.questions[0]!, posed.trace)).toBe(Infinity);
  });
});
