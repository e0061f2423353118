/**
 * Test helpers that make engine tests read like packet captures:
 *   const t = run([listen("server"), connect("client")]);
 *   expect(wire(t)).toEqual(["client S 1000/0", "server SA 5000/1001", "client A 1001/5001"]);
 */
import {
  DEFAULT_OPTIONS,
  type KeepaliveOptions,
  LINUX_KEEPALIVE,
  type Options,
  runScenario,
  type ScenarioStep,
  type Side,
  type TcpState,
  type Trace,
  type TraceSegment,
} from "../../src/engine";

type Sides = Side | readonly Side[];
const sidesOf = (s: Sides): readonly Side[] => (typeof s === "string" ? [s] : s);

export const listen = (s: Sides): ScenarioStep => ({ verb: "listen", sides: sidesOf(s) });
export const connect = (s: Sides): ScenarioStep => ({ verb: "connect", sides: sidesOf(s) });
export const read = (s: Sides): ScenarioStep => ({ verb: "read", sides: sidesOf(s) });
export const close = (s: Sides): ScenarioStep => ({ verb: "close", sides: sidesOf(s) });
export const shutdown = (s: Sides): ScenarioStep => ({ verb: "shutdown", sides: sidesOf(s) });
export const abort = (s: Sides): ScenarioStep => ({ verb: "abort", sides: sidesOf(s) });
export const send = (side: Side, bytes: number): ScenarioStep => ({ verb: "send", side, bytes });
export const wait = (seconds: number): ScenarioStep => ({ verb: "wait", seconds });
export const lose = (from: Side, flags: string, count = 1): ScenarioStep => ({ verb: "lose", from, flags, count });
export const bind = (side: Side, reuseaddr = false): ScenarioStep => ({ verb: "bind", side, reuseaddr });

/** The usual opening: server listens, client connects (ISNs 1000 and 5000 unless given). */
export const HANDSHAKE: readonly ScenarioStep[] = [listen("server"), connect("client")];

/** Options as a scenario file writes them: `keepalive: true` means Linux's 7200/75/9. */
export type SetupOptions = Partial<Omit<Options, "keepalive">> & { readonly keepalive?: KeepaliveOptions | boolean };

export interface RunSetup {
  readonly clientIsn?: number;
  readonly serverIsn?: number;
  readonly options?: SetupOptions;
  readonly seed?: number;
}

function toOptions(o: SetupOptions = {}): Options {
  const { keepalive, ...rest } = o;
  const ka = keepalive === true ? LINUX_KEEPALIVE : keepalive;
  return { ...DEFAULT_OPTIONS, ...rest, ...(ka === undefined ? {} : { keepalive: ka }) };
}

export function run(steps: readonly ScenarioStep[], setup: RunSetup = {}): Trace {
  return runScenario(
    {
      client: { isn: setup.clientIsn ?? 1000 },
      server: { isn: setup.serverIsn ?? 5000 },
      options: toOptions(setup.options),
      steps,
    },
    { seed: setup.seed ?? 1 },
  );
}

/** A segment as a capture line: "client PA 1001/5001 len 100", with " lost" when the network dropped it. */
export function line(s: TraceSegment): string {
  return `${s.from} ${s.flags} ${s.seq}/${s.ack}${s.len > 0 ? ` len ${s.len}` : ""}${s.lost ? " lost" : ""}`;
}

export function wire(t: Trace, fromStep = 0): string[] {
  return t.segments.filter((s) => s.step >= fromStep).map(line);
}

/** Segments with their send time: "1.000 client S 1000/0". */
export function timedWire(t: Trace): string[] {
  return t.segments.map((s) => `${s.t.toFixed(3)} ${line(s)}`);
}

/** The states a side passed through, in order, starting with CLOSED. */
export function path(t: Trace, side: Side): TcpState[] {
  const states: TcpState[] = ["CLOSED"];
  for (const e of t.events) if (e.type === "state" && e.side === side && !e.background) states.push(e.to);
  return states;
}

/** Error events as "side call errno" (so_error as "side SO_ERROR errno"). */
export function errors(t: Trace): string[] {
  const out: string[] = [];
  for (const e of t.events) {
    if (e.type === "error") out.push(`${e.side} ${e.call} ${e.errno}`);
    if (e.type === "so_error") out.push(`${e.side} SO_ERROR ${e.errno}`);
  }
  return out;
}

/** Time (s) at which a side entered a state, or undefined. */
export function enteredAt(t: Trace, side: Side, state: TcpState): number | undefined {
  return t.events.find((e) => e.type === "state" && e.side === side && e.to === state)?.t;
}

/** The states a side passed through with the time it entered each: ["0.000 LISTEN", "0.000 SYN_RECEIVED", …]. */
export function timedPath(t: Trace, side: Side): string[] {
  const out: string[] = [];
  for (const e of t.events) {
    if (e.type === "state" && e.side === side && !e.background) out.push(`${e.t.toFixed(3)} ${e.to}`);
  }
  return out;
}

/** Transitions of connections the application moved on from (an old TIME_WAIT): "60.000 TIME_WAIT→CLOSED". */
export function backgroundStates(t: Trace, side: Side): string[] {
  const out: string[] = [];
  for (const e of t.events) {
    if (e.type === "state" && e.side === side && e.background) out.push(`${e.t.toFixed(3)} ${e.from}→${e.to}`);
  }
  return out;
}

/** Error events with their time: "127.000 client connect ETIMEDOUT", "7875.000 client SO_ERROR ETIMEDOUT". */
export function timedErrors(t: Trace): string[] {
  const out: string[] = [];
  for (const e of t.events) {
    if (e.type === "error") out.push(`${e.t.toFixed(3)} ${e.side} ${e.call} ${e.errno}`);
    if (e.type === "so_error") out.push(`${e.t.toFixed(3)} ${e.side} SO_ERROR ${e.errno}`);
  }
  return out;
}

/** What the applications' reads returned: "server read 100", "client read EOF", "client read 0" (nothing yet). */
export function reads(t: Trace): string[] {
  const out: string[] = [];
  for (const e of t.events) {
    if (e.type === "read") out.push(`${e.side} read ${e.eof ? "EOF" : e.bytes}`);
  }
  return out;
}

/** Segments a timer sent, with the timer: "1.200 server FA 5001/1002 (retransmit)". */
export function timerSegments(t: Trace): string[] {
  return t.segments.filter((s) => s.cause !== undefined).map((s) => `${s.t.toFixed(3)} ${line(s)} (${s.cause})`);
}
