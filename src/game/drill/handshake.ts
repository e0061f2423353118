import { answerStory as story, ladderStory, secondsOf as timeOf, stateOf } from "./explain";
import { drawIsn, SEQ_SPACE } from "./random";
import { arrives, script, segmentOf, sent, type Template, template } from "./template";
import { ackStory, L, label, list, secs, sentences } from "./text";

/** Templates of the handshake: a clean open, a lost SYN, a lost SYN+ACK. */

interface Isns {
  readonly c: number;
  readonly s: number;
}

/** Near the wrap, one side's SYN takes 4294967295 itself, so that acknowledging it gives 0. */
function handshakeIsns(d: Parameters<typeof drawIsn>[0], wrap: boolean): Isns {
  if (!wrap) return { c: drawIsn(d, false, 0), s: drawIsn(d, false, 0) };
  const top = SEQ_SPACE - 1;
  const other = SEQ_SPACE - d.int(2, 9000);
  return d.chance(50) ? { c: top, s: other } : { c: other, s: top };
}

const isnIntro = (p: Isns) => L(`client ISN ${p.c}, server ISN ${p.s}`, `客户端 ISN ${p.c}，服务器 ISN ${p.s}`);

export const open: Template = template<Isns>({
  id: "open",
  draw: (d, c) => handshakeIsns(d, c.wrap),
  script: (p) => script(p.c, p.s, undefined, [["listen", { listen: "server" }], ["connect", { connect: "client" }]]),
  title: () => L("Opening a connection", "建立连接"),
  intro: (p) =>
    L(
      `A server listens and a client connects (${isnIntro(p).en}). Predict the handshake.`,
      `服务器在监听，客户端发起连接（${isnIntro(p)["zh-CN"]}）。预测这次握手。`,
    ),
  questions: [
    {
      id: "syn-ack",
      topic: "handshake",
      kind: "segment",
      difficulty: 1,
      wrap: true,
      concepts: ["handshake", "isn", "seq-ack"],
      misconceptions: ["syn-takes-no-number", "seq-ack-swapped", "ack-one-past"],
      ask: () => ({ ask: "segment", side: "server", at: { segment: 0 } }),
      choices: (p) => [`SA ${p.s}/0`, `A ${p.s}/${(p.c + 1) % SEQ_SPACE}`],
      hint: () => L("A SYN takes one sequence number.", "SYN 占用一个序号。"),
      explain: (_p, run, t) =>
        sentences(
          L(
            "The server answers with a SYN of its own, which also acknowledges the client's SYN: SYN+ACK.",
            "服务器用自己的 SYN 回应，同时确认客户端的 SYN：SYN+ACK。",
          ),
          story(run.trace, t),
        ),
      cite: ["RFC 9293 §3.5", "RFC 9293 §3.4"],
    },
    {
      id: "third-segment",
      topic: "handshake",
      kind: "segment",
      difficulty: 1,
      wrap: true,
      concepts: ["handshake", "seq-ack"],
      misconceptions: ["syn-takes-no-number", "seq-from-peer-ack", "seq-ack-swapped", "ack-one-past"],
      ask: (_p, run) => {
        const synAck = arrives(run.trace, sent(run.trace, "server", "SA"));
        return synAck === undefined ? undefined : { ask: "segment", side: "client", at: { segment: synAck } };
      },
      explain: (_p, run, t) =>
        sentences(
          L(
            "The SYN+ACK acknowledges the client's SYN, so the client is ESTABLISHED and completes the handshake with a pure ACK.",
            "SYN+ACK 确认了客户端的 SYN，于是客户端进入 ESTABLISHED，并用一个纯 ACK 完成握手。",
          ),
          story(run.trace, t),
        ),
      cite: ["RFC 9293 §3.5", "RFC 9293 §3.4"],
    },
    {
      id: "server-state",
      topic: "handshake",
      kind: "state",
      difficulty: 1,
      concepts: ["handshake", "syn-received"],
      misconceptions: ["handshake-states-swapped", "syn-received-skipped"],
      ask: () => ({ ask: "state", side: "server", at: { segment: 0 } }),
      choices: () => ["CLOSE_WAIT"],
      explain: (_p, _run, t) =>
        L(
          `${stateOf(t)}. A listening socket that receives a SYN answers SYN+ACK and waits in SYN_RECEIVED for the ACK of its own SYN; only that ACK makes it ESTABLISHED.`,
          `${stateOf(t)}。正在监听的套接字收到 SYN 后回复 SYN+ACK，并在 SYN_RECEIVED 中等待对自己 SYN 的确认；只有这个确认才让它进入 ESTABLISHED。`,
        ),
      cite: ["RFC 9293 §3.5", "RFC 9293 §3.3.2"],
    },
    {
      id: "client-state",
      topic: "handshake",
      kind: "state",
      difficulty: 1,
      concepts: ["handshake", "syn-sent"],
      misconceptions: ["handshake-states-swapped"],
      ask: (_p, run) => ({ ask: "state", side: "client", at: { afterStep: run.step("listen") } }),
      choices: () => ["ESTABLISHED", "LISTEN"],
      explain: (_p, _run, t) =>
        L(
          `${stateOf(t)}. connect() sends the SYN, and the client waits in SYN_SENT for the answer; it is ESTABLISHED only once a SYN+ACK acknowledges its SYN.`,
          `${stateOf(t)}。connect() 发出 SYN，客户端在 SYN_SENT 中等待回应；只有收到确认其 SYN 的 SYN+ACK 之后，它才进入 ESTABLISHED。`,
        ),
      cite: ["RFC 9293 §3.5", "RFC 9293 §3.3.2"],
    },
    {
      id: "who-syn-received",
      topic: "handshake",
      kind: "who",
      difficulty: 1,
      concepts: ["handshake", "syn-received"],
      ask: (_p, run) => ({ ask: "who", state: "SYN_RECEIVED", at: { afterStep: run.step("listen") } }),
      choices: () => ["client", "both", "neither"],
      explain: () =>
        L(
          "The server. SYN_RECEIVED belongs to a listening socket that has answered a SYN; the client goes from SYN_SENT straight to ESTABLISHED when the SYN+ACK arrives.",
          "服务器。SYN_RECEIVED 属于已经回复了 SYN 的监听套接字；客户端收到 SYN+ACK 时从 SYN_SENT 直接进入 ESTABLISHED。",
        ),
      cite: ["RFC 9293 §3.5", "RFC 9293 §3.3.2"],
    },
    {
      id: "third-ack-number",
      topic: "handshake",
      kind: "number",
      difficulty: 2,
      wrap: true,
      concepts: ["handshake", "seq-ack", "isn"],
      misconceptions: ["syn-takes-no-number", "ack-one-past"],
      ask: (_p, run) => {
        const ack = sent(run.trace, "client", "A");
        return ack === undefined
          ? undefined
          : { ask: "number", segment: ack, field: "ack", at: { afterStep: run.step("listen") } };
      },
      prompt: () =>
        L(
          "The client connects. What ack number will the third segment of the handshake, the client's ACK, carry?",
          "客户端发起连接。握手的第三个报文段，即客户端的 ACK，会带什么确认号？",
        ),
      choices: (p) => [String((p.c + 1) % SEQ_SPACE)],
      explain: (_p, run, t) => {
        const s = segmentOf(t);
        return sentences(L(`${s?.ack}.`, `${s?.ack}。`), s ? ackStory(run.trace, s) : undefined);
      },
      cite: ["RFC 9293 §3.4", "RFC 9293 §3.5"],
    },
    {
      id: "handshake-ladder",
      topic: "handshake",
      kind: "ladder",
      difficulty: 2,
      wrap: true,
      concepts: ["handshake", "seq-ack"],
      misconceptions: ["syn-takes-no-number", "seq-ack-swapped", "ack-one-past", "seq-from-peer-ack"],
      ask: () => ({ ask: "ladder", at: { segment: 0 } }),
      prompt: (p) =>
        L(
          `The client's SYN (seq ${p.c}) reaches the server. Write every segment that follows.`,
          `客户端的 SYN（seq ${p.c}）到达服务器。写出之后的每一个报文段。`,
        ),
      choices: (p) => [`A ${p.s}/${(p.c + 1) % SEQ_SPACE}`, `SA ${(p.c + 1) % SEQ_SPACE}/${(p.s + 1) % SEQ_SPACE}`],
      explain: (_p, run, t) => ladderStory(run.trace, t),
      cite: ["RFC 9293 §3.5", "RFC 9293 §3.4"],
    },
  ],
});

