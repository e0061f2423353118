/**
 * In-process throughput, on one core: whole connection lifecycles through runScenario, the way the game and the
 * level checker drive the engine; and drill puzzles generated and validated, the way `tcp-tutor drill` makes them.
 * A lifecycle that does not end with both sides CLOSED, or a drill puzzle the validator rejected, stops the run
 * with an error, since its numbers would lie.
 */
import { DEFAULT_OPTIONS, runScenario, type Scenario, type ScenarioStep, type Side } from "../../src/engine";
import { generateDrillPuzzle } from "../../src/game/drill";
import { median } from "./measure";

const WARM_UP_MS = 500;
/**
 * The generator runs some twenty templates, the level schema and the checker: far more code than one lifecycle, so
 * the JIT needs longer before its rounds settle.
 */
const DRILL_WARM_UP_MS = 2_000;
/** The measurement is split into rounds; the figure is the median round. */
export const ROUNDS = 5;
export const ROUND_MS = 400;

export const TIMING = `median of ${ROUNDS} rounds of ${ROUND_MS} ms after a ${WARM_UP_MS} ms warm-up (drill: ${DRILL_WARM_UP_MS} ms)`;

const both: readonly Side[] = ["client", "server"];
const tenSends: readonly ScenarioStep[] = Array.from({ length: 10 }, () => ({
  verb: "send",
  side: "client",
  bytes: 1000,
}));

function lifecycle(steps: readonly ScenarioStep[]): Scenario {
  return { client: { isn: 1000 }, server: { isn: 5000 }, options: DEFAULT_OPTIONS, steps };
}

/** Handshake, ten 1000-byte segments each acked at once, four-way close, TIME_WAIT expiry: 27 segments. */
export const CLEAN = lifecycle([
  { verb: "listen", sides: ["server"] },
  { verb: "connect", sides: ["client"] },
  ...tenSends,
  { verb: "close", sides: ["client"] },
  { verb: "wait", seconds: 1 },
  { verb: "close", sides: ["server"] },
  { verb: "wait", seconds: 61 },
]);

/** The same with the first data segment and the client's first FIN lost, so both are retransmitted. */
export const LOSSY = lifecycle([
  { verb: "listen", sides: ["server"] },
  { verb: "connect", sides: ["client"] },
  { verb: "lose", from: "client", flags: "PA", count: 1 },
  { verb: "lose", from: "client", flags: "FA", count: 1 },
  ...tenSends,
  { verb: "wait", seconds: 1 },
  { verb: "close", sides: ["client"] },
  { verb: "wait", seconds: 1 },
  { verb: "close", sides: ["server"] },
  { verb: "wait", seconds: 61 },
]);

export interface Rate {
  /** Median round. */
  readonly perSecond: number;
  readonly slowest: number;
  readonly fastest: number;
}

/** Lifecycles per second over about `ms` milliseconds of back-to-back runs. */
function round(sc: Scenario, ms: number): number {
  let runs = 0;
  let sink = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 100; i++) sink += runScenario(sc, { seed: runs + i }).segments.length;
    runs += 100;
    elapsed = performance.now() - start;
  }
  // The sum keeps the traces alive as far as the optimiser can tell; it is always positive.
  return sink > 0 ? runs / (elapsed / 1000) : 0;
}

function rate(rounds: readonly number[]): Rate {
  return { perSecond: median(rounds), slowest: Math.min(...rounds), fastest: Math.max(...rounds) };
}

export function lifecycles(name: string, sc: Scenario): Rate & { readonly segments: number } {
  const t = runScenario(sc, { seed: 1 });
  for (const s of both) {
    if (t.final[s] !== "CLOSED") throw new Error(`${name}: ${s} ends in ${t.final[s]}, not CLOSED`);
  }
  round(sc, WARM_UP_MS);
  return { ...rate(Array.from({ length: ROUNDS }, () => round(sc, ROUND_MS))), segments: t.segments.length };
}

/**
 * Drill puzzles per second over about `ms` milliseconds, each from a new seed (so every template and question
 * comes up), counting the drafts the validator rejected on the way.
 */
let nextSeed = 0;
function drillRound(ms: number): { perSecond: number; rejected: number } {
  let puzzles = 0;
  let rejected = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 20; i++) rejected += generateDrillPuzzle(nextSeed++).rejections.length;
    puzzles += 20;
    elapsed = performance.now() - start;
  }
  return { perSecond: puzzles / (elapsed / 1000), rejected };
}

export function drillPuzzles(): Rate {
  drillRound(DRILL_WARM_UP_MS);
  const rounds = Array.from({ length: ROUNDS }, () => drillRound(ROUND_MS));
  const rejected = rounds.reduce((n, r) => n + r.rejected, 0);
  if (rejected > 0) throw new Error(`drill: the validator rejected ${rejected} generated drafts`);
  return rate(rounds.map((r) => r.perSecond));
}
