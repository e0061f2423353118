/**
 * The program as a learner meets it, each figure next to a floor measured the same way in the same run: a bare
 * `node` doing the least that can be seen. Wall-clock times of whole processes, the first frame in a real terminal
 * (tmux), keypress → changed frame through a pseudo-terminal (util-linux `script`), and peak memory (VmHWM).
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { sleep } from "./measure";

const NODE = process.execPath;

/** The environment every run of the game gets: a temporary save directory, English, a colour terminal. */
export function gameEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TCP_TUTOR_HOME: home, LANG: "en_US.UTF-8", TERM: "xterm-256color" };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  delete env.NO_COLOR;
  return env;
}

const shellWord = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** Wall time of one process run to its end, in ms; it must exit 0 and print what `expect` looks for. */
function timeRun(args: readonly string[], env: NodeJS.ProcessEnv, expect: RegExp): number {
  const start = performance.now();
  const r = spawnSync(NODE, args, { env, encoding: "utf8" });
  const elapsed = performance.now() - start;
  if (r.status !== 0 || !expect.test(r.stdout)) {
    throw new Error(`node ${args.join(" ")}: exit ${r.status}, expected ${expect}; stdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  }
  return elapsed;
}

/**
 * Wall times of `runs` runs each of the program and of its floor, taken in turns so that both see the same load on
 * a shared machine. One run of each first, not counted, fills the file cache.
 */
export function wallTimes(
  runs: number,
  program: { readonly args: readonly string[]; readonly expect: RegExp },
  floor: { readonly args: readonly string[]; readonly expect: RegExp },
  env: NodeJS.ProcessEnv,
): { readonly program: number[]; readonly floor: number[] } {
  timeRun(program.args, env, program.expect);
  timeRun(floor.args, env, floor.expect);
  const out = { program: [] as number[], floor: [] as number[] };
  for (let i = 0; i < runs; i++) {
    out.floor.push(timeRun(floor.args, env, floor.expect));
    out.program.push(timeRun(program.args, env, program.expect));
  }
  return out;
}

/** tmux, installed when missing where the project's CI runs (Debian, as root), as the end-to-end test does. */
export function ensureTmux(): boolean {
  const has = () => spawnSync("sh", ["-c", "command -v tmux"], { encoding: "utf8" }).stdout.trim() !== "";
  if (has()) return true;
  if (process.getuid?.() === 0 && spawnSync("sh", ["-c", "command -v apt-get"]).status === 0) {
    spawnSync("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux"], {
      stdio: "ignore",
      timeout: 180_000,
    });
  }
  return has();
}

/**
 * Time to first frame in tmux (80×24): from asking tmux for a new session running the command to the moment a
 * line of the screen reads `line`, polling capture-pane every 2 ms. One tmux client in control mode sends every
 * command, so polling costs no process start (on two cores, a tmux process per poll slows what it measures). A
 * private tmux server, started before with a session that keeps it alive, so that its start is not counted.
 */
export class Tmux {
  private readonly socket = `tcp-tutor-bench-${process.pid}`;
  private readonly client: ChildProcess;
  private readonly waiting: { resolve: (out: string) => void; reject: (e: Error) => void }[] = [];
  private block: string[] | undefined;
  private partial = "";
  private sessions = 0;

  constructor() {
    const base = ["-L", this.socket, "-f", "/dev/null"];
    execFileSync("tmux", [...base, "new-session", "-d", "-s", "keep", "-x", "80", "-y", "24", "sleep 86400"]);
    this.client = spawn("tmux", [...base, "-C", "attach", "-t", "keep"], { stdio: ["pipe", "pipe", "inherit"] });
    this.client.stdout?.setEncoding("utf8");
    this.client.stdout?.on("data", (text: string) => this.read(text));
  }

  /** Control mode: each command's output comes between %begin and %end (or %error); other lines are news. */
  private read(text: string): void {
    const lines = (this.partial + text).split("\n");
    this.partial = lines.pop() ?? "";
    for (const line of lines) {
      if (this.block === undefined) {
        if (line.startsWith("%begin ")) this.block = [];
      } else if (line.startsWith("%end ") || line.startsWith("%error ")) {
        const out = this.block.join("\n");
        this.block = undefined;
        const w = this.waiting.shift();
        if (line.startsWith("%end ")) w?.resolve(out);
        else w?.reject(new Error(`tmux: ${out}`));
      } else {
        this.block.push(line);
      }
    }
  }

  /** One tmux command; its arguments are quoted for tmux's parser (which expands $ and ~ in double quotes). */
  private command(...args: string[]): Promise<string> {
    const quoted = args.map((a) => `"${a.replace(/[\\"$~]/g, "\\$&")}"`).join(" ");
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.client.stdin?.write(`${quoted}\n`);
    });
  }

  async start(): Promise<void> {
    // The first %begin/%end pair is the attach itself.
    await new Promise<string>((resolve, reject) => this.waiting.push({ resolve, reject }));
    await this.command("set-option", "-g", "remain-on-exit", "on");
  }

  async firstFrame(command: string, env: Readonly<Record<string, string>>, line: string, timeoutMs = 15_000): Promise<number> {
    const name = `s${this.sessions++}`;
    const vars = Object.entries(env).flatMap(([k, v]) => ["-e", `${k}=${v}`]);
    const start = performance.now();
    await this.command("new-session", "-d", "-s", name, "-x", "80", "-y", "24", ...vars, command);
    try {
      for (;;) {
        const screen = await this.command("capture-pane", "-p", "-t", name);
        const now = performance.now();
        if (screen.split("\n").some((l) => l.trim() === line)) return now - start;
        if (now - start > timeoutMs) throw new Error(`no line "${line}" after ${timeoutMs} ms; the screen:\n${screen}`);
        await sleep(2);
      }
    } finally {
      await this.command("kill-session", "-t", name);
    }
  }

  /** `runs` first frames each of the game and of the floor, in turns; one of each first, not counted. */
  async firstFrames(runs: number, program: string, home: string): Promise<{ program: number[]; floor: number[] }> {
    const env = { TCP_TUTOR_HOME: home, LANG: "en_US.UTF-8" };
    // The same shell line around both; the sleep keeps the floor's pane alive (tmux may blank a pane that died).
    const game = () => this.firstFrame(`${shellWord(NODE)} ${shellWord(program)}; sleep 60`, env, "tcp-tutor");
    const floor = () => this.firstFrame(`${shellWord(NODE)} -e "console.log('ready')"; sleep 60`, env, "ready");
    await game();
    await floor();
    const out = { program: [] as number[], floor: [] as number[] };
    for (let i = 0; i < runs; i++) {
      out.floor.push(await floor());
      out.program.push(await game());
    }
    return out;
  }

  close(): void {
    execFileSync("tmux", ["-L", this.socket, "-f", "/dev/null", "kill-server"]);
  }
}

