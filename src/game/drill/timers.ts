import { errnoOf, secondsOf } from "./explain";
import { isnText } from "./common";
import { drawIsn } from "./random";
import { script, segmentOf, type Template, template } from "./template";
import { L, label, list, secs, sentences } from "./text";

/** Templates of Linux's timers: connect() giving up on silence, and keepalive finding a dead peer. */

interface SynTimeout {
  readonly c: number;
  readonly s: number;
  /** tcp_syn_retries, and tcp_syn_linear_timeouts (0: classic doubling). */
  readonly retries: number;
  readonly linear: number;
}

export const synTimeout: Template = template<SynTimeout>({
  id: "syn-timeout",
  draw: (d, { question }) => ({
    c: drawIsn(d, false, 0),
    s: drawIsn(d, false, 0),
    retries: d.int(2, 6),
    linear: question === "connect-linear" ? d.int(1, 4) : 0,
  }),
  script: (p) =>
    script(p.c, p.s, { synRetries: p.retries, synLinearTimeouts: p.linear }, [
      ["listen", { listen: "server" }],
      { lose: { from: "client", flags: "S", count: p.retries + p.linear + 1 } },
      { connect: "client" },
      { wait: 300 },
    ]),
  title: () => L("Nobody answers", "没有人回应"),
  intro: (p) =>
    sentences(
      L(
        `A firewall silently drops every SYN the client sends (${isnText(p).en}). The client's kernel has tcp_syn_retries = ${p.retries} (${p.retries === 6 ? "Linux's default" : "Linux's default is 6"})`,
        `防火墙悄悄丢掉了客户端发出的每一个 SYN（${isnText(p)["zh-CN"]}）。客户端内核的 tcp_syn_retries = ${p.retries}（${p.retries === 6 ? "Linux 的默认值" : "Linux 默认为 6"}）`,
      ),
      p.linear > 0
        ? L(
            `and tcp_syn_linear_timeouts = ${p.linear}, as newer kernels have.`,
            `，tcp_syn_linear_timeouts = ${p.linear}，和较新的内核一样。`,
          )
        : L("and classic exponential backoff.", "，采用经典的指数退避。"),
    ),
  questions: [
    {
      id: "connect-errno",
      topic: "timers",
      kind: "errno",
      difficulty: 1,
      concepts: ["etimedout", "tcp-syn-retries"],
      misconceptions: ["silence-is-refusal", "failure-is-silent"],
      ask: (_p, run) => ({ ask: "errno", side: "client", at: { afterStep: run.step("listen") } }),
      choices: () => ["ECONNRESET"],
      explain: (_p, run, t) => {
        const closed = run.trace.events.find((e) => e.type === "state" && e.side === "client" && e.to === "CLOSED");
        return L(
          `${errnoOf(t)}. Nothing ever answers: no SYN+ACK, and no reset either. Silence can only end in a timeout: after its last retransmission the client gives up, at t = ${secs(closed?.t ?? 0)} s, and connect() reports ETIMEDOUT. Only a reset would make it ECONNREFUSED.`,
          `${errnoOf(t)}。始终没有任何回应：没有 SYN+ACK，也没有 RST。沉默只能以超时告终：最后一次重传之后，客户端在 t = ${secs(closed?.t ?? 0)} 秒放弃，connect() 报告 ETIMEDOUT。只有收到 RST 才会是 ECONNREFUSED。`,
        );
      },
      cite: ["connect(2)", "Linux ip-sysctl: tcp_syn_retries"],
    },
    {
      id: "connect-timeout",
      topic: "timers",
      kind: "time",
      difficulty: 3,
      concepts: ["tcp-syn-retries", "backoff", "etimedout"],
      misconceptions: ["syn-retries-not-doubled", "gives-up-at-last-retry"],
      ask: (_p, run) => ({ ask: "time", side: "client", state: "CLOSED", at: { afterStep: run.step("listen") } }),
      choices: (p) => [String(p.retries + 1), String(2 ** p.retries - 1), String(2 ** (p.retries + 1))],
      hint: () => L("The wait doubles after each SYN, and connect() waits once more after the last.", "每发一次 SYN 等待时间翻倍，最后一个 SYN 之后 connect() 还要再等一次。"),
      explain: (p, run, t) => {
        const syns = run.trace.segments.filter((s) => s.from === "client" && s.flags === "S");
        const last = syns[syns.length - 1];
        const total = Number(secondsOf(t));
        const times = list(syns.map((s) => secs(s.t)));
        const wait = secs(total - (last?.t ?? 0));
        return L(
          `${secondsOf(t)} s. With tcp_syn_retries = ${p.retries} the SYN goes out ${syns.length} times, at t = ${times.en} s: each wait twice the one before, starting from the initial RTO of 1 s. After the last one the client waits once more, ${wait} s, and only then does connect() fail.`,
          `${secondsOf(t)} 秒。tcp_syn_retries = ${p.retries} 时 SYN 一共发出 ${syns.length} 次，时间是 t = ${times["zh-CN"]} 秒：从初始 RTO 1 秒开始，每次等待都是上一次的两倍。最后一个 SYN 之后客户端还要再等 ${wait} 秒，connect() 这时才失败。`,
        );
      },
      cite: ["Linux ip-sysctl: tcp_syn_retries", "RFC 6298 §5.5"],
    },
    {
      id: "connect-linear",
      topic: "timers",
      kind: "time",
      difficulty: 5,
      concepts: ["tcp-syn-retries", "tcp-syn-linear-timeouts", "backoff"],
      ask: (_p, run) => ({ ask: "time", side: "client", state: "CLOSED", at: { afterStep: run.step("listen") } }),
      // Wrong ideas: the linear retries are not there, or also double, or nothing doubles, or connect() gives up at the last SYN.
      choices: (p) => [
        String(2 ** (p.retries + 1) - 1),
        String(2 ** (p.retries + p.linear + 1) - 1),
        String(p.retries + p.linear + 1),
        String(2 ** p.retries - 1 + p.linear),
      ],
      explain: (p, run, t) => {
        const syns = run.trace.segments.filter((s) => s.from === "client" && s.flags === "S");
        const total = Number(secondsOf(t));
        const times = list(syns.map((s) => secs(s.t)));
        const gaps = [...syns.slice(1).map((s, i) => s.t - (syns[i]?.t ?? 0)), total - (syns[syns.length - 1]?.t ?? 0)].map(secs);
        return L(
          `${secondsOf(t)} s. tcp_syn_linear_timeouts = ${p.linear} keeps the first retransmissions at the initial RTO before the exponential backoff starts, and they come on top of tcp_syn_retries = ${p.retries}: ${syns.length} SYNs in all, at t = ${times.en} s. The waits are ${list(gaps).en} s, the last one after the final SYN, before connect() fails.`,
          `${secondsOf(t)} 秒。tcp_syn_linear_timeouts = ${p.linear} 让最初几次重传保持初始 RTO 的间隔，之后才开始指数退避，而且这些线性重传是在 tcp_syn_retries = ${p.retries} 之外额外加的：一共 ${syns.length} 个 SYN，时间是 t = ${times["zh-CN"]} 秒。各次等待依次为 ${list(gaps)["zh-CN"]} 秒，最后一次是最后一个 SYN 之后、connect() 失败之前的等待。`,
        );
      },
      cite: ["Linux ip-sysctl: tcp_syn_linear_timeouts", "Linux ip-sysctl: tcp_syn_retries"],
    },
  ],
});

