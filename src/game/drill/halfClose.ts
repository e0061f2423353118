import { peerOf, type Side } from "../../engine";
import { dataOf, finOf, isnText, MSS } from "./common";
import { answerStory, ladderStory, numberOf, secondsOf, stateOf, whoOf } from "./explain";
import { drawIsn } from "./random";
import { arrives, script, segmentIndex, segmentOf, type Template, template } from "./template";
import { en, L, secs, seqStory, sentences, zh } from "./text";

/** Templates of the half-close: shutdown(SHUT_WR) with data flowing the other way, and an orphaned FIN_WAIT_2. */

interface HalfClose {
  readonly c: number;
  readonly s: number;
  /** The side that calls shutdown(SHUT_WR); the other keeps sending, then closes. */
  readonly x: Side;
  /** Bytes x sends before its shutdown (0: none). */
  readonly a: number;
  /** Bytes the other side writes after the shutdown, in one or two writes (b2 = 0: one). */
  readonly b1: number;
  readonly b2: number;
}

export const halfClose: Template = template<HalfClose>({
  id: "half-close",
  draw: (d, { question, wrap }) => {
    const x: Side = d.chance(50) ? "client" : "server";
    const a = d.chance(33) ? 0 : d.int(1, 1000);
    const b1 = d.int(1, MSS);
    const b2 = question === "close-wait-seq" || d.chance(50) ? d.int(1, MSS) : 0;
    const reachX = a + 2;
    const reachY = b1 + b2 + 2;
    const c = drawIsn(d, wrap, x === "client" ? reachX : reachY);
    const s = drawIsn(d, wrap, x === "server" ? reachX : reachY);
    return { c, s, x, a, b1, b2 };
  },
  script: (p) => {
    const y = peerOf(p.x);
    return script(p.c, p.s, undefined, [
      { listen: "server" },
      { connect: "client" },
      p.a > 0 && { send: { side: p.x, bytes: p.a } },
      ["shutdown", { shutdown: p.x }],
      ["pause", { wait: 1 }],
      ["send-1", { send: { side: y, bytes: p.b1 } }],
      p.b2 > 0 && ["send-2", { send: { side: y, bytes: p.b2 } }],
      ["close-y", { close: y }],
      { wait: 61 },
    ]);
  },
  title: () => L("Closing one direction", "只关一个方向"),
  intro: (p) => {
    const y = peerOf(p.x);
    const writes = p.b2 > 0 ? L(`${p.b1} bytes, then ${p.b2}`, `先 ${p.b1} 字节，再 ${p.b2} 字节`) : L(`${p.b1} bytes`, `${p.b1} 字节`);
    return sentences(
      L(`A connection (${isnText(p).en}).`, `一条连接（${isnText(p)["zh-CN"]}）。`),
      p.a > 0 ? L(`The ${en(p.x)} sends ${p.a} bytes.`, `${zh(p.x)}发送 ${p.a} 字节。`) : undefined,
      L(
        `Then the ${en(p.x)} calls shutdown(SHUT_WR): it will send nothing more, but keeps reading. A second later the ${en(y)} writes ${writes.en}, and then closes.`,
        `然后${zh(p.x)}调用 shutdown(SHUT_WR)：它不再发送，但继续读取。一秒后${zh(y)}写入${writes["zh-CN"]}，然后关闭。`,
      ),
    );
  },
  questions: [
    {
      id: "shutdown-state",
      topic: "half-close",
      kind: "state",
      difficulty: 1,
      concepts: ["half-close", "shutdown", "fin-wait-1"],
      misconceptions: ["fin-wait-order-swapped"],
      ask: (p, run) => ({ ask: "state", side: p.x, at: { afterStep: run.step("shutdown") - 1 } }),
      choices: () => ["ESTABLISHED", "CLOSE_WAIT"],
      explain: (p, _run, t) =>
        L(
          `${stateOf(t)}, exactly as with close(). On the wire shutdown(SHUT_WR) looks the same: the ${en(p.x)} sends its FIN and waits for it to be acknowledged. The difference is what the application keeps: after shutdown() it still owns the socket and can go on reading.`,
          `${stateOf(t)}，与 close() 完全一样。从线路上看 shutdown(SHUT_WR) 没有区别：${zh(p.x)}发出 FIN，等待它被确认。区别在于应用还保留着什么：shutdown() 之后应用仍然持有这个套接字，可以继续读。`,
        ),
      cite: ["RFC 9293 §3.6.1", "Linux inet_shutdown"],
    },
    {
      id: "passive-state",
      topic: "half-close",
      kind: "state",
      difficulty: 1,
      concepts: ["half-close", "close-wait"],
      misconceptions: ["close-wait-last-ack-swapped", "closing-is-close-wait"],
      ask: (p, run) => {
        const fin = arrives(run.trace, finOf(run, p.x));
        return fin === undefined ? undefined : { ask: "state", side: peerOf(p.x), at: { segment: fin } };
      },
      choices: () => ["FIN_WAIT_2"],
      explain: (p, _run, t) => {
        const y = peerOf(p.x);
        return L(
          `${stateOf(t)}. The FIN tells the ${en(y)} that the ${en(p.x)} will send nothing more. The ${en(y)} can still send, and it will, from CLOSE_WAIT, until its own application closes.`,
          `${stateOf(t)}。FIN 告诉${zh(y)}：${zh(p.x)}不会再发送了。${zh(y)}仍然可以发送，它也确实会在 CLOSE_WAIT 中继续发送，直到自己的应用关闭。`,
        );
      },
      cite: ["RFC 9293 §3.6.1", "RFC 9293 §3.10.7.4"],
    },
    {
      id: "ack-in-fin-wait-2",
      topic: "half-close",
      kind: "segment",
      difficulty: 3,
      wrap: true,
      concepts: ["half-close", "fin-wait-2", "seq-ack"],
      misconceptions: ["ack-is-seq", "ack-counts-segments", "own-fin-takes-no-number", "ack-always-delayed"],
      ask: (p, run) => {
        const first = arrives(run.trace, dataOf(run, peerOf(p.x))[0]);
        return first === undefined ? undefined : { ask: "segment", side: p.x, at: { segment: first } };
      },
      explain: (p, run, t) =>
        sentences(
          L(
            `The ${en(p.x)} is in FIN_WAIT_2, which only means its own direction is closed: it still receives, and acknowledges the ${en(peerOf(p.x))}'s data at once.`,
            `${zh(p.x)}处于 FIN_WAIT_2，这只表示它自己的方向已经关闭：它仍然接收数据，并立即确认${zh(peerOf(p.x))}发来的数据。`,
          ),
          answerStory(run.trace, t),
        ),
      hint: (p) => L(`Which direction did the ${en(p.x)}'s FIN close?`, `${zh(p.x)}的 FIN 关闭的是哪个方向？`),
      cite: ["RFC 9293 §3.6.1", "RFC 9293 §3.4"],
    },
    {
      id: "close-wait-seq",
      topic: "half-close",
      kind: "number",
      difficulty: 2,
      wrap: true,
      concepts: ["half-close", "close-wait", "seq-ack"],
      misconceptions: ["own-data-not-counted", "seq-from-peer-ack"],
      ask: (p, run) => {
        const second = dataOf(run, peerOf(p.x))[1];
        return second === undefined
          ? undefined
          : { ask: "number", segment: second, field: "seq", at: { afterStep: run.step("send-1") } };
      },
      prompt: (p) =>
        L(
          `The ${en(peerOf(p.x))} writes its remaining ${p.b2} bytes. What is the seq of that segment?`,
          `${zh(peerOf(p.x))}写出剩下的 ${p.b2} 字节。这个报文段的 seq 是多少？`,
        ),
      explain: (p, run, t) => {
        const s = segmentOf(t);
        const y = peerOf(p.x);
        return sentences(
          L(
            `${numberOf(t)}. CLOSE_WAIT changes nothing for the ${en(y)}'s own stream: only the ${en(p.x)}'s direction has ended, and the ${en(y)}'s numbering simply goes on.`,
            `${numberOf(t)}。CLOSE_WAIT 对${zh(y)}自己的字节流毫无影响：结束的只是${zh(p.x)}那个方向，${zh(y)}的编号照常继续。`,
          ),
          s ? seqStory(run.trace, s) : undefined,
        );
      },
      cite: ["RFC 9293 §3.4", "RFC 9293 §3.6.1"],
    },
    {
      id: "last-fin",
      topic: "half-close",
      kind: "segment",
      difficulty: 3,
      wrap: true,
      concepts: ["half-close", "close-wait", "fin"],
      misconceptions: ["own-data-not-counted", "seq-from-peer-ack", "fin-without-ack"],
      ask: (p, run) => ({ ask: "segment", side: peerOf(p.x), at: { afterStep: run.step("close-y") - 1 } }),
      explain: (p, run, t) => {
        const y = peerOf(p.x);
        return sentences(
          L(
            `The ${en(y)} acknowledged the ${en(p.x)}'s FIN long ago and has sent ${p.b1 + p.b2} bytes since, so its own FIN comes after them. Its ack still points one past the ${en(p.x)}'s FIN: the ${en(p.x)} has sent nothing that takes a number since.`,
            `${zh(y)}早就确认了${zh(p.x)}的 FIN，之后又发了 ${p.b1 + p.b2} 字节，所以它自己的 FIN 排在这些字节之后。它的 ack 仍然指向${zh(p.x)}的 FIN 之后一位：此后${zh(p.x)}没有发过任何占用序号的东西。`,
          ),
          answerStory(run.trace, t),
        );
      },
      cite: ["RFC 9293 §3.4", "RFC 9293 §3.6"],
    },
    {
      id: "half-close-who",
      topic: "half-close",
      kind: "who",
      difficulty: 2,
      concepts: ["half-close", "time-wait"],
      misconceptions: ["passive-closer-time-wait", "both-time-wait"],
      ask: (_p, run) => ({ ask: "who", state: "TIME_WAIT", at: { afterStep: run.step("shutdown") - 1 } }),
      explain: (p, _run, t) => {
        const y = peerOf(p.x);
        return sentences(
          whoOf(t),
          L(
            `A half-close changes how long the close takes, not who plays which part: the ${en(p.x)} sent the first FIN, so it acknowledges the ${en(y)}'s FIN at the end and waits in TIME_WAIT, while the ${en(y)} goes from LAST_ACK to CLOSED.`,
            `半关闭改变的是关闭持续多久，而不是谁扮演什么角色：第一个 FIN 是${zh(p.x)}发的，所以最后由它确认${zh(y)}的 FIN 并在 TIME_WAIT 中等待，${zh(y)}则从 LAST_ACK 进入 CLOSED。`,
          ),
        );
      },
      cite: ["RFC 9293 §3.6", "RFC 9293 §3.6.1"],
    },
    {
      id: "half-close-ladder",
      topic: "half-close",
      kind: "ladder",
      difficulty: 4,
      wrap: true,
      concepts: ["half-close", "fin-wait-2", "close-wait", "seq-ack"],
      misconceptions: ["fin-takes-no-number", "own-data-not-counted", "own-fin-takes-no-number", "ack-is-seq", "fin-without-ack", "ack-one-past"],
      ask: (_p, run) => ({ ask: "ladder", at: { afterStep: run.step("pause") } }),
      prompt: (p) => {
        const y = peerOf(p.x);
        return L(
          `The ${en(y)} writes what it has left, then closes. Write every segment from here to the end.`,
          `${zh(y)}写出剩下的数据，然后关闭。写出从现在到结束的每一个报文段。`,
        );
      },
      explain: (p, run, t) =>
        sentences(
          L(
            `The ${en(peerOf(p.x))}'s data flows while the ${en(p.x)} sits in FIN_WAIT_2 acknowledging it, and the ${en(peerOf(p.x))}'s FIN comes last.`,
            `${zh(p.x)}待在 FIN_WAIT_2 中确认数据，${zh(peerOf(p.x))}的数据照常流动，${zh(peerOf(p.x))}的 FIN 最后才来。`,
          ),
          ladderStory(run.trace, t),
        ),
      cite: ["RFC 9293 §3.6.1", "RFC 9293 §3.4"],
    },
  ],
});

