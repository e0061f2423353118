import type { AppCall } from "./calls";
import { Draft } from "./draft";
import { step, type EndpointEvent } from "./endpoint";
import type { Errno, SocketCall } from "./errno";
import type { Note } from "./note";
import { type EngineOptions, secondsToMs, toEngineOptions } from "./options";
import { replyToStray } from "./receive";
import { nextUint32, type Rng, seedRng } from "./rng";
import type { Scenario, ScenarioStep } from "./scenario";
import { formatFlags, peerOf, type Segment, type Side, SIDES } from "./segment";
import { TIMER_KINDS, type Tcb, type TimerKind, newTcb } from "./tcb";
import type { Trace, TraceEvent, TraceSegment } from "./trace";

export interface RunOptions {
  /** Seeds the generator for initial sequence numbers the scenario leaves out. */
  readonly seed: number;
}

/** Runs a whole scenario and returns its trace. Pure: the same scenario and seed give the same trace. */
export function runScenario(scenario: Scenario, run: RunOptions): Trace {
  const sim = new Simulation(scenario, run.seed);
  scenario.steps.forEach((s, i) => sim.apply(s, i));
  return sim.trace();
}

/**
 * A connection as a host's kernel holds it. `conn` names the connection's 4-tuple: the client's ephemeral port,
 * so that a client that reconnects while its old connection sits in TIME_WAIT has two distinct connections.
 */
interface Conn {
  tcb: Tcb;
  conn: number;
}

interface Host {
  /** The socket the application holds (or held last). */
  socket: Conn;
  /** Whether the application still holds `socket` (close and abort release it). */
  fdOpen: boolean;
  /** The application has bound `socket` to the service port (bind or listen). */
  bound: boolean;
  /** Connections the application moved on from that the kernel still runs (TIME_WAIT, an orphaned close). */
  kernelOnly: Conn[];
  isnsUsed: number;
}

interface InFlight {
  readonly from: Side;
  readonly conn: number;
  readonly segment: Segment;
  /** Its line in the trace, which learns when it arrives. */
  readonly record: { arrival?: number };
}

interface LossRule {
  readonly from: Side;
  readonly flags: string;
  remaining: number;
}

function findConn(h: Host, test: (c: Conn) => boolean): Conn | undefined {
  if (test(h.socket)) return h.socket;
  for (const c of h.kernelOnly) if (test(c)) return c;
  return undefined;
}

/** A socket that has not been used for anything yet. */
function isFresh(tcb: Tcb): boolean {
  return tcb.state === "CLOSED" && !tcb.wasConnected;
}

/** Bound on deliveries per step: a well-behaved engine settles in a handful; a loop is a bug, reported loudly. */
const MAX_DELIVERIES_PER_STEP = 10_000;

/**
 * Two hosts and the network between them, in virtual time (ms). The network delivers in order with no delay;
 * segments are lost only by the scenario's `lose` rules.
 */
export class Simulation {
  private now = 0;
  private stepIndex = 0;
  private rng: Rng;
  private readonly o: EngineOptions;
  private readonly hosts: Record<Side, Host>;
  private readonly isnSetting: Record<Side, number | undefined>;
  private inFlight: InFlight[] = [];
  private readonly lossRules: LossRule[] = [];
  private readonly segments: TraceSegment[] = [];
  private readonly events: TraceEvent[] = [];
  private nextClientPort = 1;
  /** Counts segments and events together, so the trace keeps their relative order. */
  private order = 0;

  constructor(scenario: Scenario, seed: number) {
    this.o = toEngineOptions(scenario.options);
    this.rng = seedRng(seed);
    this.isnSetting = { client: scenario.client.isn, server: scenario.server.isn };
    this.hosts = { client: this.newHost(), server: this.newHost() };
  }

  private newHost(): Host {
    return { socket: { tcb: newTcb(0), conn: 0 }, fdOpen: false, bound: false, kernelOnly: [], isnsUsed: 0 };
  }

  stateOf(side: Side) {
    return this.hosts[side].socket.tcb.state;
  }

  trace(): Trace {
    return {
      segments: this.segments,
      events: this.events,
      final: { client: this.stateOf("client"), server: this.stateOf("server") },
    };
  }

  apply(s: ScenarioStep, index: number): void {
    this.stepIndex = index;
    switch (s.verb) {
      case "listen":
      case "connect":
      case "read":
      case "close":
      case "shutdown":
      case "abort":
        // Several sides in one step all call before anything is delivered: simultaneous open or close.
        for (const side of s.sides) this.call(side, { call: s.verb });
        break;
      case "send":
        this.call(s.side, { call: "send", bytes: s.bytes });
        break;
      case "bind":
        this.bind(s.side, s.reuseaddr);
        break;
      case "lose":
        this.lossRules.push({ from: s.from, flags: s.flags, remaining: s.count });
        break;
      case "wait":
        this.advance(secondsToMs(s.seconds));
        break;
    }
    this.settle();
  }

