import type { Errno, SocketCall } from "./errno";
import type { Note } from "./note";
import type { EngineOptions } from "./options";
import { type Flags, type Segment, segmentSpan } from "./segment";
import { seqAdd, seqDiff } from "./seq";
import type { TcpState } from "./state";
import type { Tcb, Timers } from "./tcb";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };


/**
 * The working copy of one endpoint during one step. The step functions change the draft and record what goes out;
 * `step` returns a new Tcb and never touches the one it was given.
 */
export class Draft {
  readonly tcb: Mutable<Tcb>;
  readonly timers: Mutable<Timers>;
  readonly sent: Segment[] = [];
  readonly notes: Note[] = [];

  constructor(
    tcb: Tcb,
    readonly now: number,
    readonly o: EngineOptions,
  ) {
    this.tcb = cloneTcb(tcb, tcb.timers);
    this.timers = cloneTimers(tcb.timers);
  }

  finish(): Tcb {
    // The draft's copy is its own (made in the constructor), so it can become the next Tcb without another copy.
    this.tcb.timers = this.timers;
    return this.tcb;
  }

  get state(): TcpState {
    return this.tcb.state;
  }

  /** Every state change goes through here, so that entering a state always does the same bookkeeping. */
  setState(to: TcpState): void {
    const from = this.tcb.state;
    if (from === to) return;
    this.notes.push({ kind: "state", from, to });
    this.tcb.state = to;
    switch (to) {
      case "CLOSED":
        this.clearTimers();
        this.tcb.unacked = [];
        this.tcb.outOfOrder = [];
        this.tcb.ackPending = false;
        this.tcb.pendingSend = 0;
        break;
      case "LISTEN":
        this.clearTimers();
        this.tcb.unacked = [];
        this.tcb.outOfOrder = [];
        this.tcb.ackPending = false;
        this.tcb.sndUna = this.tcb.iss;
        this.tcb.sndNxt = this.tcb.iss;
        this.tcb.retries = 0;
        break;
      case "ESTABLISHED":
        this.tcb.wasConnected = true;
        this.tcb.lastReceivedAt = this.now;
        if (this.o.keepalive) this.timers.keepalive = this.now + this.o.keepalive.idleMs;
        break;
      case "TIME_WAIT":
        // RFC 9293 §3.10.7.4: TIME_WAIT only waits out 2MSL; nothing is left to send or retransmit.
        this.clearTimers();
        this.tcb.unacked = [];
        this.tcb.ackPending = false;
        this.timers.timeWait = this.now + this.o.timeWaitMs;
        break;
      case "SYN_SENT":
      case "SYN_RECEIVED":
      case "FIN_WAIT_1":
      case "FIN_WAIT_2":
      case "CLOSE_WAIT":
      case "CLOSING":
      case "LAST_ACK":
        break;
    }
  }

  clearTimers(): void {
    const t = this.timers;
    t.retransmit = t.delayedAck = t.timeWait = t.finWait2 = t.keepalive = undefined;
  }

  note(n: Note): void {
    this.notes.push(n);
  }

  fail(call: SocketCall, errno: Errno): void {
    this.notes.push({ kind: "error", call, errno });
  }

  /** The kernel records an error for the application (Linux sk_err); an orphan has nobody to tell. */
  setSoError(errno: Errno): void {
    if (this.tcb.orphan) return;
    this.tcb.soError = errno;
    this.notes.push({ kind: "so_error", errno });
  }

  /**
   * Sends a segment from this connection. Any segment with ACK carries RCV.NXT and so settles an owed ACK
   * (piggybacking: RFC 9293 §3.8.6.3).
   */
  emit(f: Partial<Flags>, seq: number, len = 0): void {
    const code = (f.syn ? 1 : 0) | (f.fin ? 2 : 0) | (f.rst ? 4 : 0) | (f.psh ? 8 : 0) | (f.ack ? 16 : 0);
    const flags = FLAG_TABLE[code] as Flags;
    const ack = flags.ack ? this.tcb.rcvNxt : 0;
    this.sent.push({ flags, seq, ack, len });
    if (flags.ack) {
      this.tcb.rcvAcked = this.tcb.rcvNxt;
      this.tcb.ackPending = false;
      this.timers.delayedAck = undefined;
    }
  }

  /** A reply that belongs to no connection (RFC 9293 §3.10.7.1): an explicit ack value, no TCB bookkeeping. */
  emitRaw(seg: Segment): void {
    this.sent.push(seg);
  }

