/**
 * Where RFC 9293 leaves a choice, a scenario option chooses; every default is what Linux does by default.
 * Durations are in seconds here (the scenario's unit) and converted to whole milliseconds for the engine.
 */
export interface KeepaliveOptions {
  /** tcp_keepalive_time: idle seconds before the first probe. */
  readonly idle: number;
  /** tcp_keepalive_intvl: seconds between probes. */
  readonly interval: number;
  /** tcp_keepalive_probes: unanswered probes before the connection is reset. */
  readonly probes: number;
}

export interface Options {
  /** Length of TIME_WAIT, 2MSL (Linux TCP_TIMEWAIT_LEN: 60 s). */
  readonly timeWait: number;
  /** Delay ACKs when not in quick-ack mode, and always for a received FIN (Linux: on). */
  readonly delayedAck: boolean;
  /** Delayed-ACK timeout (Linux TCP_DELACK_MIN: 40 ms). */
  readonly delayedAckTimeout: number;
  /** Data segments acked at once at the start of a connection (Linux TCP_MAX_QUICKACKS: 16). */
  readonly quickAcks: number;
  /** RTO before any round trip is measured (RFC 6298 §2.1, Linux TCP_TIMEOUT_INIT: 1 s). */
  readonly rtoInitial: number;
  /** RTO floor once a round trip is measured (Linux TCP_RTO_MIN: 200 ms). */
  readonly rtoMin: number;
  /** RTO ceiling under backoff (Linux TCP_RTO_MAX: 120 s). */
  readonly rtoMax: number;
  /** tcp_syn_retries (6). */
  readonly synRetries: number;
  /** tcp_syn_linear_timeouts: SYN retransmissions before exponential backoff starts (0: classic doubling). */
  readonly synLinearTimeouts: number;
  /** tcp_synack_retries (5). */
  readonly synackRetries: number;
  /** tcp_retries2: retransmissions of data or FIN before the connection is dropped (15). */
  readonly retries2: number;
  /** tcp_orphan_retries for a socket the application has closed (0 in sysctl means 8). */
  readonly orphanRetries: number;
  /** tcp_fin_timeout: lifetime of an orphaned FIN_WAIT_2 (60 s). Not the TIME_WAIT length. */
  readonly finTimeout: number;
  /** SO_KEEPALIVE: off, or on with its three timers. */
  readonly keepalive: KeepaliveOptions | false;
  /**
   * The applications read data as it arrives, as a server's read loop does, so close() never finds unread data.
   * With false, data waits for a `read` step, and close() with unread data resets the connection (as Linux does).
   */
  readonly autoRead: boolean;
  /** Largest payload per segment (Ethernet MSS: 1460). */
  readonly mss: number;
  /** Minimum gap between ACKs that answer out-of-window segments (Linux tcp_invalid_ratelimit: 500 ms). */
  readonly invalidRatelimit: number;
  /** Receive window used for acceptability tests (RFC 9293 §3.10.7.4). Flow control is not modelled. */
  readonly window: number;
}

export const LINUX_KEEPALIVE: KeepaliveOptions = { idle: 7200, interval: 75, probes: 9 };

export const DEFAULT_OPTIONS: Options = {
  timeWait: 60,
  delayedAck: true,
  delayedAckTimeout: 0.04,
  quickAcks: 16,
  rtoInitial: 1,
  rtoMin: 0.2,
  rtoMax: 120,
  synRetries: 6,
  synLinearTimeouts: 0,
  synackRetries: 5,
  retries2: 15,
  orphanRetries: 8,
  finTimeout: 60,
  keepalive: false,
  autoRead: true,
  mss: 1460,
  invalidRatelimit: 0.5,
  window: 65535,
};

/** Options with durations in whole milliseconds, as the engine uses them. */
export interface EngineOptions {
  readonly timeWaitMs: number;
  readonly delayedAck: boolean;
  readonly delayedAckMs: number;
  readonly quickAcks: number;
  readonly rtoInitialMs: number;
  readonly rtoMinMs: number;
  readonly rtoMaxMs: number;
  readonly synRetries: number;
  readonly synLinearTimeouts: number;
  readonly synackRetries: number;
  readonly retries2: number;
  readonly orphanRetries: number;
  readonly finTimeoutMs: number;
  readonly keepalive: { readonly idleMs: number; readonly intervalMs: number; readonly probes: number } | false;
  readonly autoRead: boolean;
  readonly mss: number;
  readonly invalidRatelimitMs: number;
  readonly window: number;
}

export function secondsToMs(s: number): number {
  return Math.round(s * 1000);
}

export function toEngineOptions(o: Options): EngineOptions {
  return {
    timeWaitMs: secondsToMs(o.timeWait),
    delayedAck: o.delayedAck,
    delayedAckMs: secondsToMs(o.delayedAckTimeout),
    quickAcks: o.quickAcks,
    rtoInitialMs: secondsToMs(o.rtoInitial),
    rtoMinMs: secondsToMs(o.rtoMin),
    rtoMaxMs: secondsToMs(o.rtoMax),
    synRetries: o.synRetries,
    synLinearTimeouts: o.synLinearTimeouts,
    synackRetries: o.synackRetries,
    retries2: o.retries2,
    orphanRetries: o.orphanRetries,
    finTimeoutMs: secondsToMs(o.finTimeout),
    keepalive: o.keepalive
      ? {
          idleMs: secondsToMs(o.keepalive.idle),
          intervalMs: secondsToMs(o.keepalive.interval),
          probes: o.keepalive.probes,
        }
      : false,
    autoRead: o.autoRead,
    mss: o.mss,
    invalidRatelimitMs: secondsToMs(o.invalidRatelimit),
    window: o.window,
  };
}
