import type { TcpState, TraceSegment } from "../engine";
import type { Answer, Who } from "./answer";
import type { Localized } from "./schema";

/** What a misconception sees: the right answer and the segments around it. */
export interface MisconceptionContext {
  readonly correct: Answer;
  /** For a segment or number answer: the last segment from the peer before it (what it answers). */
  readonly trigger?: TraceSegment;
  /** For a segment or number answer: the last segment the same side sent before it. */
  readonly ownPrevious?: TraceSegment;
  /** For a number answer: which field is asked. */
  readonly field?: "seq" | "ack";
}

/**
 * A named wrong idea. `wrong` returns the answer a player holding that idea would give here, or undefined where
 * the idea leads to no different answer (the checker then rejects the misconception for that puzzle).
 */
export interface Misconception {
  readonly id: string;
  readonly explain: Localized;
  readonly wrong: (c: MisconceptionContext) => Answer | undefined;
}

const has = (s: TraceSegment | undefined, flag: string): boolean => s !== undefined && s.flags.includes(flag);

/** Replaces the ack (of a segment answer, or of an ack number answer). */
function withAck(c: MisconceptionContext, ack: number): Answer | undefined {
  if (c.correct.kind === "segment") return { ...c.correct, ack: ack >>> 0 };
  if (c.correct.kind === "number" && c.field === "ack") return { kind: "number", value: ack >>> 0 };
  return undefined;
}

function withSeq(c: MisconceptionContext, seq: number): Answer | undefined {
  if (c.correct.kind === "segment") return { ...c.correct, seq: seq >>> 0 };
  if (c.correct.kind === "number" && c.field === "seq") return { kind: "number", value: seq >>> 0 };
  return undefined;
}

function swapState(c: MisconceptionContext, pairs: readonly (readonly [TcpState, TcpState])[]): Answer | undefined {
  if (c.correct.kind !== "state") return undefined;
  for (const [a, b] of pairs) {
    if (c.correct.state === a) return { kind: "state", state: b };
    if (c.correct.state === b) return { kind: "state", state: a };
  }
  return undefined;
}

function whoOther(w: Who): Who | undefined {
  return w === "client" ? "server" : w === "server" ? "client" : undefined;
}

