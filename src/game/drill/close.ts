import { peerOf, type Side } from "../../engine";
import { answerStory, ladderStory, numberOf, secondsOf, stateOf, whoOf } from "./explain";
import { dataText, finOf, isnText, openAndExchange, someBytes } from "./common";
import { drawIsn, SEQ_SPACE } from "./random";
import { arrives, script, segmentIndex, segmentOf, segmentText, type Template, template } from "./template";
import { ackStory, en, L, label, list, numbersStory, secs, sentences, zh } from "./text";

/** Templates of the close: four segments or three, either side first; a lost FIN. */

interface Close {
  readonly c: number;
  readonly s: number;
  /** The active closer; the other side closes once the FIN has arrived. */
  readonly x: Side;
  /** Bytes the client, then the server, sends before the close (0: none). */
  readonly a: number;
  readonly b: number;
  /** The passive closer's application closes one second later (four segments) or at once (three). */
  readonly gap: boolean;
}

/** The schedule of the close in words, for prompts that look beyond the next step. */
function schedule(p: Close): ReturnType<typeof L> {
  const y = peerOf(p.x);
  return p.gap
    ? L(`The ${en(p.x)} calls close(); the ${en(y)} calls close() one second later.`, `${zh(p.x)}调用 close()；一秒后${zh(y)}也调用 close()。`)
    : L(`The ${en(p.x)} calls close(), and the ${en(y)} calls close() right after.`, `${zh(p.x)}调用 close()，${zh(y)}紧接着也调用 close()。`);
}

