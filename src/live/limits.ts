/**
 * The live server's limits, and the per-address counters that enforce them.
 *
 * A whole class often reaches the host from ONE address (a school's NAT, a phone hotspot), so the per-address
 * limits are set for a class, not a person: 200 students typing `join` within twenty seconds get in (and a client
 * refused for the rate tries again by itself), and five students mistyping the PIN do not lock the class out. A
 * script guessing PINs gets about 20 tries a minute: half the million 6-digit PINs take it weeks. A rejoin that
 * proves itself with its token is not counted at all (the whole class reconnecting after the Wi-Fi drops).
 */
export interface LiveLimits {
  /** Players in the room (new names refused beyond it; rejoins always let in). */
  readonly maxPlayers: number;
  /** Open WebSocket connections of every kind; an upgrade beyond it gets HTTP 503. */
  readonly maxConnections: number;
  /** A /play connection that has not joined by then is closed ("no join"). */
  readonly joinTimeoutMs: number;
  /** Every connection is pinged this often; one that did not answer the previous ping is cut (marked left). */
  readonly heartbeatMs: number;
  /** Joins (new or not, right PIN or wrong) per address per window; a refused one may try again after a while. */
  readonly joins: number;
  readonly joinWindowMs: number;
  /** Wrong PINs per address per window; beyond it the address is refused for `wrongPinBlockMs`. */
  readonly wrongPins: number;
  readonly wrongPinWindowMs: number;
  readonly wrongPinBlockMs: number;
  /** A client that lets this much of our output pile up unread is cut: it would hold the host's memory. */
  readonly maxBufferedBytes: number;
}

export const DEFAULT_LIMITS: LiveLimits = {
  maxPlayers: 500,
  maxConnections: 1000,
  joinTimeoutMs: 10_000,
  heartbeatMs: 10_000,
  joins: 100,
  joinWindowMs: 10_000,
  wrongPins: 20,
  wrongPinWindowMs: 60_000,
  wrongPinBlockMs: 60_000,
  maxBufferedBytes: 4 * 1024 * 1024,
};

/**
 * Counts events per key in fixed windows: `allow` says whether one more fits in the key's current window. Windows
 * that are over are forgotten as new keys come, so a flood of addresses does not grow the map for ever.
 */
export class WindowCounter {
  private readonly counts = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one event for `key` at `now`; false when it is over the limit (it still counts). */
  hit(key: string, now: number): boolean {
    let entry = this.counts.get(key);
    if (entry === undefined || now - entry.start >= this.windowMs) {
      if (entry === undefined && this.counts.size >= 1024) this.sweep(now);
      entry = { start: now, count: 0 };
      this.counts.set(key, entry);
    }
    entry.count++;
    return entry.count <= this.limit;
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.counts) if (now - entry.start >= this.windowMs) this.counts.delete(key);
  }
}

/** Addresses refused until a time (after too many wrong PINs). */
export class Blocklist {
  private readonly until = new Map<string, number>();

  block(key: string, until: number): void {
    this.until.set(key, until);
  }

  blocked(key: string, now: number): boolean {
    const end = this.until.get(key);
    if (end === undefined) return false;
    if (now < end) return true;
    this.until.delete(key);
    return false;
  }
}
