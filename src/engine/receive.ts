import type { Draft } from "./draft";
import { type Segment, segmentEnd, segmentSpan } from "./segment";
import { seqAdd, seqDiff, seqGt, seqInWindow, seqLe, seqLt } from "./seq";
import type { TcpState } from "./state";
import type { OutOfOrder } from "./tcb";

/** RFC 9293 §3.10.7: SEGMENT ARRIVES, dispatched on the receiving connection's state. */
export function receive(d: Draft, seg: Segment): void {
  switch (d.state) {
    case "CLOSED":
      return replyToStray(d, seg);
    case "LISTEN":
      return inListen(d, seg);
    case "SYN_SENT":
      return inSynSent(d, seg);
    case "TIME_WAIT":
      return inTimeWait(d, seg);
    case "SYN_RECEIVED":
    case "ESTABLISHED":
    case "FIN_WAIT_1":
    case "FIN_WAIT_2":
    case "CLOSE_WAIT":
    case "CLOSING":
    case "LAST_ACK":
      return inSynchronized(d, seg);
  }
}

/**
 * §3.10.7.1: a segment for a connection that does not exist is answered with a reset, never a reset with a reset.
 * With ACK: <SEQ=SEG.ACK><CTL=RST>; without: <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK> (SYN and FIN count).
 */
export function replyToStray(d: Draft, seg: Segment): void {
  if (seg.flags.rst) return;
  if (seg.flags.ack) {
    d.emitRaw({ flags: { syn: false, fin: false, rst: true, psh: false, ack: false }, seq: seg.ack, ack: 0, len: 0 });
  } else {
    d.emitRaw({ flags: { syn: false, fin: false, rst: true, psh: false, ack: true }, seq: 0, ack: segmentEnd(seg), len: 0 });
  }
}

/** §3.10.7.2: LISTEN ignores RST, resets an ACK, and answers a SYN with SYN+ACK. */
function inListen(d: Draft, seg: Segment): void {
  if (seg.flags.rst) return;
  if (seg.flags.ack) return replyToStray(d, seg);
  if (!seg.flags.syn) return;
  const t = d.tcb;
  t.irs = seg.seq;
  t.rcvNxt = seqAdd(seg.seq, 1);
  t.sndUna = t.iss;
  t.sndNxt = seqAdd(t.iss, 1);
  t.unacked = [{ seq: t.iss, len: 0, syn: true, fin: false }];
  t.rtoMs = d.o.rtoInitialMs;
  t.retries = 0;
  t.quickAcks = d.o.quickAcks;
  d.emit({ syn: true, ack: true }, t.iss);
  d.armRetransmit();
  d.setState("SYN_RECEIVED");
}

/** §3.10.7.3: SYN_SENT. */
function inSynSent(d: Draft, seg: Segment): void {
  const t = d.tcb;
  let ackOk = false;
  if (seg.flags.ack) {
    // An ACK for something we never sent: reset it (unless it is itself a reset).
    if (seqLe(seg.ack, t.iss) || seqGt(seg.ack, t.sndNxt)) {
      if (!seg.flags.rst) replyToStray(d, seg);
      return;
    }
    ackOk = true;
  }
  if (seg.flags.rst) {
    // A reset is believed only if it acknowledges our SYN (RFC 5961 §3.2): "connection refused".
    if (!ackOk) return;
    d.fail("connect", "ECONNREFUSED");
    d.setState("CLOSED");
    return;
  }
  if (!seg.flags.syn) return;
  t.irs = seg.seq;
  t.rcvNxt = seqAdd(seg.seq, 1);
  t.rcvAcked = t.irs;
  t.quickAcks = d.o.quickAcks;
  if (ackOk) {
    acknowledge(d, seg.ack);
    d.setState("ESTABLISHED");
    // Linux lets a blocked writer's first data carry the handshake's ACK; otherwise it sends the ACK at once.
    if (t.pendingSend > 0) flushPendingSend(d);
    else d.sendAck();
    return;
  }
  // Simultaneous open (§3.5, Figure 7): both SYNs crossed; answer with SYN+ACK from our original ISS.
  d.setState("SYN_RECEIVED");
  d.emit({ syn: true, ack: true }, t.iss);
}