export const close: Template = template<Close>({
  id: "close",
  draw: (d, { wrap }) => {
    const x: Side = d.chance(50) ? "client" : "server";
    const a = someBytes(d);
    const b = someBytes(d);
    return { c: drawIsn(d, wrap, a + 2), s: drawIsn(d, wrap, b + 2), x, a, b, gap: d.chance(50) };
  },
  script: (p) =>
    script(p.c, p.s, undefined, [
      ...openAndExchange(p),
      ["close-x", { close: p.x }],
      p.gap && { wait: 1 },
      ["close-y", { close: peerOf(p.x) }],
      { wait: 61 },
    ]),
  title: (p) =>
    p.x === "server" ? L("The server hangs up first", "服务器先挂断") : L("The client hangs up first", "客户端先挂断"),
  intro: (p) =>
    sentences(
      L(`A connection (${isnText(p).en}).`, `一条连接（${isnText(p)["zh-CN"]}）。`),
      dataText(p.a, p.b),
      schedule(p),
    ),
  questions: [
    {
      id: "fin",
      topic: "close",
      kind: "segment",
      difficulty: 1,
      wrap: true,
      concepts: ["four-way-close", "fin", "active-close"],
      misconceptions: ["fin-without-ack", "own-data-not-counted", "seq-from-peer-ack", "seq-ack-swapped"],
      ask: (p, run) => ({ ask: "segment", side: p.x, at: { afterStep: run.step("close-x") - 1 } }),
      explain: (_p, run, t) =>
        sentences(
          L(
            "close() sends a FIN, and once a connection is synchronized every segment carries an ACK, so it is FIN+ACK.",
            "close() 发出 FIN；连接同步之后，每个报文段都带 ACK，所以是 FIN+ACK。",
          ),
          answerStory(run.trace, t),
        ),
      cite: ["RFC 9293 §3.6", "RFC 9293 §3.4"],
    },
    {
      id: "fin-wait-1",
      topic: "close",
      kind: "state",
      difficulty: 1,
      concepts: ["active-close", "fin-wait-1", "four-way-close"],
      misconceptions: ["fin-wait-order-swapped"],
      ask: (p, run) => ({ ask: "state", side: p.x, at: { afterStep: run.step("close-x") - 1 } }),
      choices: () => ["CLOSE_WAIT", "TIME_WAIT", "LAST_ACK"],
      explain: (p, _run, t) =>
        L(
          `${stateOf(t)}. The side that closes first sends its FIN and waits in FIN_WAIT_1 for it to be acknowledged; here that is the ${en(p.x)}.`,
          `${stateOf(t)}。先关闭的一方发出 FIN，并在 FIN_WAIT_1 中等待它被确认；这里先关闭的是${zh(p.x)}。`,
        ),
      cite: ["RFC 9293 §3.6", "RFC 9293 §3.3.2"],
    },
    {
      id: "close-wait",
      topic: "close",
      kind: "state",
      difficulty: 1,
      concepts: ["close-wait", "four-way-close"],
      misconceptions: ["close-wait-last-ack-swapped", "closing-is-close-wait"],
      ask: (p, run) => {
        const fin = arrives(run.trace, finOf(run, p.x));
        return fin === undefined ? undefined : { ask: "state", side: peerOf(p.x), at: { segment: fin } };
      },
      choices: () => ["FIN_WAIT_1"],
      explain: (p, _run, t) => {
        const y = peerOf(p.x);
        return L(
          `${stateOf(t)}. A FIN says the ${en(p.x)} has finished sending. The ${en(y)} acknowledges it and waits in CLOSE_WAIT for its own application to call close(); until then it may still send.`,
          `${stateOf(t)}。FIN 表示${zh(p.x)}已经发完了。${zh(y)}确认它，然后在 CLOSE_WAIT 中等待自己的应用调用 close()；在那之前它仍然可以发送数据。`,
        );
      },
      cite: ["RFC 9293 §3.6", "RFC 9293 §3.10.7.4"],
    },
    {
      id: "ack-or-fin",
      topic: "close",
      kind: "segment",
      difficulty: 3,
      concepts: ["delayed-ack", "three-way-close", "four-way-close"],
      misconceptions: ["ack-never-delayed", "fin-takes-no-number", "ack-one-past", "seq-ack-swapped"],
      ask: (p, run) => ({ ask: "segment", side: peerOf(p.x), at: { afterStep: run.step("close-x") } }),
      choices: (_p, _run, t) => {
        const s = segmentOf(t);
        return s ? [segmentText({ ...s, flags: s.flags === "A" ? "FA" : "A" })] : [];
      },
      explain: (p, run, t) => {
        const s = segmentOf(t);
        if (!s) return L("", "");
        const y = peerOf(p.x);
        const why = p.gap
          ? L(
              `Linux delays the ACK of a FIN by up to 40 ms, hoping its application will close and the FIN can carry it. Here the ${en(y)}'s application waits a whole second, so the ACK goes out alone at t = ${secs(s.t)} s, and this close takes four segments.`,
              `Linux 会把对 FIN 的 ACK 最多推迟 40 毫秒，希望应用随后关闭，让 FIN 捎带这个 ACK。这里${zh(y)}的应用等了整整一秒，所以 ACK 在 t = ${secs(s.t)} 秒单独发出，这次关闭需要四个报文段。`,
            )
          : L(
              `Linux delays the ACK of a FIN by up to 40 ms, hoping to send it along with something. The ${en(y)}'s application calls close() at once, so its FIN leaves within that time and carries the ACK: the close takes three segments instead of four.`,
              `Linux 会把对 FIN 的 ACK 最多推迟 40 毫秒，希望能和别的内容一起发出。${zh(y)}的应用立刻调用了 close()，它的 FIN 在这段时间内发出并捎带了这个 ACK：关闭只需三个报文段，而不是四个。`,
            );
        return sentences(L(`${label(s)}.`, `${label(s)}。`), why, numbersStory(run.trace, s));
      },
      cite: ["Linux delayed ACK (TCP_DELACK_MIN)", "RFC 9293 §3.6"],
    },
    {
      id: "after-the-answer",
      topic: "close",
      kind: "state",
      difficulty: 2,
      concepts: ["fin-wait-2", "time-wait", "active-close"],
      misconceptions: ["fin-wait-order-swapped", "always-through-fin-wait-2", "time-wait-skipped"],
      ask: (p, run) => {
        const fin = finOf(run, p.x);
        const answer = arrives(run.trace, fin === undefined ? undefined : segmentIndex(run.trace, (s) => s.from === peerOf(p.x), fin));
        return answer === undefined ? undefined : { ask: "state", side: p.x, at: { segment: answer } };
      },
      choices: () => ["CLOSING", "CLOSE_WAIT"],
      explain: (p, _run, t) => {
        const y = peerOf(p.x);
        return p.gap
          ? L(
              `${stateOf(t)}. The ACK acknowledges the ${en(p.x)}'s FIN but brings no FIN of its own: the ${en(p.x)}'s direction is closed, and it waits in FIN_WAIT_2 for the ${en(y)} to close too.`,
              `${stateOf(t)}。这个 ACK 确认了${zh(p.x)}的 FIN，但没有带来对方自己的 FIN：${zh(p.x)}这个方向已经关闭，它在 FIN_WAIT_2 中等待${zh(y)}也关闭。`,
            )
          : L(
              `${stateOf(t)}. The FIN+ACK both acknowledges the ${en(p.x)}'s FIN and brings the ${en(y)}'s own FIN, so the ${en(p.x)} skips FIN_WAIT_2: it acknowledges that FIN and goes straight to TIME_WAIT.`,
              `${stateOf(t)}。这个 FIN+ACK 既确认了${zh(p.x)}的 FIN，又带来了${zh(y)}自己的 FIN，所以${zh(p.x)}跳过 FIN_WAIT_2：它确认这个 FIN，直接进入 TIME_WAIT。`,
            );
      },
      cite: ["RFC 9293 §3.6", "RFC 9293 §3.10.7.4"],
    },
    {
      id: "enters-time-wait",
      topic: "time-wait",
      kind: "state",
      difficulty: 1,
      concepts: ["time-wait", "active-close"],
      misconceptions: ["time-wait-skipped", "always-through-fin-wait-2", "close-wait-last-ack-swapped"],
      ask: (p, run) => {
        const fin = arrives(run.trace, finOf(run, peerOf(p.x)));
        return fin === undefined ? undefined : { ask: "state", side: p.x, at: { segment: fin } };
      },
      choices: () => ["CLOSED", "LAST_ACK"],
      explain: (p, _run, t) => {
        const y = peerOf(p.x);
        return L(
          `${stateOf(t)}. The ${en(p.x)} closed first, and now the ${en(y)}'s FIN arrives. The ${en(p.x)} acknowledges it and does not close at once: it waits in TIME_WAIT, in case that last ACK is lost and the FIN comes again.`,
          `${stateOf(t)}。${zh(p.x)}先关闭，现在${zh(y)}的 FIN 到了。${zh(p.x)}确认这个 FIN，但不会立即关闭：它在 TIME_WAIT 中等待，以防最后这个 ACK 丢失、对方再发 FIN。`,
        );
      },
      cite: ["RFC 9293 §3.6", "RFC 9293 §3.10.7.4"],
    },
    {
      id: "who-time-wait",
      topic: "time-wait",
      kind: "who",
      difficulty: 2,
      concepts: ["time-wait", "active-close"],
      misconceptions: ["passive-closer-time-wait", "both-time-wait"],
      ask: (_p, run) => ({ ask: "who", state: "TIME_WAIT", at: { afterStep: run.step("close-x") - 1 } }),
      choices: () => ["neither"],
      explain: (p, _run, t) => {
        const y = peerOf(p.x);
        return sentences(
          whoOf(t),
          L(
            `TIME_WAIT belongs to the side that sends the first FIN, the active closer, whichever side that is: here the ${en(p.x)}. The ${en(y)} goes from LAST_ACK to CLOSED as soon as its own FIN is acknowledged.`,
            `TIME_WAIT 属于先发送 FIN 的一方，即主动关闭方，不论它是哪一方：这里是${zh(p.x)}。${zh(y)}的 FIN 一被确认，它就从 LAST_ACK 进入 CLOSED。`,
          ),
        );
      },
      cite: ["RFC 9293 §3.6"],
    },
    {
      id: "time-wait-length",
      topic: "time-wait",
      kind: "time",
      difficulty: 2,
      concepts: ["time-wait", "2msl"],
      misconceptions: ["time-wait-is-one-msl", "msl-is-two-minutes"],
      ask: (p, run) => {
        const fin = arrives(run.trace, finOf(run, peerOf(p.x)));
        return fin === undefined ? undefined : { ask: "time", side: p.x, state: "CLOSED", at: { segment: fin } };
      },
      choices: () => ["0"],
      explain: (p, _run, t) =>
        L(
          `${secondsOf(t)} s. The ${en(p.x)} acknowledges the FIN and enters TIME_WAIT, which Linux fixes at 60 s (TCP_TIMEWAIT_LEN, its 2MSL). It waits in case its last ACK is lost and the FIN comes again, and so that old segments of this connection die out before the same ports are used again.`,
          `${secondsOf(t)} 秒。${zh(p.x)}确认这个 FIN 并进入 TIME_WAIT，Linux 把它固定为 60 秒（TCP_TIMEWAIT_LEN，即它的 2MSL）。这样，万一最后的 ACK 丢了、FIN 再来，它还能回应；同时让这条连接的旧报文在同样的端口被再次使用之前从网络中消失。`,
        ),
      cite: ["Linux TCP_TIMEWAIT_LEN (include/net/tcp.h)", "RFC 9293 §3.6"],
    },
    {
      id: "last-ack-state",
      topic: "close",
      kind: "state",
      difficulty: 2,
      concepts: ["last-ack", "four-way-close"],
      misconceptions: ["close-wait-last-ack-swapped"],
      ask: (p, run) => ({ ask: "state", side: peerOf(p.x), at: { afterStep: run.step("close-y") - 1 } }),
      choices: () => ["TIME_WAIT", "CLOSED"],
      explain: (p, _run, t) => {
        const y = peerOf(p.x);
        return L(
          `${stateOf(t)}. The ${en(y)} is in CLOSE_WAIT; its close() sends its own FIN, and it waits in LAST_ACK for that FIN to be acknowledged. It needs no TIME_WAIT: the ACK it waits for is the last segment of the connection.`,
          `${stateOf(t)}。${zh(y)}处于 CLOSE_WAIT；它的 close() 发出自己的 FIN，然后在 LAST_ACK 中等待这个 FIN 被确认。它不需要 TIME_WAIT：它等的那个 ACK 就是这条连接的最后一个报文段。`,
        );
      },
      cite: ["RFC 9293 §3.6"],
    },
    {
      id: "last-ack-number",
      topic: "close",
      kind: "number",
      difficulty: 2,
      wrap: true,
      concepts: ["fin", "seq-ack"],
      misconceptions: ["fin-takes-no-number", "ack-one-past"],
      ask: (_p, run) => {
        const last = run.trace.segments.length - 1;
        return { ask: "number", segment: last, field: "ack", at: { afterStep: run.step("close-x") - 1 } };
      },
      prompt: (p) =>
        sentences(schedule(p), L("What ack number does the last segment of the close carry?", "关闭过程的最后一个报文段带什么确认号？")),
      explain: (p, run, t) => {
        const s = segmentOf(t);
        const y = peerOf(p.x);
        return sentences(
          L(
            `${numberOf(t)}. The last segment is the ${en(p.x)}'s ACK of the ${en(y)}'s FIN.`,
            `${numberOf(t)}。最后一个报文段是${zh(p.x)}对${zh(y)}的 FIN 的确认。`,
          ),
          s ? ackStory(run.trace, s) : undefined,
        );
      },
      cite: ["RFC 9293 §3.4", "RFC 9293 §3.6"],
    },
    {
      id: "close-ladder",
      topic: "close",
      kind: "ladder",
      difficulty: 4,
      wrap: true,
      concepts: ["four-way-close", "fin", "delayed-ack"],
      misconceptions: ["fin-without-ack", "fin-takes-no-number", "own-fin-takes-no-number", "ack-never-delayed", "ack-one-past"],
      ask: (_p, run) => ({ ask: "ladder", at: { afterStep: run.step("close-x") - 1 } }),
      prompt: (p) => sentences(schedule(p), L("Write every segment of the close, in order.", "按顺序写出关闭过程中的每一个报文段。")),
      explain: (p, run, t) =>
        sentences(
          p.gap
            ? L(
                "The passive closer's ACK cannot wait for its FIN: its application closes only a second later, so after 40 ms the delayed ACK goes alone.",
                "被动关闭方的 ACK 等不到它的 FIN：它的应用一秒后才关闭，所以 40 毫秒后延迟的 ACK 单独发出。",
              )
            : L(
                "The passive closer's application closes at once, so its FIN carries the delayed ACK of the first FIN.",
                "被动关闭方的应用立刻关闭，所以它的 FIN 捎带了对第一个 FIN 的延迟 ACK。",
              ),
          ladderStory(run.trace, t),
        ),
      cite: ["RFC 9293 §3.6", "RFC 9293 §3.4", "Linux delayed ACK (TCP_DELACK_MIN)"],
    },
  ],
});