  // ---- the application's calls -------------------------------------------------------------------------------

  private call(side: Side, c: AppCall): void {
    const h = this.hosts[side];
    switch (c.call) {
      case "listen":
        if ((!h.fdOpen || (!h.bound && isFresh(h.socket.tcb))) && !this.claimPort(side, "listen", false)) return;
        break;
      case "connect":
        if (!h.fdOpen) this.openSocket(side, false);
        if (h.socket.tcb.state === "CLOSED") this.assignConn(side, h.socket);
        break;
      case "send":
      case "read":
      case "close":
      case "shutdown":
      case "abort":
        if (!h.fdOpen) return this.error(side, c.call, "EBADF");
        break;
    }
    this.run(side, h.socket, { kind: "call", call: c });
    if (c.call === "close" || c.call === "abort") h.fdOpen = false;
  }

  private bind(side: Side, reuseaddr: boolean): void {
    const h = this.hosts[side];
    if (h.fdOpen && (h.bound || h.socket.tcb.state !== "CLOSED" || h.socket.tcb.wasConnected)) {
      return this.error(side, "bind", "EINVAL");
    }
    this.claimPort(side, "bind", reuseaddr);
  }

  /**
   * bind() to the service port, explicitly or as part of listen(): refused with EADDRINUSE while another socket
   * holds the port, a TIME_WAIT connection included, unless both sockets set SO_REUSEADDR and the other is not
   * listening (Linux inet_csk_bind_conflict).
   */
  private claimPort(side: Side, call: SocketCall, reuseaddr: boolean): boolean {
    const h = this.hosts[side];
    if (h.fdOpen && h.bound) return true;
    const fresh = h.fdOpen && isFresh(h.socket.tcb);
    const reuse = reuseaddr || (fresh && h.socket.tcb.reuseaddr);
    const holders = fresh ? h.kernelOnly : [h.socket, ...h.kernelOnly];
    const conflict = holders.some(
      ({ tcb }) => tcb.state !== "CLOSED" && !(reuse && tcb.reuseaddr && tcb.state !== "LISTEN"),
    );
    if (conflict) {
      this.error(side, call, "EADDRINUSE");
      return false;
    }
    if (!fresh) this.openSocket(side, reuse);
    else if (reuse) h.socket.tcb = { ...h.socket.tcb, reuseaddr: true };
    h.bound = true;
    return true;
  }

  /** socket(): a new descriptor; the connection it replaces stays with the kernel until it reaches CLOSED. */
  private openSocket(side: Side, reuseaddr: boolean): void {
    const h = this.hosts[side];
    if (h.socket.tcb.state !== "CLOSED") h.kernelOnly.push(h.socket);
    h.socket = { tcb: newTcb(this.nextIsn(side), reuseaddr), conn: 0 };
    h.fdOpen = true;
    h.bound = false;
  }

  /** A connecting client socket takes a new ephemeral port; a server connecting out aims at the client's. */
  private assignConn(side: Side, c: Conn): void {
    if (side === "client") {
      c.conn = this.nextClientPort++;
      return;
    }
    // Simultaneous open: the server's SYN meets the client's connecting socket. Otherwise it goes to a fresh
    // address pair (a listening client, or no one), never to one a server connection already uses.
    const client = this.hosts.client.socket;
    const server = this.hosts.server;
    const taken = (conn: number) => server.kernelOnly.some((k) => k.conn === conn && k.tcb.state !== "CLOSED");
    if (client.tcb.state === "SYN_SENT" && !taken(client.conn)) {
      c.conn = client.conn;
      return;
    }
    c.conn = this.nextClientPort++;
  }

  private nextIsn(side: Side): number {
    const h = this.hosts[side];
    const configured = h.isnsUsed === 0 ? this.isnSetting[side] : undefined;
    h.isnsUsed += 1;
    if (configured !== undefined) return configured;
    const r = nextUint32(this.rng);
    this.rng = r.rng;
    return r.value;
  }

  // ---- the network --------------------------------------------------------------------------------------------

  /** Delivers every segment in flight, and whatever they trigger, until the network is quiet. */
  private settle(): void {
    let deliveries = 0;
    while (this.inFlight.length > 0) {
      if (++deliveries > MAX_DELIVERIES_PER_STEP) {
        throw new Error(`engine bug: the network did not settle in step ${this.stepIndex}`);
      }
      const next = this.inFlight.shift() as InFlight;
      next.record.arrival = this.order++;
      this.deliver(peerOf(next.from), next.conn, next.segment);
    }
  }

