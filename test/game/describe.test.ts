import { describe, expect, it } from "vitest";
import type { ScenarioStep, TraceSegment } from "../../src/engine";
import {
  answerLabel,
  describeArrival,
  describeStep,
  describeStepsFrom,
  promptFor,
  segmentLabel,
} from "../../src/game/describe";
import type { Answer } from "../../src/levels/answer";
import { Puzzle } from "../../src/levels/schema";

const both = (step: ScenarioStep) => [describeStep(step, "en"), describeStep(step, "zh-CN")];

describe("describeStep says each verb in both languages", () => {
  it("listen, connect, read and close: the side calls it", () => {
    expect(both({ verb: "listen", sides: ["server"] })).toEqual(["The server calls listen().", "服务器调用 listen()。"]);
    expect(both({ verb: "connect", sides: ["client"] })).toEqual(["The client calls connect().", "客户端调用 connect()。"]);
    expect(both({ verb: "read", sides: ["server"] })).toEqual(["The server calls read().", "服务器调用 read()。"]);
    expect(both({ verb: "close", sides: ["client"] })).toEqual(["The client calls close().", "客户端调用 close()。"]);
  });

  it("a call by both sides happens at the same moment", () => {
    expect(both({ verb: "close", sides: ["client", "server"] })).toEqual([
      "Both sides call close() at the same moment.",
      "双方同时调用 close()。",
    ]);
    expect(both({ verb: "connect", sides: ["server", "client"] })).toEqual([
      "Both sides call connect() at the same moment.",
      "双方同时调用 connect()。",
    ]);
  });

  it("shutdown is shutdown(SHUT_WR)", () => {
    expect(both({ verb: "shutdown", sides: ["client"] })).toEqual([
      "The client calls shutdown(SHUT_WR).",
      "客户端调用 shutdown(SHUT_WR)。",
    ]);
  });

  it("abort is SO_LINGER {1, 0}", () => {
    expect(both({ verb: "abort", sides: ["client"] })).toEqual([
      "The client aborts with SO_LINGER {1, 0}.",
      "客户端以 SO_LINGER {1, 0} 中止连接。",
    ]);
    expect(both({ verb: "abort", sides: ["client", "server"] })).toEqual([
      "Both sides abort with SO_LINGER {1, 0} at the same moment.",
      "双方同时以 SO_LINGER {1, 0} 中止连接。",
    ]);
  });

  it("send counts bytes", () => {
    expect(both({ verb: "send", side: "client", bytes: 100 })).toEqual(["The client sends 100 bytes.", "客户端发送 100 字节。"]);
    expect(both({ verb: "send", side: "server", bytes: 1 })).toEqual(["The server sends 1 byte.", "服务器发送 1 字节。"]);
  });

  it("lose announces the next segments with those flags", () => {
    expect(both({ verb: "lose", from: "client", flags: "A", count: 1 })).toEqual([
      "The next segment from the client with flags A will be lost.",
      "客户端发出的下一个标志为 A 的报文段将会丢失。",
    ]);
    expect(both({ verb: "lose", from: "server", flags: "SA", count: 2 })).toEqual([
      "The next 2 segments from the server with flags SA will be lost.",
      "服务器发出的接下来 2 个标志为 SA 的报文段将会丢失。",
    ]);
  });

  it("wait says how many seconds pass", () => {
    expect(both({ verb: "wait", seconds: 1.5 })).toEqual(["1.5 seconds pass.", "过了 1.5 秒。"]);
    expect(both({ verb: "wait", seconds: 1 })).toEqual(["1 second passes.", "过了 1 秒。"]);
    expect(both({ verb: "wait", seconds: 0.04 })).toEqual(["0.04 seconds pass.", "过了 0.04 秒。"]);
  });

  it("bind names SO_REUSEADDR when it is set", () => {
    expect(both({ verb: "bind", side: "server", reuseaddr: true })).toEqual([
      "The server binds its port with SO_REUSEADDR.",
      "服务器设置 SO_REUSEADDR 后绑定端口。",
    ]);
    expect(both({ verb: "bind", side: "server", reuseaddr: false })).toEqual(["The server binds its port.", "服务器绑定端口。"]);
  });
});

describe("describeStepsFrom", () => {
  const steps: ScenarioStep[] = [
    { verb: "close", sides: ["client"] },
    { verb: "lose", from: "client", flags: "A", count: 1 },
    { verb: "close", sides: ["server"] },
    { verb: "wait", seconds: 60 },
  ];

  it("says the one step at the index", () => {
    expect(describeStepsFrom(steps, 0, "en")).toBe("The client calls close().");
    expect(describeStepsFrom(steps, 3, "zh-CN")).toBe("过了 60 秒。");
  });

  it("goes on past a loss rule to the step it applies to", () => {
    expect(describeStepsFrom(steps, 1, "en")).toBe(
      "The next segment from the client with flags A will be lost. The server calls close().",
    );
    expect(describeStepsFrom(steps, 1, "zh-CN")).toBe("客户端发出的下一个标志为 A 的报文段将会丢失。服务器调用 close()。");
  });

  it("is undefined past the last step", () => {
    expect(describeStepsFrom(steps, 4, "en")).toBeUndefined();
  });
});

const segment = (over: Partial<TraceSegment>): TraceSegment => ({
  from: "client",
  flags: "FA",
  seq: 1001,
  ack: 5001,
  len: 0,
  lost: false,
  t: 0,
  step: 2,
  order: 12,
  arrival: 13,
  ...over,
});