interface LostFin {
  readonly c: number;
  readonly s: number;
  /** The active closer, whose first `k` FINs are lost. */
  readonly x: Side;
  readonly k: number;
  /** Bytes x sends before it closes. */
  readonly a: number;
}

export const lostFin: Template = template<LostFin>({
  id: "lost-fin",
  draw: (d, { wrap }) => {
    const x: Side = d.chance(50) ? "client" : "server";
    const a = someBytes(d);
    const reach = a + 2;
    return {
      c: drawIsn(d, wrap, x === "client" ? reach : 1),
      s: drawIsn(d, wrap, x === "server" ? reach : 1),
      x,
      k: d.int(1, 2),
      a,
    };
  },
  script: (p) =>
    script(p.c, p.s, undefined, [
      { listen: "server" },
      { connect: "client" },
      p.a > 0 && { send: { side: p.x, bytes: p.a } },
      { lose: { from: p.x, flags: "FA", count: p.k } },
      ["close-x", { close: p.x }],
      { wait: 3 },
      { close: peerOf(p.x) },
      { wait: 61 },
    ]),
  title: () => L("A lost FIN", "丢失的 FIN"),
  intro: (p) =>
    sentences(
      L(`A connection (${isnText(p).en}).`, `一条连接（${isnText(p)["zh-CN"]}）。`),
      p.a > 0 ? L(`The ${en(p.x)} sends ${p.a} bytes.`, `${zh(p.x)}发送 ${p.a} 字节。`) : undefined,
      L(
        `Then the ${en(p.x)} calls close(), and the network loses its first ${p.k === 1 ? "FIN" : `${p.k} FINs`}. The ${en(peerOf(p.x))} closes three seconds later.`,
        `然后${zh(p.x)}调用 close()，而网络丢掉了它的前 ${p.k} 个 FIN。${zh(peerOf(p.x))}三秒后关闭。`,
      ),
    ),
  questions: [
    {
      id: "fin-resent",
      topic: "close",
      kind: "segment",
      difficulty: 3,
      wrap: true,
      concepts: ["fin", "retransmission"],
      misconceptions: ["fin-without-ack", "seq-ack-swapped"],
      ask: (p, run) => ({ ask: "segment", side: p.x, at: { afterStep: run.step("close-x") } }),
      choices: (_p, _run, t) => {
        const s = segmentOf(t);
        return s ? [segmentText({ ...s, seq: (s.seq + 1) % SEQ_SPACE })] : [];
      },
      explain: (p, run, t) => {
        const s = segmentOf(t);
        if (!s) return L("", "");
        return sentences(
          L(
            `${label(s)}. Nothing acknowledges the ${en(p.x)}'s FIN, so when its retransmission timer expires, at t = ${secs(s.t)} s, it sends the same FIN again: the same seq ${s.seq}, since it is still the one FIN that occupies that number, and the same ack.`,
            `${label(s)}。${zh(p.x)}的 FIN 没有得到确认，所以重传定时器在 t = ${secs(s.t)} 秒到期时，它把同一个 FIN 再发一次：seq 仍是 ${s.seq}，占用这个号的始终是同一个 FIN，ack 也不变。`,
          ),
          ackStory(run.trace, s),
        );
      },
      cite: ["RFC 9293 §3.6", "RFC 6298 §5"],
    },
    {
      id: "fin-backoff",
      topic: "timers",
      kind: "time",
      difficulty: 4,
      concepts: ["retransmission", "backoff", "rto", "fin"],
      ask: (p, run) => ({ ask: "time", side: peerOf(p.x), state: "CLOSE_WAIT", at: { afterStep: run.step("close-x") - 1 } }),
      choices: (p) => [secs(0.2 * p.k), "1", String(2 ** p.k - 1), secs(0.2 * 2 ** p.k), "0"],
      hint: () =>
        L(
          "The round trip here measures 0, so the RTO is Linux's floor, 200 ms, doubled after each loss.",
          "这里测得的往返时间是 0，所以 RTO 取 Linux 的下限 200 毫秒，每丢一次翻倍。",
        ),
      explain: (p, run, t) => {
        const fins = run.trace.segments.filter((s) => s.from === p.x && s.flags.includes("F"));
        const arrived = fins.find((s) => !s.lost);
        return L(
          `${secondsOf(t)} s. The ${en(p.x)} sends its FIN at t = ${list(fins.map((s) => secs(s.t))).en} s. After the handshake has measured a round trip (0 here), the retransmission timeout is Linux's 200 ms floor, and it doubles after each loss. The FIN sent at t = ${secs(arrived?.t ?? 0)} s is the first to arrive, and the ${en(peerOf(p.x))} enters CLOSE_WAIT at once.`,
          `${secondsOf(t)} 秒。${zh(p.x)}在 t = ${list(fins.map((s) => secs(s.t)))["zh-CN"]} 秒发送 FIN。握手已经测得往返时间（这里是 0），所以重传超时取 Linux 的下限 200 毫秒，每丢一次翻倍。t = ${secs(arrived?.t ?? 0)} 秒发出的 FIN 最先送到，${zh(peerOf(p.x))}随即进入 CLOSE_WAIT。`,
        );
      },
      cite: ["RFC 6298 §5.5", "Linux TCP_RTO_MIN (include/net/tcp.h)"],
    },
  ],
});
