/**
 * Engine throughput: whole connection lifecycles per second through runScenario, the way the game and the level
 * checker drive it; and the drill generator's throughput: puzzles generated and validated per second, the way
 * `tcp-tutor drill` makes them. `npm run bench` bundles this file and prints two tables. No dependencies, no
 * assertions: a lifecycle that does not end with both sides CLOSED, or a drill puzzle the validator rejected, stops
 * the run with an error, since its numbers would lie.
 */
import { DEFAULT_OPTIONS, runScenario, type Scenario, type ScenarioStep, type Side } from "../../src/engine";
import { generateDrillPuzzle } from "../../src/game/drill";

const GOAL_PER_SECOND = 50_000;
/** Drill puzzles generated, validated (Level schema + poseLevel) and ready to play, per second on one core. */
const DRILL_GOAL_PER_SECOND = 2_000;
/**
 * The generator runs some twenty templates, the level schema and the checker: far more code than one lifecycle, so
 * the JIT needs longer before its rounds settle.
 */
const DRILL_WARM_UP_MS = 2_000;
const WARM_UP_MS = 500;
/** The measurement is split into rounds; the table shows the median round and the spread of all of them. */
const ROUNDS = 5;
const ROUND_MS = 400;

const both: readonly Side[] = ["client", "server"];
const tenSends: readonly ScenarioStep[] = Array.from({ length: 10 }, () => ({
  verb: "send",
  side: "client",
  bytes: 1000,
}));

function lifecycle(steps: readonly ScenarioStep[]): Scenario {
  return { client: { isn: 1000 }, server: { isn: 5000 }, options: DEFAULT_OPTIONS, steps };
}

/** Handshake, ten 1000-byte segments each acked at once, four-way close, TIME_WAIT expiry. */
const CLEAN = lifecycle([
  { verb: "listen", sides: ["server"] },
  { verb: "connect", sides: ["client"] },
  ...tenSends,
  { verb: "close", sides: ["client"] },
  { verb: "wait", seconds: 1 },
  { verb: "close", sides: ["server"] },
  { verb: "wait", seconds: 61 },
]);

/** The same with the first data segment and the client's first FIN lost, so both are retransmitted. */
const LOSSY = lifecycle([
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

interface Measurement {
  readonly name: string;
  readonly steps: number;
  readonly segments: number;
  readonly lost: number;
  /** Median round. */
  readonly perSecond: number;
  readonly slowest: number;
  readonly fastest: number;
  readonly usPerStep: number;
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

function measure(name: string, sc: Scenario): Measurement {
  const t = runScenario(sc, { seed: 1 });
  for (const s of both) {
    if (t.final[s] !== "CLOSED") throw new Error(`${name}: ${s} ends in ${t.final[s]}, not CLOSED`);
  }
  round(sc, WARM_UP_MS);
  const rates = Array.from({ length: ROUNDS }, () => round(sc, ROUND_MS)).sort((a, b) => a - b);
  const perSecond = rates[Math.floor(ROUNDS / 2)] ?? 0;
  return {
    name,
    steps: sc.steps.length,
    segments: t.segments.length,
    lost: t.segments.filter((s) => s.lost).length,
    perSecond,
    slowest: rates[0] ?? 0,
    fastest: rates[ROUNDS - 1] ?? 0,
    usPerStep: 1e6 / (perSecond * sc.steps.length),
  };
}

const thousands = (n: number): string => Math.round(n).toLocaleString("en-US");

function table(rows: readonly (readonly string[])[], rightAligned: readonly boolean[]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length))) ?? [];
  const fmt = (r: readonly string[]): string =>
    r
      .map((cell, c) => (rightAligned[c] ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join("  ")
      .trimEnd();
  const [head, ...body] = rows;
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [fmt(head ?? []), rule, ...body.map(fmt)].join("\n");
}

const results = [measure("clean lifecycle", CLEAN), measure("lossy lifecycle", LOSSY)];
const goal = `>= ${thousands(GOAL_PER_SECOND)}/s`;
const rows = [
  ["scenario", "steps", "segments", "lost", "lifecycles/s", "rounds (min-max)", "us/step", "goal", "mark"],
  ...results.map((r) => {
    const judged = r.name === "clean lifecycle";
    return [
      r.name,
      String(r.steps),
      String(r.segments),
      String(r.lost),
      thousands(r.perSecond),
      `${thousands(r.slowest)}-${thousands(r.fastest)}`,
      r.usPerStep.toFixed(2),
      judged ? goal : "-",
      judged ? (r.perSecond >= GOAL_PER_SECOND ? "pass" : "MISS") : "-",
    ];
  }),
];

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

function measureDrill(): { perSecond: number; slowest: number; fastest: number; rejected: number } {
  drillRound(DRILL_WARM_UP_MS);
  const rounds = Array.from({ length: ROUNDS }, () => drillRound(ROUND_MS));
  const rates = rounds.map((r) => r.perSecond).sort((a, b) => a - b);
  const rejected = rounds.reduce((n, r) => n + r.rejected, 0);
  if (rejected > 0) throw new Error(`drill: the validator rejected ${rejected} generated drafts`);
  return { perSecond: rates[Math.floor(ROUNDS / 2)] ?? 0, slowest: rates[0] ?? 0, fastest: rates[ROUNDS - 1] ?? 0, rejected };
}

const drill = measureDrill();
const drillGoal = `>= ${thousands(DRILL_GOAL_PER_SECOND)}/s`;
const drillRows = [
  ["drill generator", "puzzles/s", "rounds (min-max)", "us/puzzle", "goal", "mark"],
  [
    "generate + validate",
    thousands(drill.perSecond),
    `${thousands(drill.slowest)}-${thousands(drill.fastest)}`,
    (1e6 / drill.perSecond).toFixed(0),
    drillGoal,
    drill.perSecond >= DRILL_GOAL_PER_SECOND ? "pass" : "MISS",
  ],
];

const timing = `median of ${ROUNDS} rounds of ${ROUND_MS} ms after a ${WARM_UP_MS} ms warm-up (drill: ${DRILL_WARM_UP_MS} ms)`;
console.log(`tcp-tutor engine benchmark: node ${process.version}, ${timing}`);
console.log("");
console.log(table(rows, [false, true, true, true, true, true, true, false, false]));
console.log("");
console.log(table(drillRows, [false, true, true, true, false, false]));
