import { peerOf, type Side } from "../../engine";
import type { Localized } from "../../levels/schema";
import { finOf, isnText, someBytes } from "./common";
import { answerStory, errnoOf, secondsOf } from "./explain";
import { drawIsn, SEQ_SPACE } from "./random";
import { arrives, type QuestionDef, script, segmentIndex, segmentOf, segmentText, type Template, template } from "./template";
import { ackStory, en, L, label, secs, sentences, zh } from "./text";

/** Templates of TIME_WAIT at work: a lost final ACK, and a server that restarts while its port is held. */

interface LostFinalAck {
  readonly c: number;
  readonly s: number;
  /** The active closer, whose final ACK is lost. */
  readonly x: Side;
}

/** The passive closer's FIN sent again by its retransmission timer. */
function finAgain(run: Parameters<typeof finOf>[0], side: Side): number | undefined {
  return segmentIndex(run.trace, (s) => s.from === side && s.flags.includes("F") && s.cause === "retransmit");
}

export const lostFinalAck: Template = template<LostFinalAck>({
  id: "lost-final-ack",
  draw: (d, { wrap }) => ({ c: drawIsn(d, wrap, 2), s: drawIsn(d, wrap, 2), x: d.chance(50) ? "client" : "server" }),
  script: (p) =>
    script(p.c, p.s, undefined, [
      { listen: "server" },
      { connect: "client" },
      ["close-x", { close: p.x }],
      { wait: 1 },
      { lose: { from: p.x, flags: "A" } },
      ["close-y", { close: peerOf(p.x) }],
      { wait: 1 },
      { wait: 61 },
    ]),
  title: () => L("The last ACK is lost", "最后一个 ACK 丢了"),
  intro: (p) => {
    const y = peerOf(p.x);
    return L(
      `A connection (${isnText(p).en}). The ${en(p.x)} closes first, the ${en(y)} one second later, and the network loses the ${en(p.x)}'s final ACK.`,
      `一条连接（${isnText(p)["zh-CN"]}）。${zh(p.x)}先关闭，一秒后${zh(y)}也关闭，而网络丢掉了${zh(p.x)}最后的那个 ACK。`,
    );
  },
  questions: [
    {
      id: "fin-again",
      topic: "time-wait",
      kind: "segment",
      difficulty: 4,
      wrap: true,
      concepts: ["time-wait", "lost-ack", "retransmission"],
      misconceptions: ["fin-without-ack"],
      ask: (p, run) => ({ ask: "segment", side: peerOf(p.x), at: { afterStep: run.step("close-y") } }),
      choices: (_p, _run, t) => {
        const s = segmentOf(t);
        return s ? [segmentText({ ...s, seq: (s.seq + 1) % SEQ_SPACE }), segmentText({ ...s, flags: "R", ack: 0 })] : [];
      },
      explain: (p, run, t) => {
        const s = segmentOf(t);
        const first = run.trace.segments[finOf(run, peerOf(p.x)) ?? -1];
        if (!s || !first) return L("", "");
        const y = peerOf(p.x);
        return sentences(
          L(
            `${label(s)}. The ${en(p.x)}'s ACK was lost, so the ${en(y)}, in LAST_ACK, never learns that its FIN arrived. When its retransmission timer expires, ${secs(s.t - first.t)} s later, it sends the same FIN again: the same seq ${s.seq}, still the one FIN that occupies that number.`,
            `${label(s)}。${zh(p.x)}的 ACK 丢了，处于 LAST_ACK 的${zh(y)}无从得知自己的 FIN 已经送到。${secs(s.t - first.t)} 秒后重传定时器到期，它把同一个 FIN 再发一次：seq 仍是 ${s.seq}，占用这个号的始终是同一个 FIN。`,
          ),
          ackStory(run.trace, s),
        );
      },
      cite: ["RFC 9293 §3.6", "RFC 6298 §5"],
    },
    {
      id: "time-wait-acks-again",
      topic: "time-wait",
      kind: "segment",
      difficulty: 3,
      wrap: true,
      concepts: ["time-wait", "lost-ack"],
      misconceptions: ["fin-takes-no-number", "ack-one-past", "seq-ack-swapped"],
      ask: (p, run) => {
        const again = arrives(run.trace, finAgain(run, peerOf(p.x)));
        return again === undefined ? undefined : { ask: "segment", side: p.x, at: { segment: again } };
      },
      choices: (_p, _run, t) => {
        const s = segmentOf(t);
        return s ? [segmentText({ ...s, flags: "R", ack: 0 })] : [];
      },
      explain: (p, run, t) =>
        sentences(
          L(
            `Still in TIME_WAIT, the ${en(p.x)} recognises the FIN it has already acknowledged and acknowledges it again, with the same numbers as the lost ACK. Had it gone straight to CLOSED, this FIN would have found no connection and been answered with a reset.`,
            `仍处于 TIME_WAIT 的${zh(p.x)}认出这是它已经确认过的 FIN，于是再确认一次，编号与丢失的那个 ACK 相同。如果它当初直接进入 CLOSED，这个 FIN 就找不到连接，只会换来一个 RST。`,
          ),
          answerStory(run.trace, t),
        ),
      cite: ["RFC 9293 §3.6", "RFC 9293 §3.10.7.4"],
    },
    {
      id: "time-wait-restarts",
      topic: "time-wait",
      kind: "time",
      difficulty: 5,
      concepts: ["time-wait", "2msl", "lost-ack"],
      misconceptions: ["time-wait-is-one-msl", "msl-is-two-minutes"],
      ask: (p, run) => {
        const again = arrives(run.trace, finAgain(run, peerOf(p.x)));
        return again === undefined ? undefined : { ask: "time", side: p.x, state: "CLOSED", at: { segment: again } };
      },
      choices: (p, run) => {
        const first = run.trace.segments[finOf(run, peerOf(p.x)) ?? -1];
        const again = run.trace.segments[finAgain(run, peerOf(p.x)) ?? -1];
        return first && again ? [secs(60 - (again.t - first.t))] : [];
      },
      explain: (p, run, t) => {
        const first = run.trace.segments[finOf(run, peerOf(p.x)) ?? -1];
        const again = run.trace.segments[finAgain(run, peerOf(p.x)) ?? -1];
        const left = first && again ? secs(60 - (again.t - first.t)) : "";
        return L(
          `${secondsOf(t)} s. The ${en(p.x)} answers the retransmitted FIN with a new ACK and starts its TIME_WAIT over: a full 60 s from now, not the ${left} s that were left. A FIN that arrives in TIME_WAIT restarts the 2MSL timer, so the ${en(p.x)} stays around for as long as its last ACK might still be needed.`,
          `${secondsOf(t)} 秒。${zh(p.x)}用一个新的 ACK 回应重传的 FIN，并让 TIME_WAIT 重新开始：从现在起整整 60 秒，而不是原本剩下的 ${left} 秒。在 TIME_WAIT 中收到 FIN 会重启 2MSL 定时器，所以只要最后的 ACK 还可能被需要，${zh(p.x)}就一直留着。`,
        );
      },
      cite: ["RFC 9293 §3.10.7.4", "Linux TCP_TIMEWAIT_LEN (include/net/tcp.h)"],
    },
  ],
});