interface LostSyn extends Isns {
  /** SYNs lost before one gets through. */
  readonly k: number;
}

export const lostSyn: Template = template<LostSyn>({
  id: "lost-syn",
  draw: (d) => ({ c: drawIsn(d, false, 0), s: drawIsn(d, false, 0), k: d.int(1, 3) }),
  script: (p) =>
    script(p.c, p.s, undefined, [
      ["listen", { listen: "server" }],
      { lose: { from: "client", flags: "S", count: p.k } },
      ["connect", { connect: "client" }],
      { wait: 2 ** (p.k + 1) },
    ]),
  title: (p) => (p.k === 1 ? L("A lost SYN", "丢失的 SYN") : L(`${p.k} lost SYNs`, `丢了 ${p.k} 个 SYN`)),
  intro: (p) =>
    L(
      `The network will drop the client's first ${p.k === 1 ? "SYN" : `${p.k} SYNs`} (${isnIntro(p).en}). The client cannot tell a lost SYN from a slow server: all it can do is wait and send it again.`,
      `网络会丢掉客户端的前 ${p.k} 个 SYN（${isnIntro(p)["zh-CN"]}）。客户端分不清是 SYN 丢了还是服务器慢，只能等待，再发一次。`,
    ),
  questions: [
    {
      id: "syn-again",
      topic: "timers",
      kind: "segment",
      difficulty: 2,
      concepts: ["handshake", "retransmission"],
      ask: (_p, run) => ({ ask: "segment", side: "client", at: { afterStep: run.step("connect") } }),
      choices: (p) => [`S ${p.c + 1}/0`, `R ${p.c}/0`, "S 0/0"],
      explain: (_p, _run, t) => {
        const s = segmentOf(t);
        if (!s) return L("", "");
        return L(
          `${label(s)}. The SYN was lost and nothing came back, so when the retransmission timer expires, at t = ${secs(s.t)} s, the client sends the same SYN again, with the same ISN ${s.seq}: it is still the one SYN that occupies that number. One silence is no reason to give up or to reset.`,
          `${label(s)}。SYN 丢了，什么也没回来，所以在重传定时器到期时（t = ${secs(s.t)} 秒），客户端把同一个 SYN 再发一次，ISN 仍是 ${s.seq}：占用这个号的始终是同一个 SYN。一次没回音不是放弃或发 RST 的理由。`,
        );
      },
      cite: ["RFC 9293 §3.8.1", "RFC 6298 §5"],
    },
    {
      id: "syn-backoff",
      topic: "timers",
      kind: "time",
      difficulty: 3,
      concepts: ["retransmission", "backoff", "handshake"],
      ask: (_p, run) => ({ ask: "time", side: "client", state: "ESTABLISHED", at: { afterStep: run.step("listen") } }),
      choices: (p) => [String(p.k), String(2 ** p.k), String(2 ** (p.k + 1) - 1)],
      hint: () => L("Start at 1 s and double the wait after each timeout.", "从 1 秒开始，每次超时后等待时间翻倍。"),
      explain: (p, run, t) => {
        const syns = run.trace.segments.filter((s) => s.from === "client" && s.flags === "S");
        const times = syns.map((s) => secs(s.t));
        const arrived = syns.find((s) => !s.lost);
        const first = syns[1] && syns[0] ? secs(syns[1].t - syns[0].t) : "1";
        return L(
          `${timeOf(t)} s. The client sends its SYN at t = ${list(times).en} s: the first retransmission ${first} s after the original (the initial RTO), then each wait twice the one before (exponential backoff). The first ${p.k === 1 ? "SYN is" : `${p.k} are`} lost; the one sent at t = ${secs(arrived?.t ?? 0)} s arrives, and with no network delay the handshake completes at once.`,
          `${timeOf(t)} 秒。客户端在 t = ${list(times)["zh-CN"]} 秒发送 SYN：第一次重传在原始 SYN 之后 ${first} 秒（初始 RTO），之后每次等待时间翻倍（指数退避）。前 ${p.k} 个丢了；t = ${secs(arrived?.t ?? 0)} 秒发出的那个送到了，网络没有延迟，握手随即完成。`,
        );
      },
      cite: ["RFC 6298 §2.1", "RFC 6298 §5.5", "Linux ip-sysctl: tcp_syn_retries"],
    },
  ],
});

