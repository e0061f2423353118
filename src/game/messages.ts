import type { Side } from "../engine";
import type { Who } from "../levels/answer";
import type { Lang } from "../levels/schema";

/** A side, or both sides acting at the same moment (`close: [client, server]`). */
export type Actor = Side | "both";

/**
 * The game's sentences, one catalogue per language. describe.ts decides what to say; this says it. Numbers arrive
 * already formatted; socket calls arrive as written in code ("listen()", "shutdown(SHUT_WR)").
 */
export interface Messages {
  // Scenario steps.
  readonly call: (who: Actor, call: string) => string;
  readonly abort: (who: Actor) => string;
  readonly send: (side: Side, bytes: number) => string;
  readonly lose: (from: Side, flags: string, count: number) => string;
  readonly wait: (seconds: string) => string;
  readonly bind: (side: Side, reuseaddr: boolean) => string;
  /** `n` is 1-based. */
  readonly arrives: (n: number, label: string, to: Side) => string;
  // Default questions.
  readonly askState: (side: Side) => string;
  readonly askSegment: (side: Side) => string;
  /** `n` is 1-based. */
  readonly askNumber: (field: "seq" | "ack", n: number) => string;
  readonly askWho: (state: string) => string;
  readonly askTime: (side: Side, state: string) => string;
  readonly askErrno: (side: Side) => string;
  readonly askLadder: string;
  // Answers.
  readonly who: Readonly<Record<Who, string>>;
  readonly seconds: (seconds: string) => string;
  readonly noError: string;
}

const en: Messages = {
  call: (who, call) => (who === "both" ? `Both sides call ${call} at the same moment.` : `The ${who} calls ${call}.`),
  abort: (who) =>
    who === "both"
      ? "Both sides abort with SO_LINGER {1, 0} at the same moment."
      : `The ${who} aborts with SO_LINGER {1, 0}.`,
  send: (side, bytes) => `The ${side} sends ${bytes} ${bytes === 1 ? "byte" : "bytes"}.`,
  lose: (from, flags, count) =>
    count === 1
      ? `The next segment from the ${from} with flags ${flags} will be lost.`
      : `The next ${count} segments from the ${from} with flags ${flags} will be lost.`,
  wait: (seconds) => (seconds === "1" ? "1 second passes." : `${seconds} seconds pass.`),
  bind: (side, reuseaddr) => `The ${side} binds its port${reuseaddr ? " with SO_REUSEADDR" : ""}.`,
  arrives: (n, label, to) => `Segment ${n} (${label}) arrives at the ${to}.`,
  askState: (side) => `What state does the ${side} enter next?`,
  askSegment: (side) => `What does the ${side} send next?`,
  askNumber: (field, n) => `What is the ${field} number of segment ${n}?`,
  askWho: (state) => `Which side enters ${state}?`,
  askTime: (side, state) => `How many seconds until the ${side} enters ${state}?`,
  askErrno: (side) => `What error does the ${side}'s next failing call report?`,
  askLadder: "Build the ladder: what is the next segment?",
  who: { client: "client", server: "server", both: "both", neither: "neither" },
  seconds: (seconds) => `${seconds} s`,
  noError: "no error",
};

const SIDE_ZH: Readonly<Record<Side, string>> = { client: "客户端", server: "服务器" };

const zh: Messages = {
  call: (who, call) => (who === "both" ? `双方同时调用 ${call}。` : `${SIDE_ZH[who]}调用 ${call}。`),
  abort: (who) => `${who === "both" ? "双方同时" : SIDE_ZH[who]}以 SO_LINGER {1, 0} 中止连接。`,
  send: (side, bytes) => `${SIDE_ZH[side]}发送 ${bytes} 字节。`,
  lose: (from, flags, count) =>
    count === 1
      ? `${SIDE_ZH[from]}发出的下一个标志为 ${flags} 的报文段将会丢失。`
      : `${SIDE_ZH[from]}发出的接下来 ${count} 个标志为 ${flags} 的报文段将会丢失。`,
  wait: (seconds) => `过了 ${seconds} 秒。`,
  bind: (side, reuseaddr) => `${SIDE_ZH[side]}${reuseaddr ? "设置 SO_REUSEADDR 后" : ""}绑定端口。`,
  arrives: (n, label, to) => `第 ${n} 个报文段（${label}）到达${SIDE_ZH[to]}。`,
  askState: (side) => `${SIDE_ZH[side]}接下来进入什么状态？`,
  askSegment: (side) => `${SIDE_ZH[side]}接下来发送什么？`,
  askNumber: (field, n) => `第 ${n} 个报文段的${field === "ack" ? "确认号（ack）" : "序号（seq）"}是多少？`,
  askWho: (state) => `哪一方会进入 ${state}？`,
  askTime: (side, state) => `还要过多少秒，${SIDE_ZH[side]}才进入 ${state}？`,
  askErrno: (side) => `${SIDE_ZH[side]}下一个失败的调用会报告什么错误？`,
  askLadder: "画出梯形图：下一个报文段是什么？",
  who: { client: "客户端", server: "服务器", both: "双方", neither: "都不会" },
  seconds: (seconds) => `${seconds} 秒`,
  noError: "没有错误",
};

export const MESSAGES: Readonly<Record<Lang, Messages>> = { en, "zh-CN": zh };