/** How the restarted server tries to get its port back. */
type Attempt = "at-once" | "reuse-new-only" | "after-2msl" | "both-reuse";

interface Restart {
  readonly c: number;
  readonly s: number;
  /** Bytes of the request the server answers before closing. */
  readonly a: number;
  readonly attempt: Attempt;
}

const ATTEMPT_PROMPTS: Readonly<Record<Attempt, Localized>> = {
  "at-once": L(
    "The server's program restarts at once: a new socket, without SO_REUSEADDR, listens on the same port. Which error, if any, does it get?",
    "服务程序立即重启：一个没有设置 SO_REUSEADDR 的新套接字在同一个端口上监听。它会得到什么错误（没有则选“没有错误”）？",
  ),
  "reuse-new-only": L(
    "The restarted server sets SO_REUSEADDR on its new socket before bind(); its old listener never set it. Which error, if any, does bind() report?",
    "重启后的服务器在新套接字的 bind() 之前设置了 SO_REUSEADDR；它原来的监听套接字从未设置过。bind() 会报告什么错误（没有则选“没有错误”）？",
  ),
  "after-2msl": L(
    "The server waits 60 s, then listens again on a new socket without SO_REUSEADDR. Which error, if any, does it get?",
    "服务器等了 60 秒，然后在一个没有设置 SO_REUSEADDR 的新套接字上重新监听。它会得到什么错误（没有则选“没有错误”）？",
  ),
  "both-reuse": L(
    "The old listener set SO_REUSEADDR before its bind(), and the restarted server sets it on its new socket too. Which error, if any, does the new bind() report?",
    "原来的监听套接字在 bind() 之前设置了 SO_REUSEADDR，重启后的服务器也在新套接字上设置了它。新的 bind() 会报告什么错误（没有则选“没有错误”）？",
  ),
};

