/**
 * Properties of the whole engine over random scenarios: arbitrary socket calls from either side, lost segments,
 * waits, random or wrap-around initial sequence numbers and random options. fast-check shrinks a failure to a
 * short scenario; paste it into a DSL test to debug it.
 *
 * The runs are seeded, so that CI sees the same two thousand scenarios every time. To explore further:
 *   TCP_PROPERTY_SEED=random TCP_PROPERTY_RUNS=20 npx vitest run test/engine/properties.test.ts
 * (TCP_PROPERTY_SEED=<n> picks another fixed seed; TCP_PROPERTY_RUNS multiplies the number of runs.)
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_OPTIONS,
  isTcpState,
  type Options,
  peerOf,
  runScenario,
  type Scenario,
  type ScenarioStep,
  seqAdd,
  type Side,
  type TcpState,
  type Trace,
  type TraceSegment,
} from "../../src/engine";
import { abort, close, connect, listen, lose, path, run, send, timedWire, wait, wire } from "./dsl";

const RUNS_FACTOR = Number(process.env.TCP_PROPERTY_RUNS ?? "1");
const SEED_SETTING = process.env.TCP_PROPERTY_SEED ?? "9293";
const BASE_SEED = SEED_SETTING === "random" ? undefined : Number(SEED_SETTING);

/** fast-check settings for one property: its share of the runs, and its own seed so properties see different cases. */
function settings(numRuns: number, salt: number): { numRuns: number; seed?: number } {
  const n = Math.max(1, Math.round(numRuns * RUNS_FACTOR));
  return BASE_SEED === undefined ? { numRuns: n } : { numRuns: n, seed: BASE_SEED + salt };
}

/** Vitest's 5 s default, stretched when TCP_PROPERTY_RUNS asks for more runs. */
const TIMEOUT = { timeout: 5_000 * Math.max(1, RUNS_FACTOR) };

// ---- generators ----------------------------------------------------------------------------------------------------

const SIDE_SETS: readonly (readonly Side[])[] = [["client"], ["server"], ["client", "server"], ["server", "client"]];
/** Every flag combination the engine sends, as the trace writes it. */
const SENT_FLAGS = ["S", "SA", "A", "PA", "FA", "RA", "R"] as const;

const side = fc.constantFrom<Side>("client", "server");
const sides = fc.constantFrom(...SIDE_SETS);

/** Whole seconds, milliseconds, and the durations where timers sit (delayed ACK, RTO floor, RTO, TIME_WAIT). */
const seconds = fc.oneof(
  fc.integer({ min: 0, max: 200 }),
  fc.integer({ min: 0, max: 200_000 }).map((ms) => ms / 1000),
  fc.constantFrom(0.04, 0.2, 1, 3, 60, 61),
);

type SidesVerb = "listen" | "connect" | "read" | "close" | "shutdown" | "abort";
const sidesStep = (verb: SidesVerb): fc.Arbitrary<ScenarioStep> => sides.map((s) => ({ verb, sides: s }));

const loseStep: fc.Arbitrary<ScenarioStep> = fc
  .record({ from: side, flags: fc.constantFrom(...SENT_FLAGS), count: fc.integer({ min: 1, max: 3 }) })
  .map(({ from, flags, count }): ScenarioStep => ({ verb: "lose", from, flags, count }));

const scenarioStep: fc.Arbitrary<ScenarioStep> = fc.oneof(
  { weight: 2, arbitrary: sidesStep("listen") },
  { weight: 2, arbitrary: sidesStep("connect") },
  {
    weight: 4,
    arbitrary: fc
      .record({ side, bytes: fc.integer({ min: 1, max: 5000 }) })
      .map(({ side: s, bytes }): ScenarioStep => ({ verb: "send", side: s, bytes })),
  },
  { weight: 1, arbitrary: sidesStep("read") },
  { weight: 2, arbitrary: sidesStep("close") },
  { weight: 1, arbitrary: sidesStep("shutdown") },
  { weight: 1, arbitrary: sidesStep("abort") },
  { weight: 3, arbitrary: loseStep },
  { weight: 3, arbitrary: seconds.map((s): ScenarioStep => ({ verb: "wait", seconds: s })) },
  {
    weight: 1,
    arbitrary: fc
      .record({ side, reuseaddr: fc.boolean() })
      .map(({ side: s, reuseaddr }): ScenarioStep => ({ verb: "bind", side: s, reuseaddr })),
  },
);

