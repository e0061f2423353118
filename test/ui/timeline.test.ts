import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { traceOfVector } from "../fixtures/traceVectors";
import { DEFAULT_OPTIONS, runScenario, type ScenarioStep, type Side, type Trace } from "../../src/engine";
import { type TimelineItem, timeline } from "../../src/ui/timeline";

const traceOf = traceOfVector;

/** "client S", "server → SYN_RECEIVED", "client connect() ECONNREFUSED". */
function show(x: TimelineItem): string {
  if (x.kind === "segment") return `${x.segment.from} ${x.segment.flags}${x.segment.lost ? " lost" : ""}`;
  const e = x.event;
  switch (e.type) {
    case "state":
      return `${e.side} → ${e.to}`;
    case "error":
      return `${e.side} ${e.call}() ${e.errno}`;
    case "so_error":
      return `${e.side} SO_ERROR ${e.errno}`;
    case "read":
      return `${e.side} read ${e.bytes}`;
  }
}

const order = (t: Trace): string[] => timeline(t).map(show);

describe("segments and events in the order they happened (they share step and t within a step)", () => {
  it("handshake: each call's state change before the segment it sends, each receiver's after the arrival", () => {
    expect(order(traceOf("classic.json")).slice(0, 8)).toEqual([
      "server → LISTEN",
      "client → SYN_SENT",
      "client S",
      "server → SYN_RECEIVED",
      "server SA",
      "client → ESTABLISHED",
      "client A",
      "server → ESTABLISHED",
    ]);
  });

  it("classic close: CLOSE_WAIT on the FIN, FIN_WAIT_2 on the delayed ACK, LAST_ACK before the server's FIN", () => {
    expect(order(traceOf("classic.json")).slice(8)).toEqual([
      "client PA",
      "server A",
      "client → FIN_WAIT_1",
      "client FA",
      "server → CLOSE_WAIT",
      "server A",
      "client → FIN_WAIT_2",
      "server → LAST_ACK",
      "server FA",
      "client → TIME_WAIT",
      "client A",
      "server → CLOSED",
    ]);
  });

  it("refused: the RST arrives before connect() fails and the client returns to CLOSED", () => {
    expect(order(traceOf("refused.json"))).toEqual([
      "client → SYN_SENT",
      "client S",
      "server RA",
      "client connect() ECONNREFUSED",
      "client → CLOSED",
    ]);
  });

  it("abort: the client is CLOSED as it sends RST; the server records ECONNRESET on arrival", () => {
    expect(order(traceOf("abort.json")).slice(-4)).toEqual([
      "client → CLOSED",
      "client RA",
      "server SO_ERROR ECONNRESET",
      "server → CLOSED",
    ]);
  });

  it("simultaneous close: both FINs go out before either arrives, then each side passes CLOSING", () => {
    expect(order(traceOf("simulclose.json")).slice(8)).toEqual([
      "client → FIN_WAIT_1",
      "client FA",
      "server → FIN_WAIT_1",
      "server FA",
      "server → CLOSING",
      "server A",
      "client → CLOSING",
      "client A",
      "client → TIME_WAIT",
      "server → TIME_WAIT",
    ]);
  });
});

// ---- every trace: a merge of the two arrays ----------------------------------------------------------------------

const side = fc.constantFrom<Side>("client", "server");
const sides = fc.constantFrom<Side[]>(["client"], ["server"], ["client", "server"], ["server", "client"]);
const step: fc.Arbitrary<ScenarioStep> = fc.oneof(
  fc.constantFrom("listen", "connect", "read", "close", "shutdown", "abort").chain((verb) =>
    sides.map((s): ScenarioStep => ({ verb, sides: s })),
  ),
  fc.record({ side, bytes: fc.integer({ min: 1, max: 5000 }) }).map((s): ScenarioStep => ({ verb: "send", ...s })),
  fc
    .record({
      from: side,
      flags: fc.constantFrom("S", "SA", "A", "PA", "FA", "RA"),
      count: fc.integer({ min: 1, max: 3 }),
    })
    .map((s): ScenarioStep => ({ verb: "lose", ...s })),
  fc.constantFrom(0.04, 0.2, 1, 3, 61).map((seconds): ScenarioStep => ({ verb: "wait", seconds })),
);
const OPENING: ScenarioStep[] = [
  { verb: "listen", sides: ["server"] },
  { verb: "connect", sides: ["client"] },
];

describe("for any scenario, the timeline is a merge of the trace's two arrays", () => {
  it("holds every segment and event once, numbered in one sequence with the arrivals, never going back in (step, t)", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), fc.boolean(), (steps, delayedAck) => {
        const options = { ...DEFAULT_OPTIONS, delayedAck };
        const t = runScenario(
          { client: { isn: 1000 }, server: { isn: 5000 }, options, steps: [...OPENING, ...steps] },
          { seed: 1 },
        );
        const items = timeline(t);
        expect(items.filter((x) => x.kind === "segment").map((x) => x.segment)).toEqual(t.segments);
        expect(items.filter((x) => x.kind === "event").map((x) => x.event)).toEqual(t.events);
        const keys = items.map((x) => (x.kind === "segment" ? x.segment : x.event));
        // Orders and arrivals share one counter: together they are 0, 1, 2… each used once.
        const numbers = [...keys.map((k) => k.order), ...t.segments.flatMap((s) => (s.arrival === undefined ? [] : [s.arrival]))];
        expect(numbers.sort((a, b) => a - b)).toEqual(numbers.map((_, n) => n));
        for (const s of t.segments) {
          if (s.lost) expect(s.arrival).toBeUndefined();
          else expect(s.arrival).toBeGreaterThan(s.order);
        }
        keys.forEach((k, n) => {
          const prev = keys[n - 1];
          if (prev) expect(k.step > prev.step || (k.step === prev.step && k.t >= prev.t)).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});