/** The pointer of a list row and its number: "❯ 3. Drill". */
const POINTER = /❯ (\d+)\./g;
// CSI (cursor moves, colours, private modes), OSC, and the two-byte escapes.
// biome-ignore lint/suspicious/noControlCharactersInRegex: escape sequences are what it removes
const ANSI = /\x1b\[[0-9;?<=>]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78MDEc]/g;
const DOWN = "\x1b[B";

interface Chunk {
  readonly t: number;
  readonly text: string;
}

/** The row the pointer is on in a chunk of output (the last one drawn), 0-based; undefined if it draws none. */
function pointerRow(chunk: Chunk): number | undefined {
  const found = [...chunk.text.replace(ANSI, "").matchAll(POINTER)];
  const last = found[found.length - 1];
  return last ? Number(last[1]) - 1 : undefined;
}

export interface Presses {
  /** ms from writing each key to the first output showing its effect; Infinity for a key whose frame never came. */
  readonly latencies: number[];
  /** Frames that could have been the effect of more than one key (latency above `rows` key intervals). */
  readonly ambiguous: number;
}

/**
 * A program in a pseudo-terminal (`script` gives it one, 80×24), fed keys through a pipe: Down, over and over, on a
 * list that wraps around, each key moving the pointer one row. Each frame's pointer row tells which key it shows:
 * keys are handled in order, so the first key sent (and not yet seen) that leaves the pointer on that row is the
 * one; the keys before it that had no frame of their own (frames merged) are shown by the same frame.
 */
export class Pty {
  private readonly child: ChildProcess;
  private readonly chunks: Chunk[] = [];
  private row = 0;
  rows = 0;