function flushPendingSend(d: Draft): void {
  const bytes = d.tcb.pendingSend;
  d.tcb.pendingSend = 0;
  d.sendData(bytes);
}

/**
 * TIME_WAIT as Linux runs it (tcp_timewait_state_process): an in-window RST ends it early (tcp_rfc1337 = 0), a
 * bare in-window ACK restarts the timer, and anything else, such as a retransmitted FIN, is acked and restarts the
 * 2MSL timer (RFC 9293 §3.10.7.4, "restart the 2 MSL timeout").
 */
function inTimeWait(d: Draft, seg: Segment): void {
  const t = d.tcb;
  if (seg.seq === t.rcvNxt && (segmentSpan(seg) === 0 || seg.flags.rst)) {
    if (seg.flags.rst) return d.setState("CLOSED");
    d.timers.timeWait = d.now + d.o.timeWaitMs;
    return;
  }
  if (seg.flags.rst) return;
  if (seg.flags.ack) d.timers.timeWait = d.now + d.o.timeWaitMs;
  d.sendOutOfWindowAck(seg);
}

/** §3.10.7.4 "first": is any of the segment inside the receive window? */
function isAcceptable(d: Draft, seg: Segment): boolean {
  const { rcvNxt } = d.tcb;
  const wnd = d.o.window;
  const span = segmentSpan(seg);
  if (span === 0) return seqInWindow(seg.seq, rcvNxt, wnd);
  return seqInWindow(seg.seq, rcvNxt, wnd) || seqInWindow(seqAdd(seg.seq, span - 1), rcvNxt, wnd);
}

/** §3.10.7.4: SYN_RECEIVED and the synchronized states, checks in the RFC's order. */
function inSynchronized(d: Draft, seg: Segment): void {
  const t = d.tcb;

  // Linux accepts the SYN+ACK that completes a simultaneous open while in SYN_RECEIVED, acks it at once and is
  // ESTABLISHED (tcp_validate_incoming).
  if (
    d.state === "SYN_RECEIVED" &&
    !t.passive &&
    seg.flags.syn &&
    seg.flags.ack &&
    !seg.flags.rst &&
    seqAdd(seg.seq, 1) === t.rcvNxt &&
    seg.ack === t.sndNxt
  ) {
    acknowledge(d, seg.ack);
    d.setState("ESTABLISHED");
    d.sendAck();
    return;
  }

  // First: sequence number. An unacceptable segment is answered with an ACK (unless it is a reset) and dropped.
  if (!isAcceptable(d, seg)) {
    if (seg.flags.rst) return;
    if (d.state === "SYN_RECEIVED" && seg.flags.syn && !seg.flags.ack && seg.seq === t.irs) {
      return resendSynAck(d);
    }
    return d.sendOutOfWindowAck(seg);
  }
  t.lastReceivedAt = d.now;

  // Second: RST. Only an exact RCV.NXT resets; any other in-window RST gets a challenge ACK (RFC 5961 §3.2).
  if (seg.flags.rst) {
    if (seg.seq !== t.rcvNxt) return d.sendOutOfWindowAck(seg);
    return onReset(d);
  }

  // Fourth: a SYN in a synchronized state gets a challenge ACK (RFC 5961 §4, RFC 9293 §3.10.7.4).
  if (seg.flags.syn) {
    if (d.state === "SYN_RECEIVED" && seg.seq === t.irs) return resendSynAck(d);
    return d.sendOutOfWindowAck(seg);
  }

  // Fifth: ACK. A segment without it is dropped.
  if (!seg.flags.ack) return;
  if (d.state === "SYN_RECEIVED") {
    if (!(seqLt(t.sndUna, seg.ack) && seqLe(seg.ack, t.sndNxt))) return replyToStray(d, seg);
    acknowledge(d, seg.ack);
    d.setState("ESTABLISHED");
    if (t.pendingSend > 0) flushPendingSend(d);
  } else {
    if (seqGt(seg.ack, t.sndNxt)) return d.sendOutOfWindowAck(seg);
    if (seqGt(seg.ack, t.sndUna)) acknowledge(d, seg.ack);
  }
  const finAcked = t.finSeq !== null && seqGt(t.sndUna, t.finSeq);
  const finInOrder = seg.flags.fin && seqLe(seg.seq, t.rcvNxt);
  switch (d.state) {
    case "FIN_WAIT_1":
      // With the peer's FIN in this same segment, FIN_WAIT_1 goes straight to TIME_WAIT (handled with the FIN).
      if (finAcked && !finInOrder) enterFinWait2(d);
      break;
    case "CLOSING":
      if (finAcked) d.setState("TIME_WAIT");
      return;
    case "LAST_ACK":
      if (finAcked) d.setState("CLOSED");
      return;
    default:
      break;
  }

  // Seventh: segment text, in the states that still receive.
  if (seg.len > 0 && !receiveText(d, seg)) return;
  if (seg.len === 0 && seg.flags.fin && seqGt(seg.seq, t.rcvNxt) && stillReceives(d.state)) {
    // A bare FIN beyond a gap waits in the out-of-order queue like data does, and draws a duplicate ACK
    // (RFC 9293 §3.10.7.4 SHLD-31, RFC 5681 §4.2; Linux tcp_data_queue_ofo).
    t.outOfOrder = insertOutOfOrder(t.outOfOrder, { seq: seg.seq, len: 0, fin: true });
    return d.sendAck();
  }

  // Eighth: FIN, once everything before it has arrived.
  if (seg.flags.fin && seqAdd(seg.seq, seg.len) === t.rcvNxt) return onFin(d);
}

