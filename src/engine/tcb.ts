import type { Errno } from "./errno";
import type { TcpState } from "./state";

/** A segment sent and not yet acknowledged: what a retransmission resends. */
export interface Unacked {
  readonly seq: number;
  readonly len: number;
  readonly syn: boolean;
  readonly fin: boolean;
}

/** Received beyond RCV.NXT, held until the gap before it is filled (RFC 9293 §3.10.7.4, seventh). */
export interface OutOfOrder {
  readonly seq: number;
  readonly len: number;
  readonly fin: boolean;
}

export const TIMER_KINDS = ["retransmit", "delayedAck", "timeWait", "finWait2", "keepalive"] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];

/** Timers are data: each armed timer is the virtual time (ms) at which it expires. */
export type Timers = { readonly [K in TimerKind]?: number };

/**
 * One connection's Transmission Control Block (RFC 9293 §3.3.1), fields named after the RFC variables
 * (sndUna is SND.UNA, rcvNxt is RCV.NXT), plus what Linux keeps beside them (delayed-ACK engine, pending error).
 */
export interface Tcb {
  readonly state: TcpState;
  /** Opened by LISTEN: a reset in SYN_RECEIVED returns to LISTEN (RFC 9293 §3.10.7.4). */
  readonly passive: boolean;
  /** The application called close(): the kernel finishes the connection alone (an orphan socket, in Linux). */
  readonly orphan: boolean;
  /** Our FIN is queued or sent (close() or shutdown(SHUT_WR)): the send direction is finished. */
  readonly shutWr: boolean;
  /** SO_REUSEADDR was set on this socket. */
  readonly reuseaddr: boolean;
  /** The connection reached a synchronized state at least once. */
  readonly wasConnected: boolean;

  readonly iss: number;
  readonly sndUna: number;
  readonly sndNxt: number;
  readonly irs: number;
  readonly rcvNxt: number;
  /** RCV.NXT when we last sent an ACK (Linux rcv_wup): how much received data is still unacknowledged. */
  readonly rcvAcked: number;
  /** Sequence number of our FIN once sent. */
  readonly finSeq: number | null;

  readonly unacked: readonly Unacked[];
  readonly outOfOrder: readonly OutOfOrder[];
  /** Retransmissions of the current head segment so far. */
  readonly retries: number;
  /** Current retransmission timeout (ms). */
  readonly rtoMs: number;

  /** Bytes received and not yet read by the application. */
  readonly unread: number;
  /** Bytes the application sent before the connection was established, to go out when it is. */
  readonly pendingSend: number;

  /** An ACK is owed and waits for the delayed-ACK timer (or a segment to ride on). */
  readonly ackPending: boolean;
  /** Data segments still to be acked at once (Linux quick-ack mode). */
  readonly quickAcks: number;
  /**
   * Interactive (ping-pong) mode: ACKs are delayed even in quick-ack mode, hoping to ride on a reply. Linux enters
   * it on a received FIN, or when the application replies within the delayed-ACK timeout of receiving data
   * (tcp_event_data_sent, tcp_pingpong_thresh = 1), and leaves it when a delayed ACK had to be sent alone.
   */
  readonly pingpong: boolean;
  /** Virtual time (ms) in-order data last arrived (Linux icsk_ack.lrcvtime), or null before any. */
  readonly lastDataReceivedAt: number | null;

  /** Virtual time (ms) of the last segment received, for keepalive. */
  readonly lastReceivedAt: number;
  readonly keepaliveProbes: number;

  /** When we last answered an out-of-window segment with an ACK (ms; Linux last_oow_ack_time), or null. */
  readonly lastOowAckAt: number | null;
  /** The error the next send/read reports (Linux sk_err). */
  readonly soError: Errno | null;
  readonly timers: Timers;
}

/** A fresh socket in CLOSED holding the initial sequence number it will use. */
export function newTcb(iss: number, reuseaddr = false): Tcb {
  return {
    state: "CLOSED",
    passive: false,
    orphan: false,
    shutWr: false,
    reuseaddr,
    wasConnected: false,
    iss,
    sndUna: iss,
    sndNxt: iss,
    irs: 0,
    rcvNxt: 0,
    rcvAcked: 0,
    finSeq: null,
    unacked: [],
    outOfOrder: [],
    retries: 0,
    rtoMs: 0,
    unread: 0,
    pendingSend: 0,
    ackPending: false,
    quickAcks: 0,
    pingpong: false,
    lastDataReceivedAt: null,
    lastReceivedAt: 0,
    keepaliveProbes: 0,
    lastOowAckAt: null,
    soError: null,
    timers: {},
  };
}
