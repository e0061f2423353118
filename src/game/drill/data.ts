import { answerStory, ladderStory, numberOf } from "./explain";
import { dataOf, isnText, MSS } from "./common";
import { drawIsn, SEQ_SPACE } from "./random";
import { arrives, script, segmentIndex, segmentOf, type Template, template } from "./template";
import { ackStory, addition, L, label, numbersStory, secs, seqStory, sentences } from "./text";

/** Templates of data transfer: a request and a response, a lost segment, delayed or quick ACKs. */

interface Transfer {
  readonly c: number;
  readonly s: number;
  /** Bytes the client writes, then bytes the server writes back (0: none). */
  readonly a: number;
  readonly b: number;
}

export const transfer: Template = template<Transfer>({
  id: "transfer",
  draw: (d, { question, wrap }) => {
    const several = question === "second-segment-seq" || question === "cumulative-ack";
    const a = several ? d.int(MSS + 1, 3 * MSS) : question === "data-ladder" ? d.int(1, 2 * MSS) : d.int(1, MSS);
    const needsReply = question === "reply-segment" || question === "client-acks-reply";
    const b = question === "data-ladder" || several ? 0 : needsReply || d.chance(50) ? d.int(1, MSS) : 0;
    return { c: drawIsn(d, wrap, a + 1), s: drawIsn(d, wrap, b + 1), a, b };
  },
  script: (p) =>
    script(p.c, p.s, undefined, [
      { listen: "server" },
      ["connect", { connect: "client" }],
      ["send-client", { send: { side: "client", bytes: p.a } }],
      p.b > 0 && ["send-server", { send: { side: "server", bytes: p.b } }],
    ]),
  title: (p) => (p.b > 0 ? L("A request and a response", "请求与响应") : L("Sending data", "发送数据")),
  intro: (p) =>
    p.b > 0
      ? L(
          `After the handshake (${isnText(p).en}) the client writes ${p.a} bytes, and the server answers with ${p.b}.`,
          `握手之后（${isnText(p)["zh-CN"]}），客户端写入 ${p.a} 字节，服务器回应 ${p.b} 字节。`,
        )
      : L(
          `After the handshake (${isnText(p).en}) the client writes ${p.a} bytes. The MSS is ${MSS} bytes.`,
          `握手之后（${isnText(p)["zh-CN"]}），客户端写入 ${p.a} 字节。MSS 是 ${MSS} 字节。`,
        ),
  questions: [
    {
      id: "data-ack",
      topic: "data",
      kind: "segment",
      difficulty: 1,
      wrap: true,
      concepts: ["seq-ack", "data"],
      misconceptions: ["ack-is-seq", "ack-counts-segments", "ack-one-past", "seq-ack-swapped"],
      ask: (_p, run) => {
        const first = arrives(run.trace, dataOf(run, "client")[0]);
        return first === undefined ? undefined : { ask: "segment", side: "server", at: { segment: first } };
      },
      explain: (_p, run, t) =>
        sentences(
          L(
            "A pure ACK, at once: early in a connection Linux acknowledges data as soon as it arrives (quick-ack mode).",
            "立即回一个纯 ACK：在连接初期，Linux 收到数据就马上确认（快速确认模式）。",
          ),
          answerStory(run.trace, t),
        ),
      cite: ["RFC 9293 §3.4", "Linux quick ACK (TCP_MAX_QUICKACKS)"],
    },
    {
      id: "second-segment-seq",
      topic: "data",
      kind: "number",
      difficulty: 2,
      wrap: true,
      concepts: ["seq-ack", "segmentation", "mss"],
      misconceptions: ["own-data-not-counted", "seq-from-peer-ack"],
      ask: (_p, run) => {
        const second = dataOf(run, "client")[1];
        return second === undefined
          ? undefined
          : { ask: "number", segment: second, field: "seq", at: { afterStep: run.step("connect") } };
      },
      prompt: (p) =>
        L(
          `The client writes ${p.a} bytes, and the MSS is ${MSS}. What is the seq of its second data segment?`,
          `客户端写入 ${p.a} 字节，MSS 是 ${MSS}。它的第二个数据报文段的 seq 是多少？`,
        ),
      choices: (p) => [String((p.c + 1 + p.a) % SEQ_SPACE)],
      explain: (p, run, t) => {
        const s = segmentOf(t);
        const n = dataOf(run, "client").length;
        return sentences(
          L(
            `${numberOf(t)}. A segment carries at most one MSS, ${MSS} bytes, so the ${p.a}-byte write leaves as ${n} segments, each starting where the one before it ended.`,
            `${numberOf(t)}。一个报文段最多装一个 MSS，即 ${MSS} 字节，所以这次 ${p.a} 字节的写入分成 ${n} 个报文段发出，每一个都从前一个结束的地方开始。`,
          ),
          s ? seqStory(run.trace, s) : undefined,
        );
      },
      cite: ["RFC 9293 §3.4", "RFC 9293 §3.7.1"],
    },
    {
      id: "reply-segment",
      topic: "data",
      kind: "segment",
      difficulty: 2,
      wrap: true,
      concepts: ["seq-ack", "data"],
      misconceptions: ["seq-from-peer-ack", "seq-ack-swapped", "ack-one-past", "own-data-not-counted"],
      ask: (_p, run) => ({ ask: "segment", side: "server", at: { afterStep: run.step("send-client") } }),
      explain: (_p, run, t) =>
        sentences(
          L(
            "The server's data starts at its first number after its SYN, and like every segment after the handshake it acknowledges everything it has received.",
            "服务器的数据从它 SYN 之后的第一个序号开始；和握手之后的每个报文段一样，它也确认自己已收到的全部内容。",
          ),
          answerStory(run.trace, t),
        ),
      cite: ["RFC 9293 §3.4", "RFC 9293 §3.10.7.4"],
    },
    {
      id: "client-acks-reply",
      topic: "data",
      kind: "segment",
      difficulty: 2,
      wrap: true,
      concepts: ["seq-ack", "data"],
      misconceptions: ["ack-is-seq", "ack-counts-segments", "own-data-not-counted", "ack-one-past"],
      ask: (_p, run) => {
        const reply = arrives(run.trace, segmentIndex(run.trace, (s) => s.from === "server" && s.len > 0));
        return reply === undefined ? undefined : { ask: "segment", side: "client", at: { segment: reply } };
      },
      explain: (_p, run, t) =>
        sentences(
          L(
            "The client acknowledges the response at once with a pure ACK. Its own numbers have moved past the request it sent.",
            "客户端立即用一个纯 ACK 确认这个响应。它自己的序号已经越过了它发出的请求。",
          ),
          answerStory(run.trace, t),
        ),
      cite: ["RFC 9293 §3.4"],
    },
    {
      id: "data-ladder",
      topic: "data",
      kind: "ladder",
      difficulty: 3,
      wrap: true,
      concepts: ["seq-ack", "segmentation", "data"],
      misconceptions: ["syn-takes-no-number", "ack-is-seq", "ack-counts-segments", "own-data-not-counted", "ack-one-past"],
      ask: (_p, run) => ({ ask: "ladder", at: { afterStep: run.step("connect") } }),
      prompt: (p) =>
        L(
          `The client writes ${p.a} bytes (MSS ${MSS}). Write every segment that follows, in order.`,
          `客户端写入 ${p.a} 字节（MSS 为 ${MSS}）。按顺序写出之后的每一个报文段。`,
        ),
      explain: (_p, run, t) =>
        sentences(
          L(
            "Each data segment is acknowledged as it arrives: Linux acks at once early in a connection.",
            "每个数据报文段一到就被确认：在连接初期，Linux 会立即确认。",
          ),
          ladderStory(run.trace, t),
        ),
      cite: ["RFC 9293 §3.4", "RFC 9293 §3.7.1", "Linux quick ACK (TCP_MAX_QUICKACKS)"],
    },
    {
      id: "cumulative-ack",
      topic: "data",
      kind: "number",
      difficulty: 3,
      wrap: true,
      concepts: ["cumulative-ack", "seq-ack"],
      misconceptions: ["ack-counts-segments", "ack-one-past", "ack-is-seq"],
      ask: (_p, run) => {
        const last = run.trace.segments.length - 1;
        const s = run.trace.segments[last];
        return s?.from !== "server" ? undefined : { ask: "number", segment: last, field: "ack", at: { afterStep: run.step("connect") } };
      },
      prompt: (p) =>
        L(
          `The client writes ${p.a} bytes (MSS ${MSS}), and the server acknowledges what it receives. What ack number does the server's last ACK carry?`,
          `客户端写入 ${p.a} 字节（MSS 为 ${MSS}），服务器确认它收到的数据。服务器最后一个 ACK 的确认号是多少？`,
        ),
      choices: (p) => [String((p.c + 1 + MSS) % SEQ_SPACE)],
      explain: (p, run, t) => {
        const s = segmentOf(t);
        return sentences(
          L(
            `${numberOf(t)}. An ACK names the next byte expected, so once every segment is in, the last ACK covers the whole write: ${addition(p.c + 1, p.a).en}.`,
            `${numberOf(t)}。ACK 给出的是期望的下一个字节，所以所有报文段都到齐后，最后一个 ACK 覆盖整次写入：${addition(p.c + 1, p.a)["zh-CN"]}。`,
          ),
          s ? ackStory(run.trace, s) : undefined,
        );
      },
      cite: ["RFC 9293 §3.4", "RFC 9293 §3.10.7.4"],
    },
  ],
});