/**
 * The peer retransmitted its SYN, so our SYN+ACK was lost: send it again and restart the retransmission timer at
 * its current backoff (Linux tcp_check_req; the retry budget counts timer expiries only).
 */
function resendSynAck(d: Draft): void {
  d.emit({ syn: true, ack: true }, d.tcb.iss);
  d.timers.retransmit = d.now + d.tcb.rtoMs;
}

/** A new ACK: advance SND.UNA, drop what it covers, take the RTT sample and reset the backoff. */
function acknowledge(d: Draft, ack: number): void {
  const t = d.tcb;
  t.sndUna = ack;
  t.unacked = t.unacked.filter((u) => seqGt(seqAdd(u.seq, u.len + (u.syn ? 1 : 0) + (u.fin ? 1 : 0)), ack));
  // The model's network has no delay, so every RTT sample is 0 and Linux's RTO becomes its floor,
  // srtt + max(rttvar, TCP_RTO_MIN) = 200 ms (RFC 6298 §2.3, §2.4).
  t.rtoMs = d.o.rtoMinMs;
  t.retries = 0;
  t.keepaliveProbes = 0;
  if (t.unacked.length === 0) d.timers.retransmit = undefined;
  else d.timers.retransmit = d.now + t.rtoMs;
}

function enterFinWait2(d: Draft): void {
  d.setState("FIN_WAIT_2");
  if (d.tcb.orphan) d.timers.finWait2 = d.now + d.o.finTimeoutMs;
}

/** §3.10.7.4 second: what a reset does in each state, with the error Linux reports (tcp_reset). */
function onReset(d: Draft): void {
  switch (d.state) {
    case "SYN_RECEIVED":
      if (d.tcb.passive) return d.setState("LISTEN");
      d.fail("connect", "ECONNREFUSED");
      return d.setState("CLOSED");
    case "CLOSE_WAIT":
      d.setSoError("EPIPE");
      return d.setState("CLOSED");
    case "ESTABLISHED":
    case "FIN_WAIT_1":
    case "FIN_WAIT_2":
    case "CLOSING":
    case "LAST_ACK":
      d.setSoError("ECONNRESET");
      return d.setState("CLOSED");
    default:
      return d.setState("CLOSED");
  }
}

/**
 * §3.10.7.4 seventh. Returns false when the segment ends here. In-order data is delivered (with any queued
 * segments it makes contiguous); data beyond a gap is queued and answered with an immediate duplicate ACK.
 */
