import { peerOf, type Side } from "../../engine";
import { dataText, finOf, isnText, openAndExchange, someBytes } from "./common";
import { stateOf, whoOf } from "./explain";
import { drawIsn, SEQ_SPACE } from "./random";
import { arrives, script, segmentOf, segmentText, type Template, template } from "./template";
import { ackStory, en, L, label, numbersStory, sentences, zh } from "./text";

/** Templates of both sides acting at once: a simultaneous close (CLOSING) and a simultaneous open. */

interface Simultaneous {
  readonly c: number;
  readonly s: number;
  readonly a: number;
  readonly b: number;
  /** The side whose view a question takes. */
  readonly x: Side;
}

export const simultaneousClose: Template = template<Simultaneous>({
  id: "simultaneous-close",
  draw: (d, { wrap }) => {
    const a = someBytes(d);
    const b = someBytes(d);
    return { c: drawIsn(d, wrap, a + 2), s: drawIsn(d, wrap, b + 2), a, b, x: d.chance(50) ? "client" : "server" };
  },
  script: (p) =>
    script(p.c, p.s, undefined, [
      ...openAndExchange(p),
      ["close", { close: ["client", "server"] }],
      { wait: 61 },
    ]),
  title: () => L("Both hang up at once", "双方同时挂断"),
  intro: (p) =>
    sentences(
      L(`A connection (${isnText(p).en}).`, `一条连接（${isnText(p)["zh-CN"]}）。`),
      dataText(p.a, p.b),
      L(
        "Then both applications call close() at the same moment, so the two FINs cross in the network.",
        "随后双方的应用在同一时刻调用 close()，两个 FIN 在网络中交错而过。",
      ),
    ),
  questions: [
    {
      id: "both-time-wait",
      topic: "time-wait",
      kind: "who",
      difficulty: 3,
      concepts: ["simultaneous-close", "time-wait"],
      misconceptions: ["only-one-time-wait"],
      ask: (_p, run) => ({ ask: "who", state: "TIME_WAIT", at: { afterStep: run.step("close") - 1 } }),
      choices: () => ["neither", "server"],
      explain: (_p, _run, t) =>
        sentences(
          whoOf(t),
          L(
            "Each side sends its FIN before receiving the other's, so both are active closers: each passes CLOSING and each waits in TIME_WAIT, in case the other's FIN is sent again.",
            "每一方都在收到对方的 FIN 之前发出了自己的 FIN，所以双方都是主动关闭方：双方都经过 CLOSING，也都在 TIME_WAIT 中等待，以防对方的 FIN 重传。",
          ),
        ),
      cite: ["RFC 9293 §3.6"],
    },
    {
      id: "closing",
      topic: "close",
      kind: "state",
      difficulty: 4,
      concepts: ["simultaneous-close", "closing"],
      misconceptions: ["closing-is-close-wait", "always-through-fin-wait-2"],
      ask: (p, run) => {
        const fin = arrives(run.trace, finOf(run, peerOf(p.x)));
        return fin === undefined ? undefined : { ask: "state", side: p.x, at: { segment: fin } };
      },
      choices: () => ["TIME_WAIT", "LAST_ACK"],
      explain: (p, run, t) => {
        const y = peerOf(p.x);
        const theirs = run.trace.segments[finOf(run, y) ?? -1];
        const ours = run.trace.segments[finOf(run, p.x) ?? -1];
        if (!theirs || !ours) return L("", "");
        return L(
          `${stateOf(t)}. The ${en(p.x)} is in FIN_WAIT_1: its FIN at ${ours.seq} is out and not yet acknowledged. The ${en(y)}'s FIN arrives, but its ack, ${theirs.ack}, does not cover that FIN (it would take ${(ours.seq + 1) % SEQ_SPACE}). The peer has closed while our own FIN still waits for its ACK: that is CLOSING. Not CLOSE_WAIT, since the ${en(p.x)} has closed too, and not yet TIME_WAIT.`,
          `${stateOf(t)}。${zh(p.x)}处于 FIN_WAIT_1：它在 ${ours.seq} 的 FIN 已经发出，尚未被确认。${zh(y)}的 FIN 到了，但其中的 ack 是 ${theirs.ack}，并没有覆盖那个 FIN（那需要 ${(ours.seq + 1) % SEQ_SPACE}）。对方已经关闭，而自己的 FIN 还在等确认：这就是 CLOSING。不是 CLOSE_WAIT，因为${zh(p.x)}自己也关闭了；也还不是 TIME_WAIT。`,
        );
      },
      cite: ["RFC 9293 §3.6", "RFC 9293 §3.10.7.4"],
    },
    {
      id: "crossing-fin",
      topic: "close",
      kind: "segment",
      difficulty: 3,
      wrap: true,
      concepts: ["simultaneous-close", "fin"],
      misconceptions: ["fin-without-ack", "seq-ack-swapped", "own-data-not-counted"],
      ask: (p, run) => ({ ask: "segment", side: p.x, at: { afterStep: run.step("close") - 1 } }),
      choices: (_p, _run, t) => {
        const s = segmentOf(t);
        return s ? [segmentText({ ...s, ack: (s.ack + 1) % SEQ_SPACE })] : [];
      },
      explain: (p, run, t) => {
        const s = segmentOf(t);
        if (!s) return L("", "");
        return sentences(
          L(
            `${label(s)}. Both applications call close() at once, so each FIN leaves before the other arrives: the ${en(p.x)}'s FIN can only acknowledge what the ${en(p.x)} has received so far.`,
            `${label(s)}。双方的应用同时调用 close()，每个 FIN 都在对方的 FIN 到达之前发出：${zh(p.x)}的 FIN 只能确认${zh(p.x)}目前已经收到的内容。`,
          ),
          numbersStory(run.trace, s),
        );
      },
      cite: ["RFC 9293 §3.6", "RFC 9293 §3.4"],
    },
    {
      id: "ack-in-closing",
      topic: "close",
      kind: "segment",
      difficulty: 4,
      wrap: true,
      concepts: ["simultaneous-close", "fin", "closing"],
      misconceptions: ["fin-takes-no-number", "own-fin-takes-no-number", "ack-one-past"],
      ask: (p, run) => {
        const fin = arrives(run.trace, finOf(run, peerOf(p.x)));
        return fin === undefined ? undefined : { ask: "segment", side: p.x, at: { segment: fin } };
      },
      explain: (p, run, t) => {
        const s = segmentOf(t);
        if (!s) return L("", "");
        return sentences(
          L(
            `${label(s)}. The ${en(p.x)} acknowledges the ${en(peerOf(p.x))}'s FIN at once, with a pure ACK that comes after its own FIN.`,
            `${label(s)}。${zh(p.x)}立即用一个纯 ACK 确认${zh(peerOf(p.x))}的 FIN，这个 ACK 排在它自己的 FIN 之后。`,
          ),
          numbersStory(run.trace, s),
        );
      },
      cite: ["RFC 9293 §3.6", "RFC 9293 §3.4"],
    },
  ],
});

