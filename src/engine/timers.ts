import type { Draft } from "./draft";
import { seqAdd } from "./seq";
import { isSynchronized } from "./state";
import type { TimerKind, Unacked } from "./tcb";

/** A timer expired: what each one does. The caller has already removed it from the armed set. */
export function expire(d: Draft, timer: TimerKind): void {
  switch (timer) {
    case "retransmit":
      return retransmit(d);
    case "delayedAck":
      if (!d.tcb.ackPending) return;
      // No reply came to carry the ACK: this is not an interactive exchange after all (tcp_delack_timer_handler).
      d.tcb.pingpong = false;
      d.sendAck();
      return;
    case "timeWait":
      // RFC 9293 §3.10.7.4 (TIME_WAIT) and §3.10.8: when the 2MSL timer expires, delete the TCB.
      if (d.state === "TIME_WAIT") d.setState("CLOSED");
      return;
    case "finWait2":
      // Linux tcp_fin_timeout: an orphaned FIN_WAIT_2 gives up on the peer's FIN and is closed silently.
      if (d.state === "FIN_WAIT_2") d.setState("CLOSED");
      return;
    case "keepalive":
      return keepalive(d);
  }
}

/** Retransmission timeout after the k-th SYN retransmission: linear for the first synLinearTimeouts, then doubling. */
function synBackoffMs(d: Draft, k: number): number {
  const doublings = Math.max(0, k - d.o.synLinearTimeouts);
  return Math.min(d.o.rtoInitialMs * 2 ** doublings, d.o.rtoMaxMs);
}

/**
 * RFC 6298 §5.4-5.6: on expiry resend the earliest unacknowledged segment and double the RTO. Give up after the
 * retry limit: tcp_syn_retries for SYN (connect fails with ETIMEDOUT), tcp_synack_retries for a passive SYN+ACK
 * (the half-open connection is dropped and the listener stays), tcp_retries2 or tcp_orphan_retries otherwise.
 */
function retransmit(d: Draft): void {
  const t = d.tcb;
  const head: Unacked | undefined = t.unacked[0];
  if (head === undefined) return;
  switch (d.state) {
    case "SYN_SENT":
      // ip-sysctl.rst: the linear timeouts come on top of tcp_syn_retries (6 retries after 4 linear ones: last
      // retransmission at 67 s, failure at 131 s).
      if (t.retries >= d.o.synRetries + d.o.synLinearTimeouts) return giveUp(d, "connect");
      t.retries += 1;
      t.rtoMs = synBackoffMs(d, t.retries);
      d.emit({ syn: true }, t.iss);
      break;
    case "SYN_RECEIVED": {
      const limit = t.passive ? d.o.synackRetries : d.o.synRetries;
      if (t.retries >= limit) {
        if (t.passive) return d.setState("LISTEN");
        return giveUp(d, "connect");
      }
      t.retries += 1;
      t.rtoMs = Math.min(t.rtoMs * 2, d.o.rtoMaxMs);
      d.emit({ syn: true, ack: true }, t.iss);
      break;
    }
    case "ESTABLISHED":
    case "FIN_WAIT_1":
    case "CLOSE_WAIT":
    case "CLOSING":
    case "LAST_ACK": {
      const limit = t.orphan ? d.o.orphanRetries : d.o.retries2;
      if (t.retries >= limit) return giveUp(d, null);
      t.retries += 1;
      t.rtoMs = Math.min(t.rtoMs * 2, d.o.rtoMaxMs);
      // The head may still be our SYN+ACK (close() in SYN_RECEIVED queues the FIN behind it).
      if (head.syn) d.emit({ syn: true, ack: true }, head.seq);
      else if (head.fin) d.emit({ fin: true, ack: true }, head.seq);
      else d.emit({ psh: true, ack: true }, head.seq, head.len);
      break;
    }
    default:
      return;
  }
  d.timers.retransmit = d.now + t.rtoMs;
}

/** The peer never answered: ETIMEDOUT, and the connection is gone without a segment (Linux tcp_write_err). */
function giveUp(d: Draft, blockedCall: "connect" | null): void {
  if (blockedCall) d.fail(blockedCall, "ETIMEDOUT");
  else d.setSoError("ETIMEDOUT");
  d.setState("CLOSED");
}

/**
 * SO_KEEPALIVE as Linux's tcp_keepalive_timer runs it: after `idle` with nothing received, probe every `interval`
 * with an ACK one byte behind SND.UNA (which the peer must answer); after `probes` unanswered probes, reset the
 * connection and report ETIMEDOUT.
 */
function keepalive(d: Draft): void {
  const ka = d.o.keepalive;
  const t = d.tcb;
  // Keepalive runs in every synchronized state but TIME_WAIT, which only waits out 2MSL.
  if (!ka || !isSynchronized(d.state) || d.state === "TIME_WAIT") return;
  if (t.unacked.length > 0) {
    // Data in flight: the retransmission timer is watching the peer already.
    d.timers.keepalive = d.now + ka.idleMs;
    return;
  }
  const idleFor = d.now - t.lastReceivedAt;
  if (idleFor < ka.idleMs) {
    t.keepaliveProbes = 0;
    d.timers.keepalive = t.lastReceivedAt + ka.idleMs;
    return;
  }
  if (t.keepaliveProbes >= ka.probes) {
    d.sendActiveReset();
    d.setSoError("ETIMEDOUT");
    d.setState("CLOSED");
    return;
  }
  t.keepaliveProbes += 1;
  d.emit({ ack: true }, seqAdd(t.sndUna, -1));
  d.timers.keepalive = d.now + ka.intervalMs;
}