interface Orphan {
  readonly c: number;
  readonly s: number;
  /** The side that closes; the other never does. */
  readonly x: Side;
  /** tcp_fin_timeout, seconds. */
  readonly f: number;
}

export const orphan: Template = template<Orphan>({
  id: "orphan",
  draw: (d) => ({
    c: drawIsn(d, false, 0),
    s: drawIsn(d, false, 0),
    x: d.chance(50) ? "client" : "server",
    f: d.pick([10, 15, 30, 60, 120]),
  }),
  script: (p) =>
    script(p.c, p.s, { finTimeout: p.f }, [{ listen: "server" }, { connect: "client" }, ["close", { close: p.x }], { wait: p.f + 10 }]),
  title: () => L("Nobody closes the other half", "另一半始终没人关"),
  intro: (p) => {
    const y = peerOf(p.x);
    return L(
      `A connection (${isnText(p).en}). The ${en(p.x)} calls close(), but the ${en(y)}'s application never does: it stays in CLOSE_WAIT. Both hosts use tcp_fin_timeout = ${p.f} s.`,
      `一条连接（${isnText(p)["zh-CN"]}）。${zh(p.x)}调用了 close()，但${zh(y)}的应用一直没有关闭：它停在 CLOSE_WAIT。两台主机的 tcp_fin_timeout 都是 ${p.f} 秒。`,
    );
  },
  questions: [
    {
      id: "orphan-state",
      topic: "half-close",
      kind: "state",
      difficulty: 2,
      concepts: ["fin-wait-2", "orphan"],
      misconceptions: ["fin-wait-order-swapped"],
      ask: (p, run) => {
        const ack = arrives(run.trace, segmentIndex(run.trace, (s) => s.from === peerOf(p.x) && s.flags === "A", finOf(run, p.x) ?? 0));
        return ack === undefined ? undefined : { ask: "state", side: p.x, at: { segment: ack } };
      },
      choices: () => ["TIME_WAIT", "CLOSED"],
      explain: (p, _run, t) => {
        const y = peerOf(p.x);
        return L(
          `${stateOf(t)}. The ACK covers the ${en(p.x)}'s FIN but brings no FIN of its own: the ${en(y)} has not closed, so the ${en(p.x)} waits in FIN_WAIT_2 for it.`,
          `${stateOf(t)}。这个 ACK 覆盖了${zh(p.x)}的 FIN，但没有带来对方的 FIN：${zh(y)}还没有关闭，所以${zh(p.x)}在 FIN_WAIT_2 中等它。`,
        );
      },
      cite: ["RFC 9293 §3.6"],
    },
    {
      id: "orphan-timeout",
      topic: "timers",
      kind: "time",
      difficulty: 4,
      concepts: ["fin-wait-2", "orphan", "tcp-fin-timeout"],
      ask: (p, run) => {
        const ack = arrives(run.trace, segmentIndex(run.trace, (s) => s.from === peerOf(p.x) && s.flags === "A", finOf(run, p.x) ?? 0));
        return ack === undefined ? undefined : { ask: "time", side: p.x, state: "CLOSED", at: { segment: ack } };
      },
      choices: (p) => ["60", String(p.f + 60), secs(p.f / 2)],
      explain: (p, _run, t) => {
        const y = peerOf(p.x);
        return L(
          `${secondsOf(t)} s. The ${en(p.x)} called close(), so no application will ever read this socket again: it is an orphan. Linux does not keep an orphaned FIN_WAIT_2 forever while the ${en(y)} sits in CLOSE_WAIT: after tcp_fin_timeout, ${p.f} s here, it drops the connection to CLOSED without sending anything. This timer is not TIME_WAIT, even though both default to 60 s.`,
          `${secondsOf(t)} 秒。${zh(p.x)}调用了 close()，再也不会有应用读这个套接字：它成了孤儿连接。${zh(y)}停在 CLOSE_WAIT 时，Linux 不会让孤儿的 FIN_WAIT_2 永远等下去：过了 tcp_fin_timeout（这里是 ${p.f} 秒），它不发任何报文，直接把连接转为 CLOSED。这个定时器不是 TIME_WAIT，尽管两者默认都是 60 秒。`,
        );
      },
      cite: ["Linux ip-sysctl: tcp_fin_timeout", "RFC 9293 §3.6"],
    },
  ],
});