function receiveText(d: Draft, seg: Segment): boolean {
  const t = d.tcb;
  // CLOSE_WAIT, CLOSING, LAST_ACK: the peer already sent FIN; text cannot arrive and is ignored.
  if (!stillReceives(d.state)) return true;
  const end = seqAdd(seg.seq, seg.len);
  if (!seqGt(end, t.rcvNxt)) return true; // nothing new (a retransmission): the FIN step may still apply
  if (t.orphan) {
    // Linux (tcp_rcv_state_process, RFC 1122 §4.2.2.13): new data for a socket the application has closed is
    // answered with a reset; the connection is gone.
    replyToStray(d, seg);
    d.setState("CLOSED");
    return false;
  }
  if (seqGt(seg.seq, t.rcvNxt)) {
    t.outOfOrder = insertOutOfOrder(t.outOfOrder, { seq: seg.seq, len: seg.len, fin: seg.flags.fin });
    d.sendAck();
    return false;
  }
  const hadGap = t.outOfOrder.length > 0;
  const fresh = seqDiff(end, t.rcvNxt);
  t.rcvNxt = end;
  t.unread += fresh;
  t.lastDataReceivedAt = d.now;
  // Filling the gap before a queued FIN delivers the FIN too, and one immediate ACK covers both (tcp_ofo_queue).
  if (drainOutOfOrder(d)) onFin(d, true);
  else ackData(d, hadGap);
  return true;
}

/** The states in which the peer may still send data: its FIN has not arrived. */
function stillReceives(s: TcpState): boolean {
  return s === "ESTABLISHED" || s === "FIN_WAIT_1" || s === "FIN_WAIT_2";
}

function insertOutOfOrder(q: readonly OutOfOrder[], item: OutOfOrder): readonly OutOfOrder[] {
  const next = q.filter((x) => x.seq !== item.seq);
  next.push(item);
  return next.sort((a, b) => seqDiff(a.seq, b.seq));
}

/** Moves queued segments that are now contiguous into the stream; true if a queued FIN was reached. */
function drainOutOfOrder(d: Draft): boolean {
  const t = d.tcb;
  let fin = false;
  const rest: OutOfOrder[] = [];
  for (const q of t.outOfOrder) {
    const end = seqAdd(q.seq, q.len);
    if (seqLe(q.seq, t.rcvNxt) && !fin) {
      if (seqGt(end, t.rcvNxt)) {
        t.unread += seqDiff(end, t.rcvNxt);
        t.rcvNxt = end;
      }
      if (q.fin && end === t.rcvNxt) fin = true;
    } else {
      rest.push(q);
    }
  }
  t.outOfOrder = rest;
  return fin;
}

/**
 * When to ack received data, as Linux's __tcp_ack_snd_check decides: at once while in quick-ack mode (the start
 * of a connection), when a gap was just filled, or when more than one full segment is unacknowledged; otherwise
 * the delayed-ACK timer (RFC 9293 §3.8.6.3, RFC 1122 §4.2.3.2).
 */
function ackData(d: Draft, filledGap: boolean): void {
  const t = d.tcb;
  const quick = t.quickAcks > 0 && !t.pingpong;
  if (quick) t.quickAcks -= 1;
  d.scheduleAck(quick || filledGap || t.outOfOrder.length > 0 || d.unackedReceived() > d.o.mss);
}

/** §3.10.7.4 eighth: the peer's FIN, in order. It takes one sequence number. */
function onFin(d: Draft, ackNow = false): void {
  const t = d.tcb;
  switch (d.state) {
    case "SYN_RECEIVED":
    case "ESTABLISHED":
    case "FIN_WAIT_1":
    case "FIN_WAIT_2":
      t.rcvNxt = seqAdd(t.rcvNxt, 1);
      break;
    default:
      return;
  }
  switch (d.state) {
    case "SYN_RECEIVED":
    case "ESTABLISHED":
      // Linux (tcp_fin) delays the ACK of a FIN and enters interactive mode, so an application that closes at
      // once sends its FIN with that ACK: the three-segment close.
      t.pingpong = true;
      d.setState("CLOSE_WAIT");
      return d.scheduleAck(ackNow);
    case "FIN_WAIT_1": {
      const finAcked = t.finSeq !== null && seqGt(t.sndUna, t.finSeq);
      // Our FIN acked too: TIME_WAIT directly. Otherwise the FINs crossed: simultaneous close, CLOSING.
      d.setState(finAcked ? "TIME_WAIT" : "CLOSING");
      return d.sendAck();
    }
    case "FIN_WAIT_2":
      d.setState("TIME_WAIT");
      return d.sendAck();
  }
}