/** Most scenarios start connected, so that the random steps reach the states after the handshake. */
const OPENINGS: readonly (readonly ScenarioStep[])[] = [
  [],
  [
    { verb: "listen", sides: ["server"] },
    { verb: "connect", sides: ["client"] },
  ],
  [
    { verb: "listen", sides: ["server"] },
    { verb: "connect", sides: ["client"] },
    { verb: "send", side: "client", bytes: 3000 },
  ],
  // A second connection while the first one's TIME_WAIT runs on in the background (client side, then server side).
  [
    { verb: "listen", sides: ["server"] },
    { verb: "connect", sides: ["client"] },
    { verb: "close", sides: ["client"] },
    { verb: "wait", seconds: 1 },
    { verb: "close", sides: ["server"] },
    { verb: "listen", sides: ["server"] },
    { verb: "connect", sides: ["client"] },
  ],
  [
    { verb: "bind", side: "server", reuseaddr: true },
    { verb: "listen", sides: ["server"] },
    { verb: "connect", sides: ["client"] },
    { verb: "close", sides: ["server"] },
    { verb: "wait", seconds: 1 },
    { verb: "close", sides: ["client"] },
    { verb: "bind", side: "server", reuseaddr: true },
    { verb: "listen", sides: ["server"] },
    { verb: "connect", sides: ["client"] },
  ],
];

/** Unset (seeded random), anywhere, or within a few segments of wrapping past 2^32. */
const isn = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  fc.integer({ min: 4294967200, max: 4294967295 }),
);

const options: fc.Arbitrary<Options> = fc
  .record({
    delayedAck: fc.boolean(),
    keepalive: fc.oneof(
      fc.constant(false as const),
      fc.record({
        idle: fc.integer({ min: 1, max: 60 }),
        interval: fc.integer({ min: 1, max: 20 }),
        probes: fc.integer({ min: 1, max: 9 }),
      }),
    ),
    timeWait: fc.integer({ min: 1, max: 120 }),
    synLinearTimeouts: fc.integer({ min: 0, max: 4 }),
    autoRead: fc.boolean(),
  })
  .map((o) => ({ ...DEFAULT_OPTIONS, ...o }));

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    /** Losses armed before the opening reach the handshake: SYN and SYN+ACK retransmission, half-open drops. */
    losses: fc.array(loseStep, { maxLength: 3 }),
    opening: fc.constantFrom(...OPENINGS),
    steps: fc.array(scenarioStep, { maxLength: 25 }),
    clientIsn: isn,
    serverIsn: isn,
    options,
  })
  .map(({ losses, opening, steps, clientIsn, serverIsn, options: o }) => ({
    client: { isn: clientIsn },
    server: { isn: serverIsn },
    options: o,
    steps: [...losses, ...opening, ...steps],
  }));

const seed = fc.integer({ min: 0, max: 2 ** 32 - 1 });

// ---- what each property checks -------------------------------------------------------------------------------------

