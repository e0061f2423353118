import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_OPTIONS, LINUX_KEEPALIVE } from "../../src/engine";
import { parseScenario } from "../../src/engine";

const SCENARIOS = join(import.meta.dirname, "../fixtures/scenarios");
const VECTORS = join(import.meta.dirname, "../fixtures/trace-vectors");
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, "utf8"));

/** The error line for a scenario, or the parsed scenario's absence of one. */
function errorOf(input: unknown): string | undefined {
  const r = parseScenario(input);
  return r.ok ? undefined : r.error;
}

function parsed(input: unknown) {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(`expected a valid scenario, got: ${r.error}`);
  return r.scenario;
}

const VERB_LIST = "listen, connect, send, read, close, shutdown, abort, lose, wait, bind";

describe("valid scenarios parse to the typed form", () => {
  it("the classic lifecycle file: ISNs, default options, one step per verb object", () => {
    expect(parsed(readJson(join(SCENARIOS, "classic.json")))).toEqual({
      client: { isn: 1000 },
      server: { isn: 5000 },
      options: DEFAULT_OPTIONS,
      steps: [
        { verb: "listen", sides: ["server"] },
        { verb: "connect", sides: ["client"] },
        { verb: "send", side: "client", bytes: 100 },
        { verb: "close", sides: ["client"] },
        { verb: "wait", seconds: 1 },
        { verb: "close", sides: ["server"] },
      ],
    });
  });

  it("only steps is required: client and server default to {} (seeded ISNs), options to Linux's", () => {
    expect(parsed({ steps: [] })).toEqual({ client: {}, server: {}, options: DEFAULT_OPTIONS, steps: [] });
  });

  it("every verb in every form: sides as a string or an array, optional fields defaulted", () => {
    const steps = [
      { listen: "server" },
      { connect: ["client", "server"] },
      { send: { side: "server", bytes: 1 } },
      { read: ["server"] },
      { close: ["server", "client"] },
      { shutdown: "client" },
      { abort: "client" },
      { lose: { from: "server", flags: "A" } },
      { lose: { from: "client", flags: "AF", count: 3 } },
      { wait: 2.5 },
      { wait: 0 },
      { bind: { side: "server" } },
      { bind: { side: "server", reuseaddr: true } },
    ];
    expect(parsed({ steps }).steps).toEqual([
      { verb: "listen", sides: ["server"] },
      { verb: "connect", sides: ["client", "server"] },
      { verb: "send", side: "server", bytes: 1 },
      { verb: "read", sides: ["server"] },
      { verb: "close", sides: ["server", "client"] },
      { verb: "shutdown", sides: ["client"] },
      { verb: "abort", sides: ["client"] },
      { verb: "lose", from: "server", flags: "A", count: 1 },
      // Loss rules match the trace's flag string, which is always in S, F, R, P, A order.
      { verb: "lose", from: "client", flags: "FA", count: 3 },
      { verb: "wait", seconds: 2.5 },
      { verb: "wait", seconds: 0 },
      { verb: "bind", side: "server", reuseaddr: false },
      { verb: "bind", side: "server", reuseaddr: true },
    ]);
  });

  it("ISN limits: 0 and 2^32 − 1 are both valid", () => {
    expect(parsed({ client: { isn: 0 }, server: { isn: 4294967295 }, steps: [] })).toMatchObject({
      client: { isn: 0 },
      server: { isn: 4294967295 },
    });
  });

  it("options merge over Linux's defaults", () => {
    const given = { timeWait: 1, delayedAck: false, synRetries: 0, autoRead: false };
    expect(parsed({ options: given, steps: [] }).options).toEqual({ ...DEFAULT_OPTIONS, ...given });
  });

  it("keepalive: true means Linux's timers (7200 s, 75 s, 9 probes); an object overrides some of them", () => {
    expect(parsed({ options: { keepalive: true }, steps: [] }).options.keepalive).toEqual(LINUX_KEEPALIVE);
    expect(parsed({ options: { keepalive: { idle: 60, probes: 3 } }, steps: [] }).options.keepalive).toEqual({
      idle: 60,
      interval: 75,
      probes: 3,
    });
    expect(parsed({ options: { keepalive: false }, steps: [] }).options.keepalive).toBe(false);
  });

  it("$schema, name and description are documentation and are accepted", () => {
    expect(errorOf({ $schema: "./scenario.schema.json", name: "x", description: "y", steps: [] })).toBeUndefined();
  });

  it("every shared trace vector's scenario is valid", () => {
    const files = readdirSync(VECTORS).filter((f) => f.endsWith(".json"));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const vector = readJson(join(VECTORS, f)) as { scenario: unknown };
      expect(errorOf(vector.scenario), f).toBeUndefined();
    }
  });
});

