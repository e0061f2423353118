import { peerOf, type Side } from "../../engine";
import { dataText, finOf, isnText, MSS, openAndExchange, someBytes } from "./common";
import { answerStory, errnoOf, secondsOf, stateOf, whoOf } from "./explain";
import { drawIsn, SEQ_SPACE } from "./random";
import { script, segmentOf, segmentText, type Template, template } from "./template";
import { addition, en, L, label, sentences, zh } from "./text";

/** Templates of resets: a closed port, close() with unread data, SO_LINGER {1, 0}, data for an orphan. */

interface ClosedPort {
  readonly c: number;
  readonly s: number;
}

export const closedPort: Template = template<ClosedPort>({
  id: "closed-port",
  draw: (d, { wrap }) => ({ c: drawIsn(d, wrap, 1), s: drawIsn(d, false, 0) }),
  script: (p) => script(p.c, p.s, undefined, [{ connect: "client" }, { wait: 1 }]),
  title: () => L("Knocking on a closed port", "敲一扇没人开的门"),
  intro: (p) =>
    L(
      `The server host is up, but no program listens on the port the client wants. The client (ISN ${p.c}) calls connect() anyway.`,
      `服务器主机开着，但客户端要连的端口上没有程序在监听。客户端（ISN ${p.c}）照样调用了 connect()。`,
    ),
  questions: [
    {
      id: "reset-for-syn",
      topic: "reset",
      kind: "segment",
      difficulty: 2,
      wrap: true,
      concepts: ["rst", "closed-port"],
      misconceptions: ["syn-takes-no-number", "ack-one-past", "seq-ack-swapped"],
      ask: () => ({ ask: "segment", side: "server", at: { segment: 0 } }),
      choices: (p) => [`SA ${p.s}/${(p.c + 1) % SEQ_SPACE}`],
      hint: () => L("The SYN carried no ACK. What can the reset use as its seq?", "SYN 不带 ACK。那 RST 的 seq 能取什么？"),
      explain: (p, _run, t) => {
        const s = segmentOf(t);
        if (!s) return L("", "");
        return L(
          `${label(s)}. No socket listens on the port, so there is no connection to answer for and no SYN+ACK: the host itself answers with a reset. The SYN carried no ACK, so the reset has no number of the client's to take as its seq and uses 0; instead it acknowledges the SYN, with ack = SEG.SEQ + SEG.LEN, where the SYN counts as one: ${addition(p.c, 1).en}.`,
          `${label(s)}。端口上没有套接字在监听，也就没有连接可言，不会有 SYN+ACK：由主机自己用 RST 回应。SYN 不带 ACK，RST 没有可以拿来当 seq 的号，于是 seq 取 0；它转而确认这个 SYN，ack = SEG.SEQ + SEG.LEN，SYN 算一个：${addition(p.c, 1)["zh-CN"]}。`,
        );
      },
      cite: ["RFC 9293 §3.10.7.1", "RFC 9293 §3.5.2"],
    },
    {
      id: "refused",
      topic: "reset",
      kind: "errno",
      difficulty: 1,
      concepts: ["rst", "closed-port", "econnrefused"],
      misconceptions: ["reset-means-refused", "closed-port-is-silent", "failure-is-silent"],
      ask: () => ({ ask: "errno", side: "client", at: { segment: 0 } }),
      explain: (_p, _run, t) =>
        L(
          `${errnoOf(t)}, "connection refused". A reset that acknowledges our SYN while we are in SYN_SENT means the host is there but takes no connection on that port. ECONNRESET is different: it is for a connection that had been established.`,
          `${errnoOf(t)}，“连接被拒绝”。在 SYN_SENT 状态收到确认了我方 SYN 的 RST，说明主机在，但那个端口不接受连接。ECONNRESET 则不同：它用于一条已经建立的连接。`,
        ),
      cite: ["RFC 9293 §3.10.7.3", "connect(2)"],
    },
    {
      id: "refused-state",
      topic: "reset",
      kind: "state",
      difficulty: 1,
      concepts: ["rst", "closed-port"],
      misconceptions: ["rst-enters-time-wait"],
      ask: () => ({ ask: "state", side: "client", at: { segment: 1 } }),
      choices: () => ["LISTEN", "SYN_RECEIVED", "ESTABLISHED"],
      explain: (p, _run, t) =>
        L(
          `${stateOf(t)}. The reset acknowledges the client's SYN (ack = ISN + 1 = ${(p.c + 1) % SEQ_SPACE}), so it is accepted, and the attempt is over. Nothing was ever synchronized, so there is no TIME_WAIT; to try again the application must call connect() again.`,
          `${stateOf(t)}。这个 RST 确认了客户端的 SYN（ack = ISN + 1 = ${(p.c + 1) % SEQ_SPACE}），所以被接受，这次连接尝试就此结束。双方从未同步过，因此没有 TIME_WAIT；想再试，应用只能重新调用 connect()。`,
        ),
      cite: ["RFC 9293 §3.10.7.3"],
    },
    {
      id: "refused-time",
      topic: "reset",
      kind: "time",
      difficulty: 2,
      concepts: ["closed-port", "econnrefused"],
      ask: () => ({ ask: "time", side: "client", state: "CLOSED", at: { segment: 0 } }),
      choices: () => ["1", "63", "127"],
      explain: (_p, _run, t) =>
        L(
          `${secondsOf(t)} s: as soon as the reset arrives, one round trip after the SYN (this network has no delay). The client does not retry: retrying is for silence, when a SYN or its answer may have been lost. A reset is an answer, and a final one.`,
          `${secondsOf(t)} 秒：RST 一到就结束，也就是 SYN 发出后一个往返的时间（这个网络没有延迟）。客户端不会重试：重试是用来应对沉默的，即 SYN 或它的回应可能丢了。RST 是一个回答，而且是最终的回答。`,
        ),
      cite: ["RFC 9293 §3.10.7.3", "Linux ip-sysctl: tcp_syn_retries"],
    },
  ],
});

