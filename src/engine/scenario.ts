import type { Options } from "./options";
import type { Side } from "./segment";

/**
 * A scenario, as `tcp-tutor trace` reads it (the contract):
 * `{"client":{"isn":1000},"server":{"isn":5000},"options":{...},"steps":[...]}`. Each step is an object with one
 * verb. After every step the network delivers everything in flight until it is quiet; only `wait` moves time.
 */
export interface Scenario {
  readonly client: EndpointSetup;
  readonly server: EndpointSetup;
  readonly options: Options;
  readonly steps: readonly ScenarioStep[];
}

export interface EndpointSetup {
  /** Initial sequence number of the first connection; seeded random when absent. */
  readonly isn?: number;
}

/** Steps after parsing: one discriminated union, `verb` naming the socket call or network action. */
export type ScenarioStep =
  | { readonly verb: "listen"; readonly sides: readonly Side[] }
  | { readonly verb: "connect"; readonly sides: readonly Side[] }
  | { readonly verb: "send"; readonly side: Side; readonly bytes: number }
  | { readonly verb: "read"; readonly sides: readonly Side[] }
  | { readonly verb: "close"; readonly sides: readonly Side[] }
  | { readonly verb: "shutdown"; readonly sides: readonly Side[] }
  | { readonly verb: "abort"; readonly sides: readonly Side[] }
  | { readonly verb: "lose"; readonly from: Side; readonly flags: string; readonly count: number }
  | { readonly verb: "wait"; readonly seconds: number }
  | { readonly verb: "bind"; readonly side: Side; readonly reuseaddr: boolean };

export type Verb = ScenarioStep["verb"];

export const VERBS: readonly Verb[] = [
  "listen",
  "connect",
  "send",
  "read",
  "close",
  "shutdown",
  "abort",
  "lose",
  "wait",
  "bind",
];
