import { describe, expect, it } from "vitest";
import { answerKey, parseAnswer } from "../../src/levels/answer";
import { type PosedLevel, poseLevel } from "../../src/levels/pose";
import { Level, type LevelFile } from "../../src/levels/schema";

const text = { en: "x", "zh-CN": "x" };

/** A level over the classic lifecycle (handshake, 100 bytes, four-segment close), with the given puzzles. */
function level(puzzles: unknown[], steps?: unknown[]): LevelFile {
  return Level.parse({
    id: "t",
    title: text,
    intro: text,
    difficulty: 1,
    concepts: ["close"],
    scenario: {
      client: { isn: 1000 },
      server: { isn: 5000 },
      steps: steps ?? [
        { listen: "server" },
        { connect: "client" },
        { send: { side: "client", bytes: 100 } },
        { close: "client" },
        { wait: 1 },
        { close: "server" },
        { wait: 61 },
      ],
    },
    puzzles: puzzles.map((p, i) => ({ id: `p${i}`, explain: text, cite: ["RFC 9293"], ...(p as object) })),
  });
}

function posed(l: LevelFile): PosedLevel {
  const r = poseLevel(l);
  expect(r.problems).toEqual([]);
  return r.posed as PosedLevel;
}

const keys = (p: PosedLevel, i = 0, q = 0) => p.puzzles[i]?.questions[q]?.choices.map((c) => answerKey(c.answer));
const correct = (p: PosedLevel, i = 0, q = 0) => answerKey(p.puzzles[i]?.questions[q]?.correct as never);

describe("the engine answers each kind of puzzle", () => {
  it("segment: as the client's FIN (segment 5) arrives, the server sends A 5001/1102", () => {
    const p = posed(level([{ at: { segment: 5 }, ask: "segment", side: "server", misconceptions: ["fin-takes-no-number", "ack-one-past"] }]));
    expect(correct(p)).toBe("A 5001/1102");
    expect(keys(p)).toEqual(["A 5001/1101", "A 5001/1102", "A 5001/1103"]);
    const wrong = p.puzzles[0]?.questions[0]?.choices.find((c) => answerKey(c.answer) === "A 5001/1101");
    expect(wrong?.misconception).toBe("fin-takes-no-number");
  });

  it("state: after the client's close (step 3) the server's next state is CLOSE_WAIT", () => {
    const p = posed(level([{ at: { afterStep: 2 }, ask: "state", side: "server", misconceptions: ["close-wait-last-ack-swapped", "closing-is-close-wait"] }]));
    expect(correct(p)).toBe("CLOSE_WAIT");
    expect(keys(p)).toEqual(["CLOSE_WAIT", "CLOSING", "LAST_ACK"]);
  });

  it("number: the ack of the server's final FIN (segment 7) is 1102", () => {
    const p = posed(level([{ at: { afterStep: 4 }, ask: "number", segment: 7, field: "ack", misconceptions: ["ack-one-past"], choices: ["1101"] }]));
    expect(correct(p)).toBe("1102");
  });

  it("who: after the handshake, only the client enters TIME_WAIT", () => {
    const p = posed(level([{ at: { afterStep: 1 }, ask: "who", state: "TIME_WAIT", misconceptions: ["passive-closer-time-wait", "both-time-wait"] }]));
    expect(correct(p)).toBe("client");
    expect(keys(p)).toEqual(["both", "client", "server"]);
  });

  it("time: from the server's close (after step 5, t = 1 s) the client leaves TIME_WAIT 60 s later", () => {
    const p = posed(level([{ at: { afterStep: 5 }, ask: "time", side: "client", state: "CLOSED", misconceptions: ["time-wait-is-one-msl", "msl-is-two-minutes"] }]));
    expect(correct(p)).toBe("60 s");
    expect(p.puzzles[0]?.time).toBe(1);
  });

  it("errno: connect to a port with no listener fails with ECONNREFUSED", () => {
    const l = level([{ at: { afterStep: 0 }, ask: "errno", side: "client", misconceptions: ["closed-port-is-silent", "reset-means-refused"] }], [{ wait: 0 }, { connect: "client" }]);
    expect(correct(posed(l))).toBe("ECONNREFUSED");
  });

  it("ladder: after the server's close call every later segment is one question", () => {
    const p = posed(level([{ at: { afterStep: 4 }, ask: "ladder", misconceptions: ["seq-ack-swapped", "ack-one-past", "fin-takes-no-number"] }]));
    expect(p.puzzles[0]?.questions.map((q) => answerKey(q.correct))).toEqual(["FA 5001/1102", "A 1102/5002"]);
  });
});