interface LostData {
  readonly c: number;
  readonly s: number;
  /** Bytes written: two or three segments, the first of which is lost. */
  readonly a: number;
}

export const lostData: Template = template<LostData>({
  id: "lost-data",
  draw: (d, { wrap }) => {
    const a = d.int(MSS + 1, 3 * MSS);
    return { c: drawIsn(d, wrap, a + 1), s: drawIsn(d, wrap, 1), a };
  },
  script: (p) =>
    script(p.c, p.s, undefined, [
      { listen: "server" },
      { connect: "client" },
      { lose: { from: "client", flags: "PA" } },
      ["send", { send: { side: "client", bytes: p.a } }],
      { wait: 1 },
    ]),
  title: () => L("A lost data segment", "丢失的数据报文段"),
  intro: (p) =>
    L(
      `After the handshake (${isnText(p).en}) the client writes ${p.a} bytes, more than one MSS (${MSS}). The network loses the first data segment.`,
      `握手之后（${isnText(p)["zh-CN"]}），客户端写入 ${p.a} 字节，超过一个 MSS（${MSS}）。网络丢掉了第一个数据报文段。`,
    ),
  questions: [
    {
      id: "duplicate-ack",
      topic: "data",
      kind: "segment",
      difficulty: 4,
      wrap: true,
      concepts: ["retransmission", "out-of-order", "duplicate-ack", "cumulative-ack"],
      misconceptions: ["ack-is-seq", "ack-counts-segments", "ack-one-past"],
      ask: (_p, run) => {
        const second = arrives(run.trace, dataOf(run, "client")[1]);
        return second === undefined ? undefined : { ask: "segment", side: "server", at: { segment: second } };
      },
      choices: (p, run) => {
        const second = run.trace.segments[dataOf(run, "client")[1] ?? -1];
        return second ? [`A ${(p.s + 1) % SEQ_SPACE}/${(second.seq + second.len) % SEQ_SPACE}`] : [];
      },
      explain: (p, run, t) => {
        const s = segmentOf(t);
        const lost = run.trace.segments[dataOf(run, "client")[0] ?? -1];
        const held = run.trace.segments[dataOf(run, "client")[1] ?? -1];
        if (!s || !lost || !held) return L("", "");
        const start = (p.c + 1) % SEQ_SPACE;
        return L(
          `${label(s)}. The ${lost.len} bytes from ${start} were lost, so the server still expects ${start}: an ACK is cumulative and can only name the first byte not yet received. It keeps the segment at ${held.seq} for later and sends this duplicate ACK at once, which tells the client that something arrived out of order. Its seq ${s.seq} is the server's next number, one past its SYN.`,
          `${label(s)}。从 ${start} 开始的 ${lost.len} 字节丢了，所以服务器仍然期望 ${start}：ACK 是累积的，只能给出第一个还没收到的字节。服务器把 ${held.seq} 处的报文段留着备用，并立即发出这个重复 ACK，告诉客户端有数据乱序到达。它的 seq ${s.seq} 是服务器的下一个序号，紧跟在它的 SYN 之后。`,
        );
      },
      cite: ["RFC 9293 §3.4", "RFC 9293 §3.10.7.4", "RFC 5681 §4.2"],
    },
    {
      id: "hole-filled",
      topic: "data",
      kind: "segment",
      difficulty: 4,
      wrap: true,
      concepts: ["retransmission", "cumulative-ack", "out-of-order"],
      misconceptions: ["ack-is-seq", "ack-counts-segments"],
      ask: (_p, run) => {
        const again = arrives(run.trace, segmentIndex(run.trace, (s) => s.from === "client" && s.cause === "retransmit"));
        return again === undefined ? undefined : { ask: "segment", side: "server", at: { segment: again } };
      },
      choices: (p) => [`A ${(p.s + 1) % SEQ_SPACE}/${(p.c + 1 + MSS) % SEQ_SPACE}`],
      explain: (p, _run, t) => {
        const s = segmentOf(t);
        if (!s) return L("", "");
        return sentences(
          L(
            `${label(s)}. The retransmission fills the hole at ${(p.c + 1) % SEQ_SPACE}, and the segments that had arrived beyond it were kept, so the ACK jumps over all ${p.a} bytes at once: ${addition(p.c + 1, p.a).en}.`,
            `${label(s)}。重传补上了 ${(p.c + 1) % SEQ_SPACE} 处的缺口，而缺口之后先到的报文段都被保留着，所以 ACK 一下子越过全部 ${p.a} 字节：${addition(p.c + 1, p.a)["zh-CN"]}。`,
          ),
        );
      },
      cite: ["RFC 9293 §3.4", "RFC 9293 §3.10.7.4"],
    },
    {
      id: "retransmission",
      topic: "timers",
      kind: "segment",
      difficulty: 3,
      concepts: ["retransmission", "rto"],
      misconceptions: ["own-data-not-counted", "seq-from-peer-ack"],
      ask: (_p, run) => ({ ask: "segment", side: "client", at: { afterStep: run.step("send") } }),
      choices: (p) => [`PA ${(p.c + 1 + p.a) % SEQ_SPACE}/${(p.s + 1) % SEQ_SPACE}`],
      explain: (_p, run, t) => {
        const s = segmentOf(t);
        const first = run.trace.segments.find((x) => x.from === "client" && x.len > 0);
        if (!s || !first) return L("", "");
        return L(
          `${label(s)}. The server's duplicate ACKs keep asking for ${s.seq}. When the retransmission timer expires, ${secs(s.t - first.t)} s after the original was sent, the client sends that segment again, unchanged: the same seq and the same ${s.len} bytes. The timeout is Linux's 200 ms floor, because every round trip in this network measures 0.`,
          `${label(s)}。服务器的重复 ACK 一直在要 ${s.seq}。重传定时器在原报文段发出 ${secs(s.t - first.t)} 秒后到期，客户端把那个报文段原样再发一次：seq 相同，${s.len} 字节也相同。超时取的是 Linux 的下限 200 毫秒，因为这个网络里测得的往返时间都是 0。`,
        );
      },
      cite: ["RFC 6298 §5", "Linux TCP_RTO_MIN (include/net/tcp.h)"],
    },
  ],
});