interface SimultaneousOpen {
  readonly c: number;
  readonly s: number;
}

export const simultaneousOpen: Template = template<SimultaneousOpen>({
  id: "simultaneous-open",
  draw: (d, { wrap }) => ({ c: drawIsn(d, wrap, 1), s: drawIsn(d, wrap, 1) }),
  script: (p) => script(p.c, p.s, undefined, [["connect", { connect: ["client", "server"] }], { send: { side: "client", bytes: 10 } }]),
  title: () => L("Both open at once", "双方同时打开"),
  intro: (p) =>
    L(
      `Nobody listens: both sides call connect() towards each other at the same moment (${isnText(p).en}), so their SYNs cross in the network. Rare, but the state diagram allows it.`,
      `没有一方在监听：双方在同一时刻互相调用 connect()（${isnText(p)["zh-CN"]}），两个 SYN 在网络中交错而过。这很少见，但状态图允许这种情况。`,
    ),
  questions: [
    {
      id: "sim-open-state",
      topic: "handshake",
      kind: "state",
      difficulty: 4,
      concepts: ["handshake", "simultaneous-open", "syn-received"],
      misconceptions: ["handshake-states-swapped", "syn-received-skipped"],
      ask: () => ({ ask: "state", side: "server", at: { segment: 0 } }),
      choices: () => ["LISTEN"],
      explain: (_p, _run, t) =>
        L(
          `${stateOf(t)}. The server is in SYN_SENT, waiting for a SYN+ACK, and receives a bare SYN instead: both sides are opening at once. The rule for that is to move to SYN_RECEIVED and answer with SYN+ACK; its own SYN still needs an ACK.`,
          `${stateOf(t)}。服务器处于 SYN_SENT，等的是 SYN+ACK，收到的却是一个单独的 SYN：双方在同时打开。对此的规则是进入 SYN_RECEIVED 并回复 SYN+ACK；它自己的 SYN 仍在等确认。`,
        ),
      cite: ["RFC 9293 §3.5", "RFC 9293 §3.10.7.3"],
    },
    {
      id: "sim-open-syn-ack",
      topic: "handshake",
      kind: "segment",
      difficulty: 4,
      wrap: true,
      concepts: ["handshake", "simultaneous-open", "isn"],
      misconceptions: ["syn-takes-no-number", "seq-ack-swapped", "ack-one-past"],
      ask: () => ({ ask: "segment", side: "server", at: { segment: 0 } }),
      choices: (p) => [`SA ${(p.s + 1) % SEQ_SPACE}/${(p.c + 1) % SEQ_SPACE}`],
      explain: (_p, run, t) => {
        const s = segmentOf(t);
        if (!s) return L("", "");
        return sentences(
          L(
            `${label(s)}. The server answers the client's SYN with SYN+ACK, repeating its own SYN: the seq is its ISN ${s.seq} again, because its SYN has not been acknowledged yet and this segment carries that same SYN.`,
            `${label(s)}。服务器用 SYN+ACK 回应客户端的 SYN，同时重复自己的 SYN：seq 仍是它的 ISN ${s.seq}，因为它的 SYN 还没有被确认，这个报文段携带的正是同一个 SYN。`,
          ),
          ackStory(run.trace, s),
        );
      },
      cite: ["RFC 9293 §3.5"],
    },
    {
      id: "sim-open-who",
      topic: "handshake",
      kind: "who",
      difficulty: 4,
      concepts: ["handshake", "simultaneous-open", "syn-received"],
      ask: () => ({ ask: "who", state: "SYN_RECEIVED", at: { segment: 0 } }),
      choices: () => ["server", "client", "neither"],
      explain: (_p, _run, t) =>
        sentences(
          whoOf(t),
          L(
            "Each side is in SYN_SENT when the other's bare SYN arrives, and each makes the same move: to SYN_RECEIVED, answering SYN+ACK. Four segments cross before both are ESTABLISHED.",
            "每一方都在 SYN_SENT 状态下收到对方单独的 SYN，双方做出同样的反应：进入 SYN_RECEIVED 并回复 SYN+ACK。两边都进入 ESTABLISHED 之前，有四个报文段交错而过。",
          ),
        ),
      cite: ["RFC 9293 §3.5", "RFC 9293 §3.10.7.3"],
    },
  ],
});