interface Keepalive {
  readonly c: number;
  readonly s: number;
  readonly idle: number;
  readonly interval: number;
  readonly probes: number;
}

export const keepalive: Template = template<Keepalive>({
  id: "keepalive",
  draw: (d) => ({
    c: drawIsn(d, false, 0),
    s: drawIsn(d, false, 0),
    idle: d.pick([30, 60, 120, 300, 600]),
    interval: d.pick([5, 10, 15, 30, 75]),
    probes: d.int(2, 9),
  }),
  script: (p) =>
    script(p.c, p.s, { keepalive: { idle: p.idle, interval: p.interval, probes: p.probes } }, [
      { listen: "server" },
      ["connect", { connect: "client" }],
      ["lose", { lose: { from: "server", flags: "A", count: 1000 } }],
      ["idle", { wait: p.idle + p.interval * p.probes + 10 }],
      ["read-client", { read: "client" }],
      { read: "server" },
    ]),
  title: () => L("Is anybody there?", "对面还在吗？"),
  intro: (p) =>
    L(
      `Both sockets set SO_KEEPALIVE, with tcp_keepalive_time = ${p.idle} s, tcp_keepalive_intvl = ${p.interval} s and tcp_keepalive_probes = ${p.probes} (Linux's defaults are 7200 s, 75 s and 9). Right after the handshake (${isnText(p).en}) the path back from the server breaks: every segment the server sends from then on is lost. The connection sits idle.`,
      `两端的套接字都设置了 SO_KEEPALIVE：tcp_keepalive_time = ${p.idle} 秒，tcp_keepalive_intvl = ${p.interval} 秒，tcp_keepalive_probes = ${p.probes}（Linux 默认为 7200 秒、75 秒和 9）。握手（${isnText(p)["zh-CN"]}）刚完成，从服务器回来的路径就断了：此后服务器发出的每个报文段都会丢失。连接一直空闲着。`,
    ),
  questions: [
    {
      id: "keepalive-probe",
      topic: "timers",
      kind: "segment",
      difficulty: 5,
      concepts: ["keepalive", "tcp-keepalive-time"],
      misconceptions: ["seq-from-peer-ack"],
      ask: (_p, run) => ({ ask: "segment", side: "client", at: { afterStep: run.step("lose") } }),
      choices: (p) => [`A ${p.c + 1}/${p.s + 1}`, `A ${p.c}/${p.s + 1} len 1`],
      explain: (p, _run, t) => {
        const s = segmentOf(t);
        if (!s) return L("", "");
        return L(
          `${label(s)}, at t = ${secs(s.t)} s, after ${p.idle} s of silence. A Linux keepalive probe is an ACK whose seq is one less than the next number to send, ${p.c + 1} − 1 = ${s.seq}: a number the server has already received. It carries no data, and a segment below the expected numbers obliges the peer to answer with an ACK, which proves it is alive.`,
          `${label(s)}，在 t = ${secs(s.t)} 秒，也就是静默 ${p.idle} 秒之后。Linux 的保活探测是一个 ACK，seq 比下一个要发送的序号小一：${p.c + 1} − 1 = ${s.seq}，是服务器早已收到过的号。它不带数据；而收到低于期望序号的报文段，对方必须回一个 ACK，这就证明它还活着。`,
        );
      },
      cite: ["RFC 1122 §4.2.3.6", "Linux ip-sysctl: tcp_keepalive_time", "RFC 9293 §3.10.7.4"],
    },
    {
      id: "keepalive-timeout",
      topic: "timers",
      kind: "time",
      difficulty: 4,
      concepts: ["keepalive", "tcp-keepalive-time", "tcp-keepalive-intvl", "tcp-keepalive-probes"],
      ask: (_p, run) => ({ ask: "time", side: "client", state: "CLOSED", at: { afterStep: run.step("connect") } }),
      choices: (p) => [
        String(p.idle + (p.probes - 1) * p.interval),
        String(p.idle + (p.probes + 1) * p.interval),
        String(p.probes * p.interval),
      ],
      explain: (p, run, t) => {
        const probes = run.trace.segments.filter((s) => s.from === "client" && s.cause === "keepalive" && !s.flags.includes("R"));
        const times = list(probes.map((s) => secs(s.t)));
        return L(
          `${secondsOf(t)} s. After ${p.idle} s of silence (tcp_keepalive_time) the client sends a probe, then another every ${p.interval} s (tcp_keepalive_intvl): at t = ${times.en} s. Every answer is lost, and when ${p.probes} probes have gone unanswered (tcp_keepalive_probes), the end of the next interval ends the connection: ${p.idle} + ${p.probes} × ${p.interval} = ${secondsOf(t)} s.`,
          `${secondsOf(t)} 秒。静默 ${p.idle} 秒后（tcp_keepalive_time），客户端发出第一个探测，之后每隔 ${p.interval} 秒再发一个（tcp_keepalive_intvl）：时间是 t = ${times["zh-CN"]} 秒。所有回应都丢了；${p.probes} 个探测都没有回音（tcp_keepalive_probes）之后，下一个间隔结束时连接就被终止：${p.idle} + ${p.probes} × ${p.interval} = ${secondsOf(t)} 秒。`,
        );
      },
      cite: ["Linux ip-sysctl: tcp_keepalive_time", "Linux ip-sysctl: tcp_keepalive_intvl", "Linux ip-sysctl: tcp_keepalive_probes"],
    },
    {
      id: "keepalive-errno",
      topic: "timers",
      kind: "errno",
      difficulty: 3,
      concepts: ["keepalive", "etimedout"],
      misconceptions: ["silence-is-refusal", "failure-is-silent"],
      ask: (_p, run) => ({ ask: "errno", side: "client", at: { afterStep: run.step("idle") } }),
      prompt: () => L("The client's program calls read(). What does it get?", "客户端程序调用 read()。它得到什么？"),
      choices: () => ["ECONNRESET"],
      explain: (_p, _run, t) =>
        L(
          `${errnoOf(t)}. The client never received a reset: it concluded from silence that the server is gone, so the error it records is a timeout. For a program blocked in read() on an idle connection, keepalive is what turns "wait forever" into this error.`,
          `${errnoOf(t)}。客户端从没收到过 RST，它是从沉默中断定服务器已经不在了，所以记下的错误是超时。对于阻塞在空闲连接 read() 上的程序，正是保活机制把“永远等下去”变成了这个错误。`,
        ),
      cite: ["Linux ip-sysctl: tcp_keepalive_probes", "RFC 1122 §4.2.3.6"],
    },
    {
      id: "keepalive-peer-errno",
      topic: "timers",
      kind: "errno",
      difficulty: 4,
      concepts: ["keepalive", "rst", "econnreset"],
      misconceptions: ["reset-means-refused", "failure-is-silent"],
      ask: (_p, run) => ({ ask: "errno", side: "server", at: { afterStep: run.step("read-client") } }),
      prompt: () => L("The server's program calls read(). What does it get?", "服务器程序调用 read()。它得到什么？"),
      choices: () => ["ETIMEDOUT"],
      explain: (_p, run, t) => {
        const rst = run.trace.segments.find((s) => s.from === "client" && s.flags.includes("R"));
        return L(
          `${errnoOf(t)}. Only the server's segments were being lost; the client's still got through. When the client gave up, it sent a reset${rst ? ` (seq ${rst.seq}, exactly the number the server expected)` : ""}, so the server's connection was reset, not timed out. The two ends report different errors because each learned of the end its own way: one through silence, the other through a reset.`,
          `${errnoOf(t)}。丢的只是服务器的报文段，客户端的报文段仍然能送到。客户端放弃时发出了一个 RST${rst ? `（seq ${rst.seq}，恰好是服务器期望的序号）` : ""}，所以服务器的连接是被重置的，而不是超时。同一条连接的两端报告了不同的错误，因为双方得知连接结束的方式不同：一方靠沉默，另一方靠 RST。`,
        );
      },
      cite: ["RFC 9293 §3.10.7.4", "Linux tcp_reset"],
    },
  ],
});