  constructor(command: string, env: NodeJS.ProcessEnv) {
    this.child = spawn("script", ["-qfc", `stty cols 80 rows 24 2>/dev/null; exec ${command}`, "/dev/null"], {
      env,
      stdio: ["pipe", "pipe", "inherit"],
    });
    this.child.stdout?.setEncoding("utf8");
    this.child.stdout?.on("data", (text: string) => this.chunks.push({ t: performance.now(), text }));
  }

  /** Waits for the first frame with the pointer on the first row; the rows are the numbered lines drawn. */
  async ready(timeoutMs = 15_000): Promise<void> {
    const start = performance.now();
    while (!this.chunks.some((c) => pointerRow(c) === 0)) {
      if (performance.now() - start > timeoutMs) throw new Error(`no first frame; output: ${this.output()}`);
      await sleep(10);
    }
    await sleep(500); // whatever the first frame sets off (a resize, an effect) settles
    const screen = this.output().replace(ANSI, "");
    this.rows = new Set([...screen.matchAll(/^[❯ ] (\d+)\. /gm)].map((m) => m[1])).size;
    if (this.rows < 2) throw new Error(`no list to move through; output: ${screen}`);
  }

  private output(): string {
    return this.chunks.map((c) => c.text).join("");
  }

  /** `count` Down keys, `gapMs` apart (each sent at its planned time, so that slow frames do not space them out). */
  async press(count: number, gapMs: number): Promise<Presses> {
    const from = this.chunks.length;
    const sent: number[] = [];
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      const wait = start + i * gapMs - performance.now();
      if (wait > 0) await sleep(wait);
      this.child.stdin?.write(DOWN);
      sent.push(performance.now());
    }
    await sleep(1000);
    const expected = sent.map((_, i) => (this.row + i + 1) % this.rows);
    this.row = (this.row + count) % this.rows;

    const latencies: number[] = Array.from({ length: count }, () => Number.POSITIVE_INFINITY);
    let next = 0;
    let ambiguous = 0;
    for (const chunk of this.chunks.slice(from)) {
      const row = pointerRow(chunk);
      if (row === undefined) continue;
      for (let j = next; j < count && (sent[j] ?? Infinity) <= chunk.t; j++) {
        if (expected[j] !== row) continue;
        if ((sent[j + this.rows] ?? Infinity) <= chunk.t) ambiguous++;
        for (let k = next; k <= j; k++) latencies[k] = chunk.t - (sent[k] ?? 0);
        next = j + 1;
        break;
      }
    }
    return { latencies, ambiguous };
  }

  /** The highest resident set size so far of the program (VmHWM of script's child), in bytes. */
  peakMemory(): number {
    const pid = this.child.pid;
    const child = readdirSync("/proc").find((p) => {
      if (!/^\d+$/.test(p)) return false;
      try {
        // pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ")".
        const stat = readFileSync(`/proc/${p}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false;
      }
    });
    if (child === undefined) throw new Error("the program under script is gone");
    const status = readFileSync(`/proc/${child}/status`, "utf8");
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
    if (kb === undefined) throw new Error(`no VmHWM in /proc/${child}/status`);
    return Number(kb) * 1024;
  }

  kill(): void {
    this.child.kill();
  }

  /** Sends `quit` and waits for the end; kills it after 5 s. */
  async close(quit: string): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) resolve();
      else this.child.once("exit", () => resolve());
    });
    this.child.stdin?.write(quit);
    const timer = setTimeout(() => this.child.kill(), 5000);
    await exited;
    clearTimeout(timer);
  }
}

/**
 * The floor for keys: node in raw mode answering each Down with the next row's pointer, as the menu would, with
 * nothing else to do. q ends it.
 */
export function echoFloor(rows: number): string {
  const program =
    `let r=0;const draw=()=>{let o="";for(let i=1;i<=${rows};i++)o+=(i===r+1?"\\u276f ":"  ")+i+". x\\r\\n";process.stdout.write(o)};` +
    `process.stdin.setRawMode(true);draw();process.stdin.on("data",d=>{const s=d.toString();` +
    `if(s.includes("q"))process.exit(0);r=(r+s.split("\\x1b[B").length-1)%${rows};draw()})`;
  return `${shellWord(NODE)} -e ${shellWord(program)}`;
}

export const gameCommand = (program: string): string => `${shellWord(NODE)} ${shellWord(program)}`;
