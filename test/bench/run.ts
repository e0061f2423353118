/**
 * `npm run bench`: how fast tcp-tutor is, as one table. Each figure is set beside a floor measured the same way in
 * the same run (a bare node doing the least that can be seen), with its ratio to it, the target and PASS or MISS.
 * A benchmark, not a test: nothing here fails a build; a run whose numbers would lie (a check that finds problems, a
 * lifecycle that does not close, a frame that never comes) stops with an error instead.
 *
 *   node dist/bench.mjs [--program FILE] [--only frame,help,keys,check,engine,live]
 *
 * --program runs another build (a copy of an older one, to compare); --only measures some rows. Every run of the
 * game gets a temporary TCP_TUTOR_HOME, never the real save.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { mib, ms, quantile, median, table, thousands } from "./measure";
import { echoFloor, ensureTmux, gameCommand, gameEnv, type Presses, Pty, Tmux, wallTimes } from "./terminal";
import { CLEAN, drillPuzzles, LOSSY, lifecycles, TIMING } from "./throughput";
import { simulateClass } from "./live";

const FIRST_FRAMES = 10;
const HELPS = 20;
const CHECKS = 10;
const PRESSES = 100;
const GAPS_MS = [150, 10] as const;
const LIVE_STUDENTS = 200;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

// The bench is bundled to dist/bench.mjs, beside the program.
const program = option("--program") ?? fileURLToPath(new URL("./tcp-tutor.mjs", import.meta.url));
const only = option("--only")?.split(",");
const wanted = (what: string): boolean => only === undefined || only.includes(what);
// The engine and live rows run the sources bundled into the bench, not the program.
if (["frame", "help", "keys", "check"].some(wanted) && !existsSync(program)) {
  throw new Error(`no program at ${program}: build it first (npm run build)`);
}
const home = mkdtempSync(join(tmpdir(), "tcp-tutor-bench-"));
const env = gameEnv(home);

/** What to undo if the run is interrupted: the tmux server, the program in its pseudo-terminal, the home. */
const cleanups: (() => void)[] = [() => rmSync(home, { recursive: true, force: true })];
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    for (const undo of cleanups.reverse()) {
      try {
        undo();
      } catch {
        // already gone
      }
    }
    process.exit(130);
  });
}

type Row = readonly [measure: string, figure: string, floor: string, ratio: string, target: string, mark: string];
const rows: Row[] = [];
const ratio = (a: number, floor: number): string => `${(a / floor).toFixed(2)}×`;
const mark = (ok: boolean): string => (ok ? "PASS" : "MISS");
const notes: string[] = [];

async function firstFrame(): Promise<void> {
  if (!ensureTmux()) {
    notes.push("first frame: not measured, tmux is missing (apt-get install tmux)");
  } else {
    const tmux = new Tmux();
    cleanups.push(() => tmux.close());
    try {
      await tmux.start();
      const t = await tmux.firstFrames(FIRST_FRAMES, program, home);
      const [p, f] = [median(t.program), median(t.floor)];
      const stretch = p <= 2.5 * f ? "stretch PASS" : "stretch MISS";
      rows.push([`first frame in tmux, median of ${FIRST_FRAMES}`, ms(p), ms(f), ratio(p, f), "≤ 3× (2.5×)", `${mark(p <= 3 * f)}, ${stretch}`]);
    } finally {
      tmux.close();
    }
  }
}

function help(): void {
  const help = wallTimes(HELPS, { args: [program, "--help"], expect: /Usage|usage/ }, { args: ["-e", "0"], expect: /^$/ }, env);
  const [h, hf] = [median(help.program), median(help.floor)];
  rows.push([`tcp-tutor --help, median of ${HELPS}`, ms(h), ms(hf), ratio(h, hf), "≤ 1.3×", mark(h <= 1.3 * hf)]);
}