interface Unread {
  readonly c: number;
  readonly s: number;
  /** The side that closes with data it never read; the other side sent `a` bytes, and later tries `m` more. */
  readonly x: Side;
  readonly a: number;
  readonly m: number;
}

export const unreadClose: Template = template<Unread>({
  id: "unread-close",
  draw: (d, { wrap }) => {
    const x: Side = d.chance(50) ? "server" : "client";
    const a = d.int(1, MSS);
    const reachX = 1;
    const reachY = a + 1;
    return {
      c: drawIsn(d, wrap, x === "client" ? reachX : reachY),
      s: drawIsn(d, wrap, x === "server" ? reachX : reachY),
      x,
      a,
      m: d.int(1, 100),
    };
  },
  script: (p) => {
    const y = peerOf(p.x);
    return script(p.c, p.s, { autoRead: false }, [
      { listen: "server" },
      { connect: "client" },
      ["send", { send: { side: y, bytes: p.a } }],
      ["close", { close: p.x }],
      ["read", { read: y }],
      { send: { side: y, bytes: p.m } },
      { wait: 1 },
    ]);
  },
  title: () => L("Closing on unread data", "有数据没读就关闭"),
  intro: (p) => {
    const y = peerOf(p.x);
    return L(
      `A connection (${isnText(p).en}). The ${en(y)} sends ${p.a} bytes; the ${en(p.x)}'s kernel receives and acknowledges them, but its program never calls read(): it calls close() instead. The applications here read only when a step says so.`,
      `一条连接（${isnText(p)["zh-CN"]}）。${zh(y)}发送 ${p.a} 字节；${zh(p.x)}的内核收到并确认了它们，可它的程序从没调用 read()，而是直接调用了 close()。这里的应用只在步骤要求时才读取数据。`,
    );
  },
  questions: [
    {
      id: "reset-not-fin",
      topic: "reset",
      kind: "segment",
      difficulty: 2,
      wrap: true,
      concepts: ["rst", "unread-data"],
      misconceptions: ["ack-is-seq", "ack-counts-segments"],
      ask: (p, run) => ({ ask: "segment", side: p.x, at: { afterStep: run.step("send") } }),
      choices: (_p, _run, t) => {
        const s = segmentOf(t);
        return s ? [segmentText({ ...s, flags: "FA" })] : [];
      },
      hint: () => L("Can a FIN say that data was thrown away?", "FIN 能表达“数据被扔掉了”吗？"),
      explain: (p, run, t) =>
        sentences(
          L(
            `close() finds ${p.a} bytes the application never read. Linux throws them away and resets the connection instead of closing it gracefully, as RFC 1122 recommends: a reset tells the ${en(peerOf(p.x))} that data was lost, which a FIN cannot say. The numbers are those a FIN would have had.`,
            `close() 发现还有 ${p.a} 字节应用从没读过。Linux 丢掉它们，用 RST 重置连接，而不是优雅关闭，这正是 RFC 1122 的建议：RST 告诉${zh(peerOf(p.x))}有数据丢了，FIN 表达不了这个意思。编号和 FIN 本该用的一样。`,
          ),
          answerStory(run.trace, t),
        ),
      cite: ["RFC 1122 §4.2.2.13", "RFC 2525 §2.17", "Linux tcp_close"],
    },
    {
      id: "reset-closer-state",
      topic: "reset",
      kind: "state",
      difficulty: 2,
      concepts: ["rst", "unread-data"],
      misconceptions: ["rst-enters-time-wait"],
      ask: (p, run) => ({ ask: "state", side: p.x, at: { afterStep: run.step("send") } }),
      choices: () => ["FIN_WAIT_1"],
      explain: (_p, _run, t) =>
        L(
          `${stateOf(t)}, at once. The side that sends a reset is done with the connection: there is no FIN to be acknowledged, so no FIN_WAIT_1, and no TIME_WAIT either.`,
          `${stateOf(t)}，立即进入。发出 RST 的一方就此与连接一刀两断：没有等待确认的 FIN，所以没有 FIN_WAIT_1，也没有 TIME_WAIT。`,
        ),
      cite: ["RFC 9293 §3.10.4", "Linux tcp_close"],
    },
    {
      id: "reset-peer-state",
      topic: "reset",
      kind: "state",
      difficulty: 2,
      concepts: ["rst", "unread-data"],
      misconceptions: ["rst-enters-time-wait"],
      ask: (p, run) => ({ ask: "state", side: peerOf(p.x), at: { afterStep: run.step("send") } }),
      choices: () => ["CLOSE_WAIT"],
      explain: (p, run, t) => {
        const y = peerOf(p.x);
        const rst = run.trace.segments.find((s) => s.from === p.x && s.flags.includes("R"));
        return L(
          `${stateOf(t)}. A FIN would have put the ${en(y)} in CLOSE_WAIT, free to keep sending. The reset is accepted because its seq, ${rst?.seq}, is exactly what the ${en(y)} expects next, and it ends the connection on the spot: nobody passes through TIME_WAIT.`,
          `${stateOf(t)}。如果是 FIN，${zh(y)}会进入 CLOSE_WAIT，还可以继续发送。RST 的 seq ${rst?.seq} 恰好是${zh(y)}期望的下一个序号，于是被接受，并当场结束连接：谁都不经过 TIME_WAIT。`,
        );
      },
      cite: ["RFC 9293 §3.10.7.4", "RFC 5961 §3.2"],
    },
    {
      id: "nobody-waits",
      topic: "reset",
      kind: "who",
      difficulty: 2,
      concepts: ["rst", "time-wait"],
      misconceptions: ["rst-enters-time-wait"],
      ask: (_p, run) => ({ ask: "who", state: "TIME_WAIT", at: { afterStep: run.step("send") } }),
      choices: (p) => [p.x, peerOf(p.x)],
      explain: (_p, _run, t) =>
        sentences(
          whoOf(t),
          L(
            "TIME_WAIT belongs to the side that closed first with a FIN, once both FINs have been exchanged. Here no FIN is ever sent, only a reset, and a reset ends the connection for both sides at once.",
            "TIME_WAIT 属于先用 FIN 关闭的一方，而且要等双方的 FIN 都交换完才会进入。这里一个 FIN 都没发过，只有一个 RST，而 RST 会让双方的连接同时立即结束。",
          ),
        ),
      cite: ["RFC 9293 §3.10.7.4", "RFC 9293 §3.6"],
    },
    {
      id: "reset-errno",
      topic: "reset",
      kind: "errno",
      difficulty: 3,
      concepts: ["rst", "econnreset"],
      misconceptions: ["reset-means-refused", "failure-is-silent"],
      ask: (p, run) => ({ ask: "errno", side: peerOf(p.x), at: { afterStep: run.step("close") } }),
      choices: () => ["EPIPE"],
      explain: (p, _run, t) =>
        L(
          `${errnoOf(t)}, "connection reset by peer". When the reset arrived, the kernel recorded the error on the ${en(peerOf(p.x))}'s socket, and the next call that looks at the socket, read() here, reports it. ECONNREFUSED is only for a connect() answered with a reset.`,
          `${errnoOf(t)}，“连接被对方重置”。RST 到达时，内核把这个错误记在${zh(peerOf(p.x))}的套接字上，下一个访问这个套接字的调用（这里是 read()）就会报告它。ECONNREFUSED 只用于被 RST 回应的 connect()。`,
        ),
      cite: ["RFC 9293 §3.10.7.4", "Linux tcp_reset"],
    },
    {
      id: "epipe-after-reset",
      topic: "reset",
      kind: "errno",
      difficulty: 4,
      concepts: ["rst", "epipe"],
      misconceptions: ["epipe-is-reset", "failure-is-silent"],
      ask: (p, run) => ({ ask: "errno", side: peerOf(p.x), at: { afterStep: run.step("read") } }),
      prompt: (p) =>
        L(
          `Having got that error from read(), the ${en(peerOf(p.x))} tries to send ${p.m} more bytes. What does send() report?`,
          `read() 报告了那个错误之后，${zh(peerOf(p.x))}又试着发送 ${p.m} 字节。send() 会报告什么？`,
        ),
      explain: (_p, _run, t) =>
        L(
          `${errnoOf(t)}. The pending ECONNRESET was reported once, by read(), and then cleared. Writing to a connection that no longer exists fails with EPIPE, "broken pipe"; unless the program ignores SIGPIPE or passes MSG_NOSIGNAL, the kernel also sends it SIGPIPE, which by default kills it.`,
          `${errnoOf(t)}。挂起的 ECONNRESET 已经由 read() 报告过一次，随即被清除。向已经不存在的连接写入会以 EPIPE（“管道破裂”）失败；除非程序忽略 SIGPIPE 或使用 MSG_NOSIGNAL，内核还会给它发 SIGPIPE 信号，默认会杀死进程。`,
        ),
      cite: ["send(2)", "Linux tcp_reset"],
    },
  ],
});