export const MISCONCEPTIONS: readonly Misconception[] = [
  {
    id: "ack-is-seq",
    explain: {
      en: "The acknowledgment number is not the sequence number just received: it is the next byte expected, the received seq plus the data length.",
      "zh-CN": "确认号不是刚收到的序号，而是期望收到的下一个字节：收到的 seq 加上数据长度。",
    },
    wrong: (c) => (c.trigger && c.trigger.len > 0 ? withAck(c, c.trigger.seq) : undefined),
  },
  {
    id: "ack-counts-segments",
    explain: {
      en: "TCP numbers bytes, not segments: after a segment carrying N bytes the ack grows by N, not by 1.",
      "zh-CN": "TCP 给字节编号，而不是给报文段编号：收到携带 N 字节的报文段后，确认号增加 N，而不是 1。",
    },
    wrong: (c) => (c.trigger && c.trigger.len > 1 ? withAck(c, c.trigger.seq + 1) : undefined),
  },
  {
    id: "syn-takes-no-number",
    explain: {
      en: "A SYN occupies one sequence number even though it carries no data, so its acknowledgment is ISN + 1.",
      "zh-CN": "SYN 虽然不携带数据，也要占用一个序号，所以对它的确认号是 ISN + 1。",
    },
    wrong: (c) => (has(c.trigger, "S") ? withAck(c, c.trigger!.seq) : undefined),
  },
  {
    id: "fin-takes-no-number",
    explain: {
      en: "A FIN occupies one sequence number even without data (RFC 9293 §3.4), so acknowledging a FIN at seq u means ack = u + 1.",
      "zh-CN": "FIN 即使不携带数据也要占用一个序号（RFC 9293 §3.4），所以确认序号为 u 的 FIN 时，ack = u + 1。",
    },
    wrong: (c) => (has(c.trigger, "F") ? withAck(c, c.trigger!.seq + c.trigger!.len) : undefined),
  },
  {
    id: "own-fin-takes-no-number",
    explain: {
      en: "After sending its FIN at seq u, a side's next segment starts at u + 1: its own FIN used up a sequence number too.",
      "zh-CN": "一方在序号 u 发送 FIN 之后，它的下一个报文段从 u + 1 开始：自己的 FIN 同样消耗了一个序号。",
    },
    wrong: (c) => (has(c.ownPrevious, "F") ? withSeq(c, c.ownPrevious!.seq) : undefined),
  },
  {
    id: "own-data-not-counted",
    explain: {
      en: "A side's sequence number moves past the bytes it has sent: after N bytes at seq x, the next segment starts at x + N.",
      "zh-CN": "一方的序号会越过它已发送的字节：在 seq x 发送 N 字节之后，下一个报文段从 x + N 开始。",
    },
    wrong: (c) => (c.ownPrevious && c.ownPrevious.len > 0 ? withSeq(c, c.ownPrevious.seq) : undefined),
  },
  {
    id: "seq-from-peer-ack",
    explain: {
      en: "Each direction has its own sequence space: a side's seq continues its own numbering, it is not the number the peer just acknowledged plus one.",
      "zh-CN": "两个方向各有自己的序号空间：一方的 seq 延续自己的编号，而不是对方刚确认的号码再加一。",
    },
    wrong: (c) => (c.trigger?.flags.includes("A") ? withSeq(c, c.trigger.ack + 1) : undefined),
  },
  {
    id: "seq-ack-swapped",
    explain: {
      en: "seq is the sender's own byte numbering; ack is the receiver's view of the peer's numbering. A segment never carries the peer's number as its seq.",
      "zh-CN": "seq 是发送方自己的字节编号；ack 是对对方编号的确认。报文段的 seq 永远不会是对方的编号。",
    },
    wrong: (c) =>
      c.correct.kind === "segment" && c.correct.ack !== 0 && c.correct.ack !== c.correct.seq
        ? { ...c.correct, seq: c.correct.ack, ack: c.correct.seq }
        : undefined,
  },
  {
    id: "ack-one-past",
    explain: {
      en: "The ack names the next byte expected, exactly: one more would claim a byte that has not arrived.",
      "zh-CN": "ack 恰好是期望收到的下一个字节的序号：再多一就等于声称收到了一个还没到的字节。",
    },
    wrong: (c) => {
      if (c.correct.kind === "segment" && c.correct.flags.includes("A")) return { ...c.correct, ack: (c.correct.ack + 1) >>> 0 };
      if (c.correct.kind === "number" && c.field === "ack") return { kind: "number", value: (c.correct.value + 1) >>> 0 };
      return undefined;
    },
  },
  {
    id: "fin-without-ack",
    explain: {
      en: "Once a connection is synchronized every segment carries ACK, FIN included: Linux sends FIN+ACK, never a bare FIN.",
      "zh-CN": "连接同步之后，每个报文段都带 ACK，FIN 也不例外：Linux 发送的是 FIN+ACK，从不发送单独的 FIN。",
    },
    wrong: (c) =>
      c.correct.kind === "segment" && c.correct.flags === "FA" ? { ...c.correct, flags: "F", ack: 0 } : undefined,
  },
  {
    id: "ack-never-delayed",
    explain: {
      en: "Linux delays the ACK of a received FIN (delayed ACK); an application that closes right away sends its FIN with that ACK in one segment, so the close takes three segments.",
      "zh-CN": "Linux 对收到的 FIN 采用延迟确认；如果应用立刻关闭，它的 FIN 会和这个 ACK 合并成一个报文段，于是挥手只需三个报文段。",
    },
    wrong: (c) => (c.correct.kind === "segment" && c.correct.flags === "FA" ? { ...c.correct, flags: "A" } : undefined),
  },
  {
    id: "ack-always-delayed",
    explain: {
      en: "Early in a connection Linux acknowledges data at once (quick-ack mode); the delayed ACK applies later, and to a received FIN.",
      "zh-CN": "在连接初期，Linux 会立即确认数据（快速确认模式）；延迟确认用在之后的数据和收到的 FIN 上。",
    },
    wrong: (c) =>
      c.correct.kind === "segment" && c.correct.flags === "A" && c.trigger && c.trigger.len > 0
        ? { ...c.correct, flags: "FA" }
        : undefined,
  },
  {
    id: "close-wait-last-ack-swapped",
    explain: {
      en: "CLOSE_WAIT comes first: the passive closer enters it on receiving the FIN and stays until its application calls close(), which sends its own FIN and enters LAST_ACK.",
      "zh-CN": "先是 CLOSE_WAIT：被动关闭方收到 FIN 后进入它，一直等到应用调用 close()；close() 发出自己的 FIN 后才进入 LAST_ACK。",
    },
    wrong: (c) => swapState(c, [["CLOSE_WAIT", "LAST_ACK"]]),
  },
  {
    id: "fin-wait-order-swapped",
    explain: {
      en: "FIN_WAIT_1 waits for the ACK of our FIN; once it arrives the side is in FIN_WAIT_2, waiting for the peer's FIN.",
      "zh-CN": "FIN_WAIT_1 等待对方确认我方的 FIN；确认到达后进入 FIN_WAIT_2，等待对方的 FIN。",
    },
    wrong: (c) => swapState(c, [["FIN_WAIT_1", "FIN_WAIT_2"]]),
  },
  {
    id: "handshake-states-swapped",
    explain: {
      en: "The side that sends the first SYN is in SYN_SENT; the side that receives it and answers SYN+ACK is in SYN_RECEIVED.",
      "zh-CN": "发送第一个 SYN 的一方处于 SYN_SENT；收到 SYN 并回复 SYN+ACK 的一方处于 SYN_RECEIVED。",
    },
    wrong: (c) => swapState(c, [["SYN_SENT", "SYN_RECEIVED"]]),
  },
  {
    id: "syn-received-skipped",
    explain: {
      en: "A listener that answers a SYN is not yet ESTABLISHED: it waits in SYN_RECEIVED for the ACK of its SYN+ACK.",
      "zh-CN": "回复了 SYN 的监听方还没有建立连接：它在 SYN_RECEIVED 中等待对其 SYN+ACK 的确认。",
    },
    wrong: (c) =>
      c.correct.kind === "state" && c.correct.state === "SYN_RECEIVED" ? { kind: "state", state: "ESTABLISHED" } : undefined,
  },
  {
    id: "always-through-fin-wait-2",
    explain: {
      en: "FIN_WAIT_2 is reached only when our FIN is acknowledged before the peer's FIN arrives. A FIN+ACK that acks our FIN leads straight to TIME_WAIT; a FIN that does not (simultaneous close) leads to CLOSING.",
      "zh-CN": "只有当我方 FIN 先被确认、对方 FIN 后到时才会进入 FIN_WAIT_2。确认了我方 FIN 的 FIN+ACK 会让我方直接进入 TIME_WAIT；没有确认我方 FIN 的 FIN（同时关闭）则进入 CLOSING。",
    },
    wrong: (c) =>
      c.correct.kind === "state" && (c.correct.state === "TIME_WAIT" || c.correct.state === "CLOSING")
        ? { kind: "state", state: "FIN_WAIT_2" }
        : undefined,
  },
  {
    id: "closing-is-close-wait",
    explain: {
      en: "CLOSING is not CLOSE_WAIT: CLOSING means both FINs crossed (simultaneous close) and we wait for the ACK of ours; CLOSE_WAIT means only the peer has closed.",
      "zh-CN": "CLOSING 不是 CLOSE_WAIT：CLOSING 表示双方的 FIN 交错而过（同时关闭），我方在等待对自己 FIN 的确认；CLOSE_WAIT 表示只有对方关闭了。",
    },
    wrong: (c) => swapState(c, [["CLOSING", "CLOSE_WAIT"]]),
  },
  {
    id: "passive-closer-time-wait",
    explain: {
      en: "TIME_WAIT belongs to the side that closes first (the active closer), whichever side it is; the passive closer goes from LAST_ACK straight to CLOSED.",
      "zh-CN": "TIME_WAIT 属于先关闭的一方（主动关闭方），不论它是客户端还是服务器；被动关闭方从 LAST_ACK 直接进入 CLOSED。",
    },
    wrong: (c) => {
      if (c.correct.kind === "who") {
        const other = whoOther(c.correct.who);
        return other ? { kind: "who", who: other } : undefined;
      }
      return c.correct.kind === "state" && c.correct.state === "CLOSED" ? { kind: "state", state: "TIME_WAIT" } : undefined;
    },
  },
  {
    id: "time-wait-skipped",
    explain: {
      en: "The active closer does not close at once after its last ACK: it waits in TIME_WAIT for 2MSL, in case that ACK is lost and the peer's FIN comes again, and so old segments die out.",
      "zh-CN": "主动关闭方发出最后的 ACK 后并不立即关闭：它在 TIME_WAIT 中等待 2MSL，以防这个 ACK 丢失、对方重发 FIN，也让旧连接的报文在网络中消失。",
    },
    wrong: (c) =>
      c.correct.kind === "state" && c.correct.state === "TIME_WAIT" ? { kind: "state", state: "CLOSED" } : undefined,
  },
  {
    id: "only-one-time-wait",
    explain: {
      en: "In a simultaneous close both sides are active closers: each passes CLOSING and each enters TIME_WAIT.",
      "zh-CN": "同时关闭时双方都是主动关闭方：双方都经过 CLOSING，也都进入 TIME_WAIT。",
    },
    wrong: (c) => (c.correct.kind === "who" && c.correct.who === "both" ? { kind: "who", who: "client" } : undefined),
  },
  {
    id: "both-time-wait",
    explain: {
      en: "In an ordinary close only one side waits in TIME_WAIT: the one that sent the first FIN.",
      "zh-CN": "普通的关闭中只有一方进入 TIME_WAIT：先发送 FIN 的那一方。",
    },
    wrong: (c) =>
      c.correct.kind === "who" && (c.correct.who === "client" || c.correct.who === "server")
        ? { kind: "who", who: "both" }
        : undefined,
  },
  {
    id: "rst-enters-time-wait",
    explain: {
      en: "A reset ends the connection at once: both sides go to CLOSED without FINs and without TIME_WAIT (that is why SO_LINGER {1, 0} is used to avoid TIME_WAIT).",
      "zh-CN": "RST 会立即终止连接：双方不经过 FIN，也不经过 TIME_WAIT，直接进入 CLOSED（这正是有人用 SO_LINGER {1, 0} 避开 TIME_WAIT 的原因）。",
    },
    wrong: (c) => {
      if (c.correct.kind === "state" && c.correct.state === "CLOSED") return { kind: "state", state: "TIME_WAIT" };
      if (c.correct.kind === "who" && c.correct.who === "neither") return { kind: "who", who: "both" };
      return undefined;
    },
  },
  {
    id: "time-wait-is-one-msl",
    explain: {
      en: "TIME_WAIT lasts twice the maximum segment lifetime (2MSL): one MSL for our ACK to reach the peer, one for a retransmitted FIN to come back. Linux fixes it at 60 s.",
      "zh-CN": "TIME_WAIT 持续两倍的最长报文段寿命（2MSL）：一个 MSL 让我方 ACK 到达对方，一个 MSL 让对方重传的 FIN 回来。Linux 固定为 60 秒。",
    },
    wrong: (c) => (c.correct.kind === "time" && c.correct.seconds >= 2 ? { kind: "time", seconds: c.correct.seconds / 2 } : undefined),
  },
  {
    id: "msl-is-two-minutes",
    explain: {
      en: "RFC 793 suggested an MSL of 2 minutes (2MSL = 4 min, as Windows still uses), but Linux's TIME_WAIT is a fixed 60 s (TCP_TIMEWAIT_LEN).",
      "zh-CN": "RFC 793 建议 MSL 为 2 分钟（2MSL = 4 分钟，Windows 至今如此），但 Linux 的 TIME_WAIT 固定为 60 秒（TCP_TIMEWAIT_LEN）。",
    },
    wrong: (c) => (c.correct.kind === "time" && c.correct.seconds === 60 ? { kind: "time", seconds: 240 } : undefined),
  },
  {
    id: "syn-retries-not-doubled",
    explain: {
      en: "SYN retransmissions back off exponentially: each wait doubles (1, 2, 4, 8… s), so six retries take 1+2+4+8+16+32 s, and connect() gives up after a final 64 s wait, at 127 s.",
      "zh-CN": "SYN 重传按指数退避：每次等待时间加倍（1、2、4、8… 秒），所以六次重传依次等待 1+2+4+8+16+32 秒，再等最后 64 秒后 connect() 在第 127 秒放弃。",
    },
    wrong: (c) => (c.correct.kind === "time" && c.correct.seconds === 127 ? { kind: "time", seconds: 7 } : undefined),
  },
  {
    id: "gives-up-at-last-retry",
    explain: {
      en: "connect() does not fail when the last SYN is sent: it waits one more, doubled timeout for an answer (63 s + 64 s = 127 s with the defaults).",
      "zh-CN": "connect() 不是在发出最后一个 SYN 时失败：它还要再等一个加倍的超时（默认 63 秒 + 64 秒 = 127 秒）。",
    },
    wrong: (c) => (c.correct.kind === "time" && c.correct.seconds === 127 ? { kind: "time", seconds: 63 } : undefined),
  },
  {
    id: "reset-means-refused",
    explain: {
      en: "ECONNREFUSED is what connect() reports when its SYN is answered by a reset; a reset on an established connection is ECONNRESET.",
      "zh-CN": "ECONNREFUSED 是 connect() 的 SYN 被 RST 回应时报告的错误；已建立的连接被重置时报告的是 ECONNRESET。",
    },
    wrong: (c) => {
      if (c.correct.kind !== "errno") return undefined;
      if (c.correct.errno === "ECONNRESET") return { kind: "errno", errno: "ECONNREFUSED" };
      if (c.correct.errno === "ECONNREFUSED") return { kind: "errno", errno: "ECONNRESET" };
      return undefined;
    },
  },
  {
    id: "closed-port-is-silent",
    explain: {
      en: "A host with no listener on the port does not stay silent: it answers the SYN with RST+ACK at once, so connect() fails immediately with ECONNREFUSED, not after a timeout.",
      "zh-CN": "端口上没有监听的主机并不会沉默：它立即用 RST+ACK 回应 SYN，所以 connect() 立刻以 ECONNREFUSED 失败，而不是超时。",
    },
    wrong: (c) =>
      c.correct.kind === "errno" && c.correct.errno === "ECONNREFUSED" ? { kind: "errno", errno: "ETIMEDOUT" } : undefined,
  },
  {
    id: "silence-is-refusal",
    explain: {
      en: "When nothing answers at all (the SYNs are lost or dropped), connect() keeps retrying and finally reports ETIMEDOUT; only a reset makes it ECONNREFUSED.",
      "zh-CN": "如果完全没有回应（SYN 丢失或被丢弃），connect() 会不断重试，最后报告 ETIMEDOUT；只有收到 RST 才是 ECONNREFUSED。",
    },
    wrong: (c) =>
      c.correct.kind === "errno" && c.correct.errno === "ETIMEDOUT" ? { kind: "errno", errno: "ECONNREFUSED" } : undefined,
  },
  {
    id: "epipe-is-reset",
    explain: {
      en: "Linux reports EPIPE, not ECONNRESET, when a reset arrives in CLOSE_WAIT, and for a send on a connection whose sending side is already shut down.",
      "zh-CN": "当 RST 在 CLOSE_WAIT 状态到达时，以及在发送方向已关闭的连接上发送数据时，Linux 报告的是 EPIPE，而不是 ECONNRESET。",
    },
    wrong: (c) => (c.correct.kind === "errno" && c.correct.errno === "EPIPE" ? { kind: "errno", errno: "ECONNRESET" } : undefined),
  },
  {
    id: "failure-is-silent",
    explain: {
      en: "The socket API does report this: the call fails with an error code the application must handle.",
      "zh-CN": "套接字 API 确实会报告这种情况：调用会失败并返回一个应用必须处理的错误码。",
    },
    wrong: (c) => (c.correct.kind === "errno" && c.correct.errno !== "none" ? { kind: "errno", errno: "none" } : undefined),
  },
  {
    id: "time-wait-blocks-nothing",
    explain: {
      en: "A connection in TIME_WAIT still holds its port: binding a new listener to it fails with EADDRINUSE unless both sockets set SO_REUSEADDR.",
      "zh-CN": "处于 TIME_WAIT 的连接仍占用着端口：在该端口上绑定新的监听套接字会以 EADDRINUSE 失败，除非两个套接字都设置了 SO_REUSEADDR。",
    },
    wrong: (c) =>
      c.correct.kind === "errno" && c.correct.errno === "EADDRINUSE" ? { kind: "errno", errno: "none" } : undefined,
  },
];

export const MISCONCEPTION_IDS: ReadonlySet<string> = new Set(MISCONCEPTIONS.map((m) => m.id));

export function misconception(id: string): Misconception | undefined {
  return MISCONCEPTIONS.find((m) => m.id === id);
}