  /** Demultiplexes an arriving segment to its connection, a listener, or no one (RFC 9293 §3.10.7.1). */
  private deliver(side: Side, conn: number, seg: Segment): void {
    const h = this.hosts[side];
    const match = findConn(h, (c) => c.conn === conn && c.tcb.state !== "CLOSED" && c.tcb.state !== "LISTEN");
    if (match) return this.run(side, match, { kind: "segment", segment: seg });
    const listener = findConn(h, (c) => c.tcb.state === "LISTEN");
    if (listener && seg.flags.syn && !seg.flags.ack) {
      listener.conn = conn;
      return this.run(side, listener, { kind: "segment", segment: seg });
    }
    if (listener) return this.run(side, listener, { kind: "segment", segment: seg });
    // No connection: the kernel answers for the port (a reset, unless it was one).
    const d = new Draft(newTcb(0), this.now, this.o);
    replyToStray(d, seg);
    for (const out of d.sent) this.transmit(side, conn, out, undefined);
  }

  private transmit(from: Side, conn: number, segment: Segment, cause: TimerKind | undefined): void {
    const flags = formatFlags(segment.flags);
    const rule =
      this.lossRules.length === 0
        ? undefined
        : this.lossRules.find((r) => r.from === from && r.flags === flags && r.remaining > 0);
    if (rule) rule.remaining -= 1;
    const lost = rule !== undefined;
    const t = this.now / 1000;
    const { seq, ack, len } = segment;
    const step = this.stepIndex;
    const order = this.order++;
    const record: { -readonly [K in keyof TraceSegment]: TraceSegment[K] } = cause
      ? { from, flags, seq, ack, len, lost, t, step, order, cause }
      : { from, flags, seq, ack, len, lost, t, step, order };
    this.segments.push(record);
    if (!rule) this.inFlight.push({ from, conn, segment, record });
  }

  // ---- endpoints ----------------------------------------------------------------------------------------------

  private run(side: Side, c: Conn, event: EndpointEvent): void {
    const h = this.hosts[side];
    const result = step(c.tcb, event, this.now, this.o);
    c.tcb = result.tcb;
    const background = c !== h.socket;
    for (const n of result.notes) this.record(side, n, background);
    const cause = event.kind === "timer" ? event.timer : undefined;
    for (const s of result.sent) this.transmit(side, c.conn, s, cause);
    if (background && c.tcb.state === "CLOSED") h.kernelOnly = h.kernelOnly.filter((k) => k !== c);
  }

  private record(side: Side, n: Note, background: boolean): void {
    const t = this.now / 1000;
    const step = this.stepIndex;
    const order = this.order++;
    switch (n.kind) {
      case "state":
        this.events.push(
          background
            ? { t, side, step, order, type: "state", from: n.from, to: n.to, background }
            : { t, side, step, order, type: "state", from: n.from, to: n.to },
        );
        return;
      case "error":
        this.events.push({ t, side, step, order, type: "error", call: n.call, errno: n.errno });
        return;
      case "so_error":
        this.events.push({ t, side, step, order, type: "so_error", errno: n.errno });
        return;
      case "read":
        this.events.push({ t, side, step, order, type: "read", bytes: n.bytes, eof: n.eof });
        return;
    }
  }

  private error(side: Side, call: SocketCall, errno: Errno): void {
    this.record(side, { kind: "error", call, errno }, false);
  }

  // ---- time ---------------------------------------------------------------------------------------------------

  /** Moves virtual time forward, firing timers in order (ties: client first, then timer kind). */
  private advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = this.earliestTimer(until);
      if (!due) break;
      this.now = due.at;
      this.run(due.side, due.conn, { kind: "timer", timer: due.timer });
      this.settle();
    }
    this.now = until;
  }

  private earliestTimer(until: number): { at: number; side: Side; conn: Conn; timer: TimerKind } | undefined {
    let best: { at: number; side: Side; conn: Conn; timer: TimerKind } | undefined;
    for (const side of SIDES) {
      const h = this.hosts[side];
      for (let i = -1; i < h.kernelOnly.length; i++) {
        const conn = i < 0 ? h.socket : (h.kernelOnly[i] as Conn);
        const timers = conn.tcb.timers;
        for (const timer of TIMER_KINDS) {
          const at = timers[timer];
          if (at === undefined || at > until) continue;
          if (!best || at < best.at) best = { at, side, conn, timer };
        }
      }
    }
    return best;
  }
}