interface Abort {
  readonly c: number;
  readonly s: number;
  /** The side that aborts with SO_LINGER {1, 0}. */
  readonly x: Side;
  readonly a: number;
  readonly b: number;
}

export const abort: Template = template<Abort>({
  id: "abort",
  draw: (d, { wrap }) => {
    const a = someBytes(d);
    const b = someBytes(d);
    return { c: drawIsn(d, wrap, a + 1), s: drawIsn(d, wrap, b + 1), a, b, x: d.chance(50) ? "client" : "server" };
  },
  script: (p) =>
    script(p.c, p.s, undefined, [
      ...openAndExchange(p),
      ["abort", { abort: p.x }],
      { send: { side: peerOf(p.x), bytes: 10 } },
      { wait: 1 },
    ]),
  title: () => L("SO_LINGER {1, 0}: the abortive close", "SO_LINGER {1, 0}：强行中止"),
  intro: (p) =>
    sentences(
      L(`A connection (${isnText(p).en}).`, `一条连接（${isnText(p)["zh-CN"]}）。`),
      dataText(p.a, p.b),
      L(
        `Then the ${en(p.x)} sets SO_LINGER to {on, 0 seconds} and calls close(); the ${en(peerOf(p.x))} then tries to send 10 bytes.`,
        `然后${zh(p.x)}把 SO_LINGER 设为 {开启, 0 秒} 并调用 close()；之后${zh(peerOf(p.x))}试着发送 10 字节。`,
      ),
    ),
  questions: [
    {
      id: "abort-reset",
      topic: "reset",
      kind: "segment",
      difficulty: 3,
      wrap: true,
      concepts: ["rst", "so-linger", "abort"],
      misconceptions: ["seq-ack-swapped", "own-data-not-counted", "seq-from-peer-ack"],
      ask: (p, run) => ({ ask: "segment", side: p.x, at: { afterStep: run.step("abort") - 1 } }),
      choices: (_p, _run, t) => {
        const s = segmentOf(t);
        return s ? [segmentText({ ...s, flags: "FA" })] : [];
      },
      explain: (p, run, t) =>
        sentences(
          L(
            `SO_LINGER {1, 0} turns close() into an abort: Linux drops the connection at once and sends a reset instead of a FIN. The reset carries the ${en(p.x)}'s next sequence number, so the ${en(peerOf(p.x))} accepts it.`,
            `SO_LINGER {1, 0} 把 close() 变成了中止：Linux 立即丢弃连接，发出 RST 而不是 FIN。RST 带着${zh(p.x)}的下一个序号，所以${zh(peerOf(p.x))}会接受它。`,
          ),
          answerStory(run.trace, t),
        ),
      cite: ["socket(7) SO_LINGER", "RFC 9293 §3.10.5", "Linux tcp_disconnect"],
    },
    {
      id: "abort-who-waits",
      topic: "reset",
      kind: "who",
      difficulty: 2,
      concepts: ["rst", "so-linger", "time-wait"],
      misconceptions: ["rst-enters-time-wait"],
      ask: (_p, run) => ({ ask: "who", state: "TIME_WAIT", at: { afterStep: run.step("abort") - 1 } }),
      choices: (p) => [p.x],
      explain: (_p, _run, t) =>
        sentences(
          whoOf(t),
          L(
            "An abort sends no FIN, and without FINs there is no TIME_WAIT: both sides go straight to CLOSED. That is why some programs use SO_LINGER {1, 0} to avoid TIME_WAIT, at the price of a reset that the peer sees as an error.",
            "中止不发 FIN，没有 FIN 就没有 TIME_WAIT：双方直接进入 CLOSED。这就是有些程序用 SO_LINGER {1, 0} 来避开 TIME_WAIT 的原因，代价是对方会看到一个 RST 错误。",
          ),
        ),
      cite: ["socket(7) SO_LINGER", "RFC 9293 §3.10.7.4"],
    },
    {
      id: "abort-errno",
      topic: "reset",
      kind: "errno",
      difficulty: 3,
      concepts: ["rst", "econnreset", "abort"],
      misconceptions: ["reset-means-refused", "failure-is-silent"],
      ask: (p, run) => ({ ask: "errno", side: peerOf(p.x), at: { afterStep: run.step("abort") } }),
      choices: () => ["EPIPE"],
      explain: (p, _run, t) =>
        L(
          `${errnoOf(t)}. The reset arrived while the ${en(peerOf(p.x))} was ESTABLISHED, so the kernel recorded "connection reset by peer" on its socket, and its next call, the send(), reports it.`,
          `${errnoOf(t)}。RST 到达时${zh(peerOf(p.x))}处于 ESTABLISHED，内核在它的套接字上记下“连接被对方重置”，它的下一个调用，也就是 send()，就报告这个错误。`,
        ),
      cite: ["RFC 9293 §3.10.7.4", "Linux tcp_reset"],
    },
  ],
});