function deepFreeze<T>(x: T): T {
  if (typeof x === "object" && x !== null) {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

/** The sequence number just after the segment: SYN and FIN take one each (RFC 9293 §3.4). */
function seqEnd(s: TraceSegment): number {
  return seqAdd(s.seq, s.len + (s.flags.includes("S") ? 1 : 0) + (s.flags.includes("F") ? 1 : 0));
}

/** Steps that can give a side a new socket (which starts in CLOSED): listen, connect, bind. */
function opensSocket(step: ScenarioStep | undefined, s: Side): boolean {
  if (step === undefined) return false;
  switch (step.verb) {
    case "listen":
    case "connect":
      return step.sides.includes(s);
    case "bind":
      return step.side === s;
    default:
      return false;
  }
}

function opensBetween(steps: readonly ScenarioStep[], s: Side, first: number, last: number): boolean {
  for (let i = Math.max(0, first); i <= last; i++) if (opensSocket(steps[i], s)) return true;
  return false;
}

/**
 * Every state is one of the eleven, no event is a self-loop, and each side's foreground state events chain: an
 * event's `from` is the `to` of that side's previous one. The one legitimate break is a new socket (CLOSED)
 * replacing the old one, which only listen, connect and bind do, between the two events. Background events belong
 * to connections the application moved on from and are not part of the chain. `final` ends the chain the same way.
 */
function stateViolations(t: Trace, steps: readonly ScenarioStep[]): string[] {
  const out: string[] = [];
  const last: Record<Side, { state: TcpState; step: number }> = {
    client: { state: "CLOSED", step: 0 },
    server: { state: "CLOSED", step: 0 },
  };
  t.events.forEach((e, i) => {
    if (e.type !== "state") return;
    if (!isTcpState(e.from) || !isTcpState(e.to)) out.push(`event ${i}: not a TCP state: ${e.from} → ${e.to}`);
    if (e.from === e.to) out.push(`event ${i}: ${e.side} ${e.from} → ${e.to} changes nothing`);
    if (e.background) return;
    const prev = last[e.side];
    const chains = e.from === prev.state || (e.from === "CLOSED" && opensBetween(steps, e.side, prev.step, e.step));
    if (!chains) out.push(`event ${i} (step ${e.step}): ${e.side} ${e.from} → ${e.to}, but it was in ${prev.state}`);
    last[e.side] = { state: e.to, step: e.step };
  });
  for (const s of ["client", "server"] as const) {
    const f = t.final[s];
    if (!isTcpState(f)) out.push(`final ${s}: not a TCP state: ${f}`);
    const ends = f === last[s].state || (f === "CLOSED" && opensBetween(steps, s, last[s].step, steps.length - 1));
    if (!ends) out.push(`final ${s} is ${f}, but its last state event went to ${last[s].state}`);
  }
  return out;
}

/**
 * ACKs are never ahead of the peer. An ACK carries RCV.NXT, which only ever becomes the end (seq + len + SYN + FIN)
 * of a segment that arrived, and the reset that answers a stray segment acks exactly that segment's end
 * (RFC 9293 §3.10.7.1). So every ack must equal the sequence-space end of some earlier segment from the peer that
 * the network delivered. Equality is stronger than "≤ the highest end the peer sent", and unlike a maximum in
 * sequence space (which has no total order) it stays meaningful across reconnections with unrelated ISNs, old
 * TIME_WAIT connections answering, and resets from the kernel, which carry no connection in the trace.
 */
function ackViolations(t: Trace): string[] {
  const out: string[] = [];
  const delivered: Record<Side, Set<number>> = { client: new Set(), server: new Set() };
  t.segments.forEach((s, i) => {
    if (s.flags.includes("A")) {
      const ends = delivered[peerOf(s.from)];
      if (!ends.has(s.ack)) {
        out.push(`segment ${i} (step ${s.step}): ${s.from} ${s.flags} ${s.seq}/${s.ack} acks no end the peer sent`);
      }
    }
    if (!s.lost) delivered[s.from].add(seqEnd(s));
  });
  return out;
}

/** Closing both sides and waiting longer than any timer (15 retries at RTO_MAX, 9 keepalive probes, TIME_WAIT). */
const WIND_DOWN: readonly ScenarioStep[] = [
  { verb: "close", sides: ["client", "server"] },
  { verb: "wait", seconds: 10_000 },
  { verb: "wait", seconds: 10_000 },
];

// ---- the properties ------------------------------------------------------------------------------------------------

describe("the property checks themselves", () => {
  const steps: readonly ScenarioStep[] = [
    { verb: "listen", sides: ["server"] },
    { verb: "connect", sides: ["client"] },
    { verb: "send", side: "client", bytes: 100 },
  ];
  const wrapping: Scenario = { client: { isn: 4294967295 }, server: { isn: 5000 }, options: DEFAULT_OPTIONS, steps };
  const t = runScenario(wrapping, { seed: 1 });

  it("pass a real trace, across the 2^32 wrap", () => {
    expect(t.segments.map((s) => `${s.from} ${s.flags} ${s.seq}/${s.ack}`)).toContain("server A 5001/100");
    expect(stateViolations(t, steps)).toEqual([]);
    expect(ackViolations(t)).toEqual([]);
  });

  it("catch an ACK one ahead and a state event out of chain", () => {
    const last = t.segments.length - 1;
    const ahead = { ...t, segments: t.segments.map((s, i) => (i === last ? { ...s, ack: seqAdd(s.ack, 1) } : s)) };
    expect(ackViolations(ahead)).toHaveLength(1);
    const skipped = { ...t, events: t.events.filter((e, i) => !(i === 0 && e.type === "state")) };
    expect(stateViolations(skipped, steps)).not.toEqual([]);
  });
});

describe("the engine over random scenarios", () => {
  it("runScenario never throws and never changes its input", TIMEOUT, () => {
    fc.assert(
      fc.property(scenario, seed, (sc, sd) => {
        runScenario(deepFreeze(sc), { seed: sd });
      }),
      settings(300, 1),
    );
  });

  it("every state is one of the eleven, and each side's state events chain from one to the next", TIMEOUT, () => {
    fc.assert(
      fc.property(scenario, seed, (sc, sd) => {
        expect(stateViolations(runScenario(sc, { seed: sd }), sc.steps)).toEqual([]);
      }),
      settings(500, 2),
    );
  });

  it("no ACK acknowledges more than the peer has sent (32-bit sequence space)", TIMEOUT, () => {
    fc.assert(
      fc.property(scenario, seed, (sc, sd) => {
        expect(ackViolations(runScenario(sc, { seed: sd }))).toEqual([]);
      }),
      settings(500, 3),
    );
  });

  it("after both close and every timer runs out, both are CLOSED or LISTEN and the network is quiet", TIMEOUT, () => {
    fc.assert(
      fc.property(scenario, seed, (sc, sd) => {
        const steps = [...sc.steps, ...WIND_DOWN];
        const t = runScenario({ ...sc, steps }, { seed: sd });
        expect(["CLOSED", "LISTEN"]).toContain(t.final.client);
        expect(["CLOSED", "LISTEN"]).toContain(t.final.server);
        // The second long wait finds nothing left to time out: no retransmission, probe or stray reply.
        expect(t.segments.filter((s) => s.step === steps.length - 1)).toEqual([]);
      }),
      settings(400, 4),
    );
  });

  it("is deterministic: the same scenario and seed give the same trace", TIMEOUT, () => {
    fc.assert(
      fc.property(scenario, seed, (sc, sd) => {
        expect(runScenario(sc, { seed: sd })).toEqual(runScenario(sc, { seed: sd }));
      }),
      settings(300, 5),
    );
  });
});

/** Regression tests for the engine bugs these properties found, each as the shortest scenario that showed it. */
describe("regressions found by the properties", () => {
  // The server's second connect() used to reuse the client's port, the 4-tuple its orphaned first connection still
  // held; the client's data then reached the orphan and the two ACKed each other forever. Now a server connect()
  // gets a fresh address pair (there is no listening client, so the client host answers with RST), and ACKs to
  // out-of-window segments are rate-limited as Linux's tcp_invalid_ratelimit does.
  it("a server that connects out while its orphaned first connection lives gets a new 4-tuple; the network settles", () => {
    const steps = [
      listen("server"),
      lose("server", "SA"),
      connect("client"),
      close("server"),
      connect("server"),
      lose("server", "RA"),
      abort("server"),
      send("client", 1),
    ];
    const t = run(steps, { seed: 7 });
    expect(wire(t).slice(3)).toEqual(["server S 50271532/0", "client RA 0/50271533"]);
    expect(t.final).toEqual({ client: "SYN_SENT", server: "CLOSED" });
  });

  // close() in SYN_RECEIVED queues a FIN behind the unacknowledged SYN+ACK; the retransmission timer used to resend
  // that head as an empty data segment ("PA 5000/1001"). It must resend the SYN+ACK.
  it("server closes in SYN_RECEIVED with its SYN+ACK lost → at 1 s it resends SA 5000/1001, not an empty PA", () => {
    const t = run([listen("server"), lose("server", "SA"), connect("client"), close("server"), wait(1)]);
    expect(timedWire(t)).toEqual([
      "0.000 client S 1000/0",
      "0.000 server SA 5000/1001 lost",
      "0.000 server FA 5001/1001",
      "1.000 client S 1000/0",
      "1.000 server A 5002/1001",
      "1.000 server SA 5000/1001",
      "1.000 client A 1001/5001",
    ]);
    expect(path(t, "server")).toEqual(["CLOSED", "LISTEN", "SYN_RECEIVED", "FIN_WAIT_1"]);
  });
});