interface LostSynAck extends Isns {
  /** SYN+ACKs lost before one gets through. */
  readonly k: number;
}

export const lostSynAck: Template = template<LostSynAck>({
  id: "lost-syn-ack",
  draw: (d) => ({ c: drawIsn(d, false, 0), s: drawIsn(d, false, 0), k: d.int(1, 3) }),
  script: (p) =>
    script(p.c, p.s, undefined, [
      ["listen", { listen: "server" }],
      { lose: { from: "server", flags: "SA", count: p.k } },
      ["connect", { connect: "client" }],
      { wait: 20 },
    ]),
  title: () => L("A lost SYN+ACK", "丢失的 SYN+ACK"),
  intro: (p) =>
    L(
      `The network will drop the server's first ${p.k === 1 ? "SYN+ACK" : `${p.k} SYN+ACKs`} (${isnIntro(p).en}). Both sides are waiting now: the client for an answer, the server for the ACK of its SYN.`,
      `网络会丢掉服务器的前 ${p.k} 个 SYN+ACK（${isnIntro(p)["zh-CN"]}）。现在双方都在等：客户端等回应，服务器等对它 SYN 的确认。`,
    ),
  questions: [
    {
      id: "syn-ack-again",
      topic: "handshake",
      kind: "segment",
      difficulty: 3,
      concepts: ["handshake", "retransmission"],
      misconceptions: ["syn-takes-no-number", "seq-ack-swapped"],
      ask: (_p, run) => ({ ask: "segment", side: "server", at: { afterStep: run.step("connect") } }),
      choices: (p) => [`SA ${p.s + 1}/${p.c + 1}`, `A ${p.s + 1}/${p.c + 1}`],
      explain: (_p, run, t) => {
        const s = segmentOf(t);
        if (!s) return L("", "");
        const why =
          s.cause === "retransmit"
            ? L("when the server's own retransmission timer expires", "在服务器自己的重传定时器到期时")
            : L(
                "when the client's retransmitted SYN arrives: a SYN for a connection in SYN_RECEIVED is answered with the SYN+ACK again",
                "在客户端重传的 SYN 到达时：处于 SYN_RECEIVED 的连接再收到 SYN，就再回一次 SYN+ACK",
              );
        return sentences(
          L(
            `${label(s)}. A lost SYN+ACK is sent again unchanged: the same ISN ${s.seq}, the same ack ${s.ack}. This one leaves at t = ${secs(s.t)} s, ${why.en}.`,
            `${label(s)}。丢失的 SYN+ACK 会原样重发：ISN 仍是 ${s.seq}，ack 仍是 ${s.ack}。这一个在 t = ${secs(s.t)} 秒发出，${why["zh-CN"]}。`,
          ),
          ackStory(run.trace, s),
        );
      },
      cite: ["RFC 9293 §3.8.1", "Linux ip-sysctl: tcp_synack_retries"],
    },
    {
      id: "syn-ack-backoff",
      topic: "timers",
      kind: "time",
      difficulty: 4,
      concepts: ["handshake", "retransmission", "tcp-synack-retries", "backoff"],
      ask: (_p, run) => ({ ask: "time", side: "client", state: "ESTABLISHED", at: { afterStep: run.step("listen") } }),
      choices: (p) => [String(p.k), String(2 ** p.k - 1), String(2 ** p.k), String(2 ** (p.k + 1) - 1)],
      explain: (_p, run, t) => {
        const synAcks = run.trace.segments.filter((s) => s.from === "server" && s.flags === "SA");
        const resent = run.trace.segments.filter((s) => s.from === "client" && s.flags === "S" && s.cause === "retransmit");
        const arrived = synAcks.find((s) => !s.lost);
        const sa = list(synAcks.map((s) => secs(s.t)));
        const syn = list(resent.map((s) => secs(s.t)));
        return L(
          `${timeOf(t)} s. The server sends SYN+ACK at t = ${sa.en} s: when its own retransmission timer expires, and also each time a copy of the client's SYN arrives (the client, hearing nothing, resends its SYN at t = ${syn.en} s). The one sent at t = ${secs(arrived?.t ?? 0)} s is the first to get through, and the client is ESTABLISHED at once.`,
          `${timeOf(t)} 秒。服务器在 t = ${sa["zh-CN"]} 秒发送 SYN+ACK：一是自己的重传定时器到期时，二是每当客户端 SYN 的副本到达时（客户端什么也没收到，于是在 t = ${syn["zh-CN"]} 秒重发 SYN）。t = ${secs(arrived?.t ?? 0)} 秒发出的那个最先送到，客户端随即进入 ESTABLISHED。`,
        );
      },
      cite: ["RFC 9293 §3.8.1", "RFC 6298 §5.5", "Linux ip-sysctl: tcp_synack_retries"],
    },
  ],
});