interface OrphanData {
  readonly c: number;
  readonly s: number;
  /** The side that closes; the other keeps writing `m` bytes. */
  readonly x: Side;
  readonly m: number;
}

export const orphanData: Template = template<OrphanData>({
  id: "orphan-data",
  draw: (d, { wrap }) => ({
    c: drawIsn(d, wrap, 2),
    s: drawIsn(d, wrap, 2),
    x: d.chance(50) ? "client" : "server",
    m: d.int(1, MSS),
  }),
  script: (p) =>
    script(p.c, p.s, undefined, [
      { listen: "server" },
      { connect: "client" },
      ["close", { close: p.x }],
      { send: { side: peerOf(p.x), bytes: p.m } },
      { read: peerOf(p.x) },
      { wait: 1 },
    ]),
  title: () => L("Writing to a closed socket", "向已关闭的套接字写数据"),
  intro: (p) => {
    const y = peerOf(p.x);
    return L(
      `A connection (${isnText(p).en}). The ${en(p.x)} calls close(). The ${en(y)} does not care: it writes ${p.m} more bytes, then calls read().`,
      `一条连接（${isnText(p)["zh-CN"]}）。${zh(p.x)}调用了 close()。${zh(y)}却不管不顾：它又写入 ${p.m} 字节，然后调用 read()。`,
    );
  },
  questions: [
    {
      id: "orphan-reset",
      topic: "reset",
      kind: "segment",
      difficulty: 4,
      wrap: true,
      concepts: ["rst", "orphan"],
      ask: (p, run) => ({ ask: "segment", side: p.x, at: { afterStep: run.step("close") } }),
      choices: (p, run, t) => {
        const s = segmentOf(t);
        const data = run.trace.segments.find((x) => x.from === peerOf(p.x) && x.len > 0);
        if (!s || !data) return [];
        const acked = (data.seq + data.len) % SEQ_SPACE;
        return [segmentText({ flags: "A", seq: s.seq, ack: acked, len: 0 }), segmentText({ flags: "RA", seq: s.seq, ack: acked, len: 0 })];
      },
      explain: (p, run, t) => {
        const s = segmentOf(t);
        const data = run.trace.segments.find((x) => x.from === peerOf(p.x) && x.len > 0);
        if (!s || !data) return L("", "");
        return L(
          `${label(s)}. The ${en(p.x)} called close(): no application will ever read this socket again, so data arriving now can never be delivered. Linux answers it with a reset instead of an ACK. The reset takes its seq from the ack of the segment it answers, ${data.ack}, and carries no ACK of its own.`,
          `${label(s)}。${zh(p.x)}已经调用了 close()：再也不会有应用读这个套接字，现在到达的数据永远无法交付。Linux 用 RST 而不是 ACK 来回应它。RST 的 seq 取自它所回应的报文段的确认号 ${data.ack}，自己不带 ACK。`,
        );
      },
      cite: ["Linux tcp_rcv_state_process", "RFC 9293 §3.10.7.4"],
    },
    {
      id: "close-wait-epipe",
      topic: "reset",
      kind: "errno",
      difficulty: 4,
      concepts: ["rst", "epipe", "close-wait"],
      misconceptions: ["epipe-is-reset", "failure-is-silent"],
      ask: (p, run) => ({ ask: "errno", side: peerOf(p.x), at: { afterStep: run.step("close") } }),
      choices: () => ["ETIMEDOUT"],
      explain: (p, run, t) => {
        const y = peerOf(p.x);
        const fin = run.trace.segments[finOf(run, p.x) ?? -1];
        return L(
          `${errnoOf(t)}. The ${en(y)}'s write goes out, but the answer is a reset, and it reaches the ${en(y)} in CLOSE_WAIT: it had already received the ${en(p.x)}'s FIN${fin ? ` (at ${fin.seq})` : ""}. Linux reports a reset in that state as EPIPE, not ECONNRESET, and the read() that follows fails with it.`,
          `${errnoOf(t)}。${zh(y)}写的数据发出去了，回来的却是 RST，而它到达时${zh(y)}处于 CLOSE_WAIT：它早已收到${zh(p.x)}的 FIN${fin ? `（位于 ${fin.seq}）` : ""}。Linux 把这种状态下收到的 RST 报告为 EPIPE 而不是 ECONNRESET，随后的 read() 就以它失败。`,
        );
      },
      cite: ["Linux tcp_reset", "Linux send(2): EPIPE"],
    },
  ],
});