interface Reply {
  readonly c: number;
  readonly s: number;
  readonly a: number;
  readonly b: number;
  /** Whether the server is still in quick-ack mode (Linux's start of a connection) or delays its ACKs. */
  readonly quick: boolean;
}

export const reply: Template = template<Reply>({
  id: "reply",
  draw: (d, { question, wrap }) => {
    const a = d.int(1, MSS);
    const b = d.int(1, MSS);
    return { c: drawIsn(d, wrap, a + 1), s: drawIsn(d, wrap, b + 1), a, b, quick: question === "quick-ack" };
  },
  script: (p) =>
    script(p.c, p.s, p.quick ? undefined : { quickAcks: 0 }, [
      { listen: "server" },
      { connect: "client" },
      ["request", { send: { side: "client", bytes: p.a } }],
      { send: { side: "server", bytes: p.b } },
      { wait: 1 },
    ]),
  title: (p) => (p.quick ? L("ACK now or later?", "马上确认，还是稍后？") : L("A delayed ACK", "延迟确认")),
  intro: (p) =>
    p.quick
      ? L(
          `A fresh connection (${isnText(p).en}). The client sends a ${p.a}-byte request, and the server's application answers at once with ${p.b} bytes.`,
          `一条刚建立的连接（${isnText(p)["zh-CN"]}）。客户端发送 ${p.a} 字节的请求，服务器的应用立即回应 ${p.b} 字节。`,
        )
      : L(
          `A connection that has been busy for a while (${isnText(p).en}): the server has left quick-ack mode and delays its ACKs (quickAcks = 0). The client sends a ${p.a}-byte request, and the server's application answers at once with ${p.b} bytes.`,
          `一条已经忙碌了一阵的连接（${isnText(p)["zh-CN"]}）：服务器已离开快速确认模式，会延迟发送 ACK（quickAcks = 0）。客户端发送 ${p.a} 字节的请求，服务器的应用立即回应 ${p.b} 字节。`,
        ),
  questions: [
    {
      id: "piggyback",
      topic: "data",
      kind: "segment",
      difficulty: 3,
      wrap: true,
      concepts: ["delayed-ack", "piggyback", "seq-ack"],
      misconceptions: ["ack-is-seq", "ack-counts-segments", "ack-one-past"],
      ask: (_p, run) => {
        const request = arrives(run.trace, dataOf(run, "client")[0]);
        return request === undefined ? undefined : { ask: "segment", side: "server", at: { segment: request } };
      },
      prompt: () =>
        L(
          "The request arrives, and the server's application will answer it right away. What does the server send next?",
          "请求到达，服务器的应用马上就会回应。服务器接下来发送什么？",
        ),
      choices: (p) => [`A ${(p.s + 1) % SEQ_SPACE}/${(p.c + 1 + p.a) % SEQ_SPACE}`],
      explain: (_p, run, t) => {
        const s = segmentOf(t);
        if (!s) return L("", "");
        return sentences(
          L(
            `${label(s)}. Out of quick-ack mode, Linux holds the ACK of new data for up to 40 ms (a delayed ACK), hoping to send it along with data. The response is written well within that time, so the ACK rides on it: one segment instead of two.`,
            `${label(s)}。离开快速确认模式后，Linux 会把对新数据的 ACK 最多推迟 40 毫秒（延迟确认），希望能和数据一起发出。响应在这段时间内就写好了，于是 ACK 搭着它一起走：一个报文段，而不是两个。`,
          ),
          numbersStory(run.trace, s),
        );
      },
      cite: ["RFC 9293 §3.8.6.3", "Linux delayed ACK (TCP_DELACK_MIN)"],
    },
    {
      id: "quick-ack",
      topic: "data",
      kind: "segment",
      difficulty: 3,
      wrap: true,
      concepts: ["delayed-ack", "seq-ack"],
      misconceptions: ["ack-always-delayed", "ack-is-seq", "ack-counts-segments", "ack-one-past"],
      ask: (_p, run) => {
        const request = arrives(run.trace, dataOf(run, "client")[0]);
        return request === undefined ? undefined : { ask: "segment", side: "server", at: { segment: request } };
      },
      prompt: () =>
        L(
          "The request arrives, and the server's application will answer it right away. What does the server send next?",
          "请求到达，服务器的应用马上就会回应。服务器接下来发送什么？",
        ),
      choices: (p) => [`PA ${(p.s + 1) % SEQ_SPACE}/${(p.c + 1 + p.a) % SEQ_SPACE} len ${p.b}`],
      explain: (_p, run, t) => {
        const s = segmentOf(t);
        if (!s) return L("", "");
        return sentences(
          L(
            `${label(s)}. Linux starts every connection in quick-ack mode: it acknowledges data the moment it arrives instead of waiting up to 40 ms for something to piggyback on. So the ACK leaves on its own, before the response is even written: two segments, not one.`,
            `${label(s)}。Linux 让每条连接都从快速确认模式开始：数据一到就确认，而不是最多等 40 毫秒、看有没有数据可以捎带。所以 ACK 在响应写出之前就单独发出了：两个报文段，而不是一个。`,
          ),
          numbersStory(run.trace, s),
        );
      },
      cite: ["Linux quick ACK (TCP_MAX_QUICKACKS)", "RFC 9293 §3.8.6.3"],
    },
  ],
});