describe("a malformed scenario gives one line naming where", () => {

  it.each([
    ["misspelt-verb.json", `steps[2]: unknown verb "conect" (expected one of ${VERB_LIST})`],
    ["misspelt-side.json", 'steps[1].close: unknown side "clinet" (expected "client" or "server")'],
    ["bytes-not-a-number.json", 'steps[3].send.bytes: expected a whole number ≥ 1, got "x"'],
    [
      "misspelt-option.json",
      `options.timeWiat: unknown option (expected one of ${Object.keys(DEFAULT_OPTIONS).join(", ")})`,
    ],
  ])("fixture %s", (file, error) => {
    expect(errorOf(readJson(join(SCENARIOS, file)))).toBe(error);
  });

  it.each([
    // Steps
    [
      { steps: [{ listen: "server", connect: "client" }] },
      "steps[0]: a step has exactly one verb, got 2 (listen, connect)",
    ],
    [{ steps: [{}] }, "steps[0]: a step has exactly one verb, got 0"],
    [{ steps: ["listen"] }, 'steps[0]: expected an object with one verb, such as {"listen":"server"}, got "listen"'],
    [{ steps: { listen: "server" } }, 'steps: expected an array of steps, got {"listen":"server"}'],
    [{ steps: [{ close: ["client", "client"] }] }, 'steps[0].close[1]: "client" appears twice'],
    [{ steps: [{ close: [] }] }, "steps[0].close: expected at least one side, got []"],
    [{ steps: [{ abort: 1 }] }, 'steps[0].abort: expected "client", "server" or an array of them, got 1'],
    [{ steps: [{ send: { side: "client", bytes: 0 } }] }, "steps[0].send.bytes: expected a whole number ≥ 1, got 0"],
    [
      { steps: [{ send: { side: "client", bytes: 1.5 } }] },
      "steps[0].send.bytes: expected a whole number ≥ 1, got 1.5",
    ],
    [{ steps: [{ send: { side: "client" } }] }, "steps[0].send.bytes: missing (expected a whole number ≥ 1)"],
    [
      { steps: [{ send: { side: "client", byte: 10 } }] },
      "steps[0].send.byte: unknown key (expected one of side, bytes)",
    ],
    [
      { steps: [{ send: { side: "both", bytes: 1 } }] },
      'steps[0].send.side: unknown side "both" (expected "client" or "server")',
    ],
    [
      { steps: [{ lose: { from: "client", flags: "SYN" } }] },
      'steps[0].lose.flags: expected flag letters from S, F, R, P, A, each at most once (such as "FA"), got "SYN"',
    ],
    [
      { steps: [{ lose: { from: "client", flags: "AA" } }] },
      'steps[0].lose.flags: expected flag letters from S, F, R, P, A, each at most once (such as "FA"), got "AA"',
    ],
    [
      { steps: [{ lose: { from: "client", flags: "A", count: 0 } }] },
      "steps[0].lose.count: expected a whole number ≥ 1, got 0",
    ],
    [{ steps: [{ wait: -1 }] }, "steps[0].wait: expected a number of seconds ≥ 0, got -1"],
    [{ steps: [{ wait: "2s" }] }, 'steps[0].wait: expected a number of seconds ≥ 0, got "2s"'],
    [
      { steps: [{ bind: { side: "server", reuseaddr: "yes" } }] },
      'steps[0].bind.reuseaddr: expected true or false, got "yes"',
    ],
    // Endpoints
    [{ client: { isn: -1 }, steps: [] }, "client.isn: expected a whole number from 0 to 4294967295, got -1"],
    [
      { server: { isn: 4294967296 }, steps: [] },
      "server.isn: expected a whole number from 0 to 4294967295, got 4294967296",
    ],
    [{ client: { isn: 1000, port: 80 }, steps: [] }, 'client.port: unknown key (expected "isn")'],
    [{ client: 1000, steps: [] }, 'client: expected an object such as {"isn":1000}, got 1000'],
    // Options
    [{ options: { mss: 0 }, steps: [] }, "options.mss: expected a whole number ≥ 1, got 0"],
    [{ options: { synRetries: 2.5 }, steps: [] }, "options.synRetries: expected a whole number ≥ 0, got 2.5"],
    [{ options: { rtoMin: -0.2 }, steps: [] }, "options.rtoMin: expected a number of seconds ≥ 0, got -0.2"],
    [{ options: { delayedAck: "no" }, steps: [] }, 'options.delayedAck: expected true or false, got "no"'],
    [
      { options: { keepalive: { probes: 0 } }, steps: [] },
      "options.keepalive.probes: expected a whole number ≥ 1, got 0",
    ],
    [
      { options: { keepalive: { idle: 0 } }, steps: [] },
      "options.keepalive.idle: expected a number of seconds > 0, got 0",
    ],
    [
      { options: { keepalive: { idel: 5 } }, steps: [] },
      "options.keepalive.idel: unknown key (expected one of idle, interval, probes)",
    ],
    [
      { options: { keepalive: 30 }, steps: [] },
      'options.keepalive: expected true, false or an object such as {"idle":60,"interval":10,"probes":3}, got 30',
    ],
    // Top level
    [[], "scenario: expected a JSON object, got []"],
    [null, "scenario: expected a JSON object, got null"],
    [{}, "steps: missing (expected an array of steps)"],
    [
      { step: [] },
      "step: unknown key (expected one of client, server, options, steps, $schema, name, description)",
    ],
    [{ name: 7, steps: [] }, "name: expected a string, got 7"],
  ])("%j → %s", (input, error) => {
    expect(errorOf(input)).toBe(error);
  });

  it("reports the first error in document order", () => {
    const stepsFirst = JSON.parse('{"steps":[{"wait":-1}],"options":{"mss":0}}');
    const optionsFirst = JSON.parse('{"options":{"mss":0},"steps":[{"wait":-1}]}');
    expect(errorOf(stepsFirst)).toBe("steps[0].wait: expected a number of seconds ≥ 0, got -1");
    expect(errorOf(optionsFirst)).toBe("options.mss: expected a whole number ≥ 1, got 0");
    expect(errorOf({ steps: [{ listen: "server" }, { wait: -1 }, { conect: "client" }] })).toMatch(/^steps\[1\]/);
  });

  it("quotes a long value shortened", () => {
    expect(errorOf({ steps: [{ wait: "x".repeat(100) }] })).toBe(
      `steps[0].wait: expected a number of seconds ≥ 0, got "${"x".repeat(38)}…`,
    );
  });

  it("for any JSON value, either a scenario or one line of error, never an exception", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = parseScenario(value);
        if (!r.ok) expect(r.error).toMatch(/^[^\n]+: [^\n]+$/);
      }),
      { numRuns: 500 },
    );
    const verbOrNot = fc.constantFrom("listen", "send", "lose", "x");
    const stepLike = fc.record({ steps: fc.array(fc.dictionary(verbOrNot, fc.jsonValue())) });
    fc.assert(
      fc.property(stepLike, (value) => {
        const r = parseScenario(value);
        if (!r.ok) expect(r.error).toMatch(/^steps\[\d+\][^\n]*: [^\n]+$/);
      }),
      { numRuns: 500 },
    );
  });
});