async function keys(): Promise<void> {
  const run = async (command: string): Promise<{ presses: Presses[]; peak: number; rows: number }> => {
    const pty = new Pty(command, env);
    cleanups.push(() => pty.kill());
    try {
      await pty.ready();
      const presses: Presses[] = [];
      for (const gap of GAPS_MS) presses.push(await pty.press(PRESSES, gap));
      return { presses, peak: pty.peakMemory(), rows: pty.rows };
    } finally {
      await pty.close("q");
    }
  };
  const game = await run(gameCommand(program));
  const floor = await run(echoFloor(game.rows));
  for (const [i, gap] of GAPS_MS.entries()) {
    const g = game.presses[i]?.latencies ?? [];
    const f = floor.presses[i]?.latencies ?? [];
    const lost = g.filter((l) => !Number.isFinite(l)).length;
    if (lost > 0) notes.push(`keys ${gap} ms apart: ${lost} of ${PRESSES} keys never showed a frame (counted as ∞)`);
    const ambiguous = game.presses[i]?.ambiguous ?? 0;
    if (ambiguous > 0) notes.push(`keys ${gap} ms apart: ${ambiguous} frames came more than a lap of the menu late`);
    for (const [what, q, target] of [["median", 0.5, 16], ["p90", 0.9, 25]] as const) {
      const [v, vf] = [quantile(g, q), quantile(f, q)];
      rows.push([`key → frame, ${gap} ms apart, ${what} of ${PRESSES}`, ms(v), ms(vf), ratio(v, vf), `≤ ${target} ms`, mark(v <= target)]);
    }
  }
  rows.push([`peak memory of the game (VmHWM), ${PRESSES * GAPS_MS.length} keys`, mib(game.peak), mib(floor.peak), ratio(game.peak, floor.peak), "≤ 80 MiB", mark(game.peak <= 80 * 2 ** 20)]);
}

function check(): void {
  const t = wallTimes(CHECKS, { args: [program, "check"], expect: /all valid/ }, { args: ["-e", "0"], expect: /^$/ }, env);
  const [c, cf] = [median(t.program), median(t.floor)];
  rows.push([`tcp-tutor check (whole pack), median of ${CHECKS}`, ms(c), ms(cf), ratio(c, cf), "≤ 300 ms", mark(c <= 300)]);
}

function throughput(): void {
  const goal = 50_000;
  const clean = lifecycles("clean lifecycle", CLEAN);
  const lossy = lifecycles("lossy lifecycle", LOSSY);
  rows.push([`engine lifecycles/s (${clean.segments} segments)`, thousands(clean.perSecond), "-", "-", `≥ ${thousands(goal)}/s`, mark(clean.perSecond >= goal)]);
  rows.push([`  with 2 losses (${lossy.segments} segments)`, thousands(lossy.perSecond), "-", "-", "-", "-"]);
  const drill = drillPuzzles();
  rows.push(["drill puzzles generated + validated/s", thousands(drill.perSecond), "-", "-", "≥ 2,000/s", mark(drill.perSecond >= 2_000)]);
}

/**
 * A live round's host under a class answering all at once (live.ts): answer → updated leaderboard, beside a bare ws
 * server sending the same bytes. A class of 50 first, for the JIT; a round that lost or doubled an answer stops.
 */
async function live(): Promise<void> {
  await simulateClass({ students: 50 });
  const [real, floor] = [await simulateClass({ students: LIVE_STUDENTS }), await simulateClass({ students: LIVE_STUDENTS, host: "floor" })];
  if (real.accepted !== real.sent || real.counted !== real.sent || real.mismatched > 0) {
    throw new Error(`live: ${real.sent} answers sent, ${real.accepted} accepted, ${real.counted} held, ${real.mismatched} not as sent`);
  }
  const n = real.latencies.length;
  const what = `answer → leaderboard, ${LIVE_STUDENTS} students at once`;
  rows.push([`${what}, median of ${n}`, ms(real.median), ms(floor.median), ratio(real.median, floor.median), "-", "-"]);
  rows.push([`${what}, p99 of ${n}`, ms(real.p99), ms(floor.p99), ratio(real.p99, floor.p99), "< 50 ms", mark(real.p99 < 50)]);
  notes.push("live: students and host share this machine's cores and loopback; the floor is a bare ws server sending the same bytes");
}

const load = (): string => loadavg().map((l) => l.toFixed(2)).join(" ");
const loadBefore = load();
try {
  if (wanted("frame")) await firstFrame();
  if (wanted("help")) help();
  if (wanted("keys")) await keys();
  if (wanted("check")) check();
  if (wanted("engine")) throughput();
  if (wanted("live")) await live();
} finally {
  rmSync(home, { recursive: true, force: true });
}

console.log(`tcp-tutor benchmark: node ${process.version}, ${cpus().length} cores, load ${loadBefore} → ${load()}`);
console.log(`program: ${program}`);
console.log(`floors: node -e "console.log('ready')" in tmux; node -e 0; node answering keys in raw mode (and its memory)`);
console.log(`throughput: ${TIMING}`);
console.log("");
console.log(table([["measure", "figure", "floor", "× floor", "target", "mark"], ...rows], [false, true, true, true, false, false]));
for (const n of notes) console.log(`note: ${n}`);