describe("the checker rejects what the engine contradicts", () => {
  const problems = (puzzles: unknown[], steps?: unknown[]) => poseLevel(level(puzzles, steps)).problems;

  it("a misconception that gives the right answer", () => {
    expect(problems([{ at: { segment: 5 }, ask: "segment", side: "server", misconceptions: ["ack-one-past", "seq-ack-swapped", "ack-is-seq"] }])).toEqual([
      { path: ["puzzles", 0, "misconceptions", 2], message: '"ack-is-seq" does not apply here (right answer A 5001/1102)' },
    ]);
  });

  it("a hand-written choice equal to the right answer, and one not written as an answer", () => {
    expect(problems([{ at: { afterStep: 2 }, ask: "state", side: "server", misconceptions: ["close-wait-last-ack-swapped"], choices: ["CLOSE_WAIT", "CLOSE-WAIT"] }])).toEqual([
      { path: ["puzzles", 0, "choices", 0], message: '"CLOSE_WAIT" is the right answer, not a wrong choice' },
      { path: ["puzzles", 0, "choices", 1], message: '"CLOSE-WAIT" is not written as a state answer (like CLOSE_WAIT)' },
      { path: ["puzzles", 0], message: "needs at least two wrong choices, has 1 (right answer CLOSE_WAIT)" },
    ]);
  });

  it("an unknown misconception, a point beyond the scenario, a state that is not one", () => {
    expect(problems([
      { at: { afterStep: 2 }, ask: "state", side: "server", misconceptions: ["no-such-idea"], choices: ["CLOSED", "LISTEN"] },
      { at: { afterStep: 9 }, ask: "state", side: "server" },
      { at: { segment: 0 }, ask: "who", state: "TIMEWAIT" },
    ])).toEqual([
      { path: ["puzzles", 0, "misconceptions", 0], message: 'unknown misconception "no-such-idea"' },
      { path: ["puzzles", 1, "at"], message: "the scenario has 7 steps (0 to 6)" },
      { path: ["puzzles", 2, "state"], message: '"TIMEWAIT" is not a TCP state' },
    ]);
  });

  it("a question the scenario never answers, and a duplicate puzzle id", () => {
    const l = level([
      { at: { afterStep: 6 }, ask: "segment", side: "client", choices: ["A 1/1", "A 2/2"] },
      { at: { afterStep: 0 }, ask: "state", side: "client", choices: ["CLOSED", "LISTEN"] },
    ]);
    const twice = { ...l, puzzles: [l.puzzles[0]!, { ...l.puzzles[1]!, id: "p0" }] };
    expect(poseLevel(twice).problems).toEqual([
      { path: ["puzzles", 0, "side"], message: "the client sends nothing more after step 6" },
      { path: ["puzzles", 1, "id"], message: 'puzzle id "p0" is used twice' },
    ]);
  });

  it("a lost segment never arrives, so no puzzle can be posed at its arrival", () => {
    const steps = [{ listen: "server" }, { lose: { from: "client", flags: "S" } }, { connect: "client" }];
    expect(problems([{ at: { segment: 0 }, ask: "segment", side: "server", choices: ["A 1/1", "A 2/2"] }], steps)).toEqual([
      { path: ["puzzles", 0, "at"], message: "segment 0 is lost: it never arrives" },
    ]);
  });

  it("a scenario error names its field under scenario", () => {
    const steps = [{ listen: "server" }, { send: { side: "client", bytes: "x" } }];
    expect(problems([{ at: { afterStep: 0 }, ask: "state", side: "server" }], steps)).toEqual([
      { path: ["scenario", "steps", 1, "send", "bytes"], message: 'expected a whole number ≥ 1, got "x"' },
    ]);
  });
});

describe("answers are written canonically", () => {
  it.each([
    ["segment", "FA 5001/1102", "FA 5001/1102"],
    ["segment", "PA 1001/5001 len 100", "PA 1001/5001 len 100"],
    ["time", "60", "60 s"],
    ["time", "0.2 s", "0.2 s"],
    ["errno", "none", "none"],
    ["who", "both", "both"],
  ] as const)("%s %s → %s", (kind, input, key) => {
    expect(answerKey(parseAnswer(kind, input)!)).toBe(key);
  });

  it.each([
    ["segment", "FIN 5001/1102"],
    ["segment", "AF 1/1"],
    ["state", "time_wait"],
    ["who", "nobody"],
  ] as const)("%s %s is not an answer", (kind, input) => {
    expect(parseAnswer(kind, input)).toBeUndefined();
  });
});

describe("Chinese text folded by YAML", () => {
  it("loses the spaces folding put between Chinese characters, keeps those around Latin words", async () => {
    const { unfoldChinese } = await import("../../src/levels/schema");
    expect(unfoldChinese("客户端的 FIN 位于 seq 1001。它虽然不带数据，却占用了这个序号，所以服务器的确认号是 1001 + 1 = 1002；服务器自己的 seq 仍是")).toBe(
      "客户端的 FIN 位于 seq 1001。它虽然不带数据，却占用了这个序号，所以服务器的确认号是 1001 + 1 = 1002；服务器自己的 seq 仍是",
    );
    expect(unfoldChinese("双方各发一个 FIN，再由对方各自确认，一共四个报文段。跟着两端走一遍 关闭过程中的每一个状态。")).toBe(
      "双方各发一个 FIN，再由对方各自确认，一共四个报文段。跟着两端走一遍关闭过程中的每一个状态。",
    );
    expect(unfoldChinese("等待对方的 FIN。 然后")).toBe("等待对方的 FIN。然后");
  });
});