const ATTEMPT_WHY: Readonly<Record<Attempt, Localized>> = {
  "at-once": L(
    "The server closed first, so its old connection is in TIME_WAIT, and that connection still holds the port: binding a new listener to it conflicts. The port is held on purpose, so that an old segment still in the network cannot be taken for part of a new connection on the same addresses and ports.",
    "服务器先关闭，所以它的旧连接处于 TIME_WAIT，而这条连接仍然占着端口：新的监听套接字绑定这个端口就会冲突。端口被占住是有意为之：这样网络中残留的旧报文就不会被误当成同一组地址和端口上新连接的数据。",
  ),
  "reuse-new-only": L(
    "Linux lets a new socket share its port with a connection in TIME_WAIT only when both sockets set SO_REUSEADDR: the new one, and the one the old connection came from. The old listener never set it, so setting it now is too late.",
    "只有当两个套接字都设置了 SO_REUSEADDR，也就是新套接字和旧连接所属的那个套接字，Linux 才允许新套接字与 TIME_WAIT 中的连接共用端口。原来的监听套接字从未设置，现在才设置已经来不及了。",
  ),
  "after-2msl": L(
    "At t = 60 s the old connection left TIME_WAIT for CLOSED and released the port, so even without SO_REUSEADDR the port is free again. Waiting out TIME_WAIT always works; it is just a minute of downtime.",
    "在 t = 60 秒，旧连接离开 TIME_WAIT 进入 CLOSED，释放了端口，所以即使不设置 SO_REUSEADDR 端口也空出来了。等 TIME_WAIT 结束总是可行的，只是要停机一分钟。",
  ),
  "both-reuse": L(
    "Both sockets set SO_REUSEADDR, so Linux lets the new listener share the port with the old connection in TIME_WAIT. That is why servers set it before their very first bind().",
    "两个套接字都设置了 SO_REUSEADDR，所以 Linux 允许新的监听套接字与 TIME_WAIT 中的旧连接共用端口。这正是服务器在第一次 bind() 之前就设置它的原因。",
  ),
};

const ATTEMPTS: readonly Attempt[] = ["at-once", "reuse-new-only", "after-2msl", "both-reuse"];
const ATTEMPT_DIFFICULTY = { "at-once": 3, "reuse-new-only": 4, "after-2msl": 3, "both-reuse": 5 } as const;

export const restart: Template = template<Restart>({
  id: "restart",
  draw: (d, { question }) => ({
    c: drawIsn(d, false, 0),
    s: drawIsn(d, false, 0),
    a: someBytes(d),
    attempt: ATTEMPTS.find((a) => question === `restart-${a}`) ?? "at-once",
  }),
  script: (p) => {
    const reuse = p.attempt === "reuse-new-only" || p.attempt === "both-reuse";
    return script(p.c, p.s, undefined, [
      p.attempt === "both-reuse" && { bind: { side: "server", reuseaddr: true } },
      { listen: "server" },
      { connect: "client" },
      p.a > 0 && { send: { side: "client", bytes: p.a } },
      { close: "server" },
      ["close-client", { close: "client" }],
      p.attempt === "after-2msl" && { wait: 60 },
      ["retry", reuse ? { bind: { side: "server", reuseaddr: true } } : { listen: "server" }],
      reuse && { listen: "server" },
      { wait: 1 },
    ]);
  },
  title: () => L("Address already in use?", "地址已被占用？"),
  intro: (p) =>
    sentences(
      L(`A connection (${isnText(p).en}).`, `一条连接（${isnText(p)["zh-CN"]}）。`),
      p.a > 0 ? L(`The client sends a ${p.a}-byte request.`, `客户端发送一个 ${p.a} 字节的请求。`) : undefined,
      L(
        "The server closes the connection first, the client right after. Then the server's program restarts and wants its port back.",
        "服务器先关闭连接，客户端紧随其后。然后服务程序重启，想拿回它的端口。",
      ),
    ),
  questions: ATTEMPTS.map(
    (attempt): QuestionDef<Restart> => ({
      id: `restart-${attempt}`,
      topic: "time-wait",
      kind: "errno",
      difficulty: ATTEMPT_DIFFICULTY[attempt],
      concepts: ["time-wait", "eaddrinuse", "so-reuseaddr"],
      misconceptions: ["time-wait-blocks-nothing", "failure-is-silent"],
      // After both have closed: the server is in TIME_WAIT; the prompt says how it tries again.
      ask: (_p, run) => ({ ask: "errno", side: "server", at: { afterStep: run.step("close-client") } }),
      choices: () => ["EADDRINUSE", "EADDRNOTAVAIL", "EINVAL"],
      prompt: () => ATTEMPT_PROMPTS[attempt],
      explain: (_p, _run, t) => {
        const errno = errnoOf(t);
        return sentences(
          errno === "none" ? L("No error: the call succeeds.", "没有错误：调用成功。") : L(`${errno}.`, `${errno}。`),
          ATTEMPT_WHY[attempt],
        );
      },
      cite: ["Linux socket(7) SO_REUSEADDR", "RFC 9293 §3.6", "RFC 1122 §4.2.2.13"],
    }),
  ),
});