  /**
   * Answers an out-of-window segment with an ACK, at most once per tcp_invalid_ratelimit for segments that carry no
   * data (Linux tcp_oow_rate_limited): two stacks that disagree about a connection cannot ACK each other forever.
   */
  sendOutOfWindowAck(seg: Segment): void {
    const rateLimited = segmentSpan(seg) === 0 || seg.flags.syn;
    const last = this.tcb.lastOowAckAt;
    if (rateLimited && last !== null && this.now - last < this.o.invalidRatelimitMs) return;
    if (rateLimited) this.tcb.lastOowAckAt = this.now;
    this.sendAck();
  }

  sendAck(): void {
    this.emit({ ack: true }, this.tcb.sndNxt);
  }

  /** Queue-and-send payload, one segment per MSS; data segments carry PSH and ACK as Linux sends them. */
  sendData(bytes: number): void {
    const lastData = this.tcb.lastDataReceivedAt;
    if (lastData !== null && this.now - lastData < this.o.delayedAckMs) this.tcb.pingpong = true;
    let left = bytes;
    while (left > 0) {
      const len = Math.min(left, this.o.mss);
      const seq = this.tcb.sndNxt;
      this.emit({ psh: true, ack: true }, seq, len);
      this.tcb.unacked = [...this.tcb.unacked, { seq, len, syn: false, fin: false }];
      this.tcb.sndNxt = seqAdd(seq, len);
      left -= len;
    }
    this.armRetransmit();
  }

  /** Our FIN takes one sequence number (RFC 9293 §3.4) and, in Linux, always carries ACK. */
  sendFin(): void {
    const seq = this.tcb.sndNxt;
    this.emit({ fin: true, ack: true }, seq);
    this.tcb.finSeq = seq;
    this.tcb.shutWr = true;
    this.tcb.unacked = [...this.tcb.unacked, { seq, len: 0, syn: false, fin: true }];
    this.tcb.sndNxt = seqAdd(seq, 1);
    this.armRetransmit();
  }

  /** An abortive reset (Linux tcp_send_active_reset): RST+ACK at SND.NXT. */
  sendActiveReset(): void {
    this.emit({ rst: true, ack: true }, this.tcb.sndNxt);
  }

  armRetransmit(): void {
    if (this.timers.retransmit === undefined) this.timers.retransmit = this.now + this.tcb.rtoMs;
  }

  /** Owes an ACK for received data or FIN: now, or when the delayed-ACK timer fires. */
  scheduleAck(now: boolean): void {
    if (now || !this.o.delayedAck) {
      this.sendAck();
      return;
    }
    this.tcb.ackPending = true;
    if (this.timers.delayedAck === undefined) this.timers.delayedAck = this.now + this.o.delayedAckMs;
  }

  /** Bytes received since our last ACK. */
  unackedReceived(): number {
    return seqDiff(this.tcb.rcvNxt, this.tcb.rcvAcked);
  }
}

function cloneTimers(t: Timers): Mutable<Timers> {
  return { retransmit: t.retransmit, delayedAck: t.delayedAck, timeWait: t.timeWait, finWait2: t.finWait2, keepalive: t.keepalive };
}

function cloneTcb(t: Tcb, timers: Timers): Mutable<Tcb> {
  return {
    state: t.state, passive: t.passive, orphan: t.orphan, shutWr: t.shutWr, reuseaddr: t.reuseaddr,
    wasConnected: t.wasConnected, iss: t.iss, sndUna: t.sndUna, sndNxt: t.sndNxt, irs: t.irs, rcvNxt: t.rcvNxt,
    rcvAcked: t.rcvAcked, finSeq: t.finSeq, unacked: t.unacked, outOfOrder: t.outOfOrder, retries: t.retries,
    rtoMs: t.rtoMs, unread: t.unread, pendingSend: t.pendingSend, ackPending: t.ackPending, quickAcks: t.quickAcks,
    pingpong: t.pingpong, lastDataReceivedAt: t.lastDataReceivedAt, lastReceivedAt: t.lastReceivedAt, keepaliveProbes: t.keepaliveProbes,
    lastOowAckAt: t.lastOowAckAt, soError: t.soError,
    timers,
  };
}

/** Every combination of the five flags, shared: Flags are read-only, so segments can share them. */
const FLAG_TABLE: readonly Flags[] = Array.from({ length: 32 }, (_, c) =>
  Object.freeze({ syn: (c & 1) !== 0, fin: (c & 2) !== 0, rst: (c & 4) !== 0, psh: (c & 8) !== 0, ack: (c & 16) !== 0 }),
);