describe("describeArrival", () => {
  it("names the segment from 1 and the side it arrives at", () => {
    expect(describeArrival(segment({}), 3, "en")).toBe("Segment 4 (FIN+ACK seq=1001 ack=5001) arrives at the server.");
    expect(describeArrival(segment({}), 3, "zh-CN")).toBe("第 4 个报文段（FIN+ACK seq=1001 ack=5001）到达服务器。");
    expect(describeArrival(segment({ from: "server", flags: "PA", seq: 5001, ack: 1001, len: 100 }), 0, "en")).toBe(
      "Segment 1 (PSH+ACK seq=5001 ack=1001 len=100) arrives at the client.",
    );
  });
});

const text = { en: "x", "zh-CN": "x" };
const puzzle = (p: object) => Puzzle.parse({ id: "p", at: { afterStep: 0 }, explain: text, cite: ["RFC 9293"], ...p });
const prompts = (p: object) => [promptFor(puzzle(p), "en"), promptFor(puzzle(p), "zh-CN")];

describe("promptFor asks each kind's question in both languages", () => {
  it("state", () => {
    expect(prompts({ ask: "state", side: "server" })).toEqual(["What state does the server enter next?", "服务器接下来进入什么状态？"]);
  });

  it("segment", () => {
    expect(prompts({ ask: "segment", side: "server" })).toEqual(["What does the server send next?", "服务器接下来发送什么？"]);
  });

  it("number, naming the segment from 1", () => {
    expect(prompts({ ask: "number", segment: 7, field: "ack" })).toEqual([
      "What is the ack number of segment 8?",
      "第 8 个报文段的确认号（ack）是多少？",
    ]);
    expect(prompts({ ask: "number", segment: 0, field: "seq" })).toEqual([
      "What is the seq number of segment 1?",
      "第 1 个报文段的序号（seq）是多少？",
    ]);
  });

  it("who", () => {
    expect(prompts({ ask: "who", state: "TIME_WAIT" })).toEqual(["Which side enters TIME_WAIT?", "哪一方会进入 TIME_WAIT？"]);
  });

  it("time", () => {
    expect(prompts({ ask: "time", side: "client", state: "CLOSED" })).toEqual([
      "How many seconds until the client enters CLOSED?",
      "还要过多少秒，客户端才进入 CLOSED？",
    ]);
  });

  it("errno", () => {
    expect(prompts({ ask: "errno", side: "client" })).toEqual([
      "What error does the client's next failing call report?",
      "客户端下一个失败的调用会报告什么错误？",
    ]);
  });

  it("ladder", () => {
    expect(prompts({ ask: "ladder" })).toEqual(["Build the ladder: what is the next segment?", "画出梯形图：下一个报文段是什么？"]);
  });

  it("the puzzle's own prompt wins", () => {
    const prompt = { en: "Who speaks first?", "zh-CN": "谁先发言？" };
    expect(prompts({ ask: "state", side: "client", prompt })).toEqual(["Who speaks first?", "谁先发言？"]);
  });
});

const labels = (a: Answer) => [answerLabel(a, "en"), answerLabel(a, "zh-CN")];

describe("answerLabel shows each kind of answer in both languages", () => {
  it("segment: flags by name, ack only with ACK, len only with data", () => {
    expect(labels({ kind: "segment", flags: "FA", seq: 5001, ack: 1102, len: 0 })).toEqual([
      "FIN+ACK seq=5001 ack=1102",
      "FIN+ACK seq=5001 ack=1102",
    ]);
    expect(labels({ kind: "segment", flags: "PA", seq: 1001, ack: 5001, len: 100 })[0]).toBe("PSH+ACK seq=1001 ack=5001 len=100");
    expect(labels({ kind: "segment", flags: "F", seq: 1001, ack: 0, len: 0 })[0]).toBe("FIN seq=1001");
    expect(labels({ kind: "segment", flags: "S", seq: 1000, ack: 0, len: 0 })[0]).toBe("SYN seq=1000");
  });

  it("state and number as they are", () => {
    expect(labels({ kind: "state", state: "TIME_WAIT" })).toEqual(["TIME_WAIT", "TIME_WAIT"]);
    expect(labels({ kind: "number", value: 1102 })).toEqual(["1102", "1102"]);
  });

  it("who", () => {
    expect(labels({ kind: "who", who: "client" })).toEqual(["client", "客户端"]);
    expect(labels({ kind: "who", who: "server" })).toEqual(["server", "服务器"]);
    expect(labels({ kind: "who", who: "both" })).toEqual(["both", "双方"]);
    expect(labels({ kind: "who", who: "neither" })).toEqual(["neither", "都不会"]);
  });

  it("time in seconds", () => {
    expect(labels({ kind: "time", seconds: 60 })).toEqual(["60 s", "60 秒"]);
    expect(labels({ kind: "time", seconds: 0.2 })).toEqual(["0.2 s", "0.2 秒"]);
  });

  it("errno, and none as no error", () => {
    expect(labels({ kind: "errno", errno: "ECONNRESET" })).toEqual(["ECONNRESET", "ECONNRESET"]);
    expect(labels({ kind: "errno", errno: "none" })).toEqual(["no error", "没有错误"]);
  });
});

describe("segmentLabel", () => {
  it("draws a segment as the ladder labels it", () => {
    expect(segmentLabel(segment({ flags: "SA", seq: 5000, ack: 1001 }))).toBe("SYN+ACK seq=5000 ack=1001");
    expect(segmentLabel(segment({ flags: "RA", seq: 0, ack: 1001 }))).toBe("RST+ACK seq=0 ack=1001");
  });
});
