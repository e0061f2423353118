import { readdir, readFile, writeFile } from "node:fs/promises";
import { isAbsolute, relative } from "node:path";
import { createInterface } from "node:readline";
import { text } from "node:stream/consumers";
import { fileURLToPath } from "node:url";
import { loadUi, startGame } from "./game";
import { type Io, run } from "./run";

/**
 * The built-in pack, from the entry's URL (dist/tcp-tutor.mjs → ../levels: this module may be a chunk in another
 * folder), shown relative to the working directory when inside it.
 */
function builtinLevels(entry: string): string {
  const dir = fileURLToPath(new URL("../levels", entry));
  const near = relative(process.cwd(), dir);
  return near !== "" && !near.startsWith("..") && !isAbsolute(near) ? near : dir;
}

/**
 * Asks on stderr and reads one line of stdin. End of input (Ctrl+D, or a pipe that ends) and Ctrl+C give undefined:
 * no answer.
 */
function readLine(question: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    let answer: string | undefined;
    rl.on("SIGINT", () => rl.close());
    rl.on("close", () => {
      // The answer typed in a terminal ended the prompt's line; otherwise (no answer, or one from a pipe) end it.
      if (answer === undefined || !process.stdin.isTTY) process.stderr.write("\n");
      resolve(answer);
    });
    // Not rl.question(): it misses a last line without a newline (`printf y | tcp-tutor reset`).
    rl.once("line", (line) => {
      answer = line;
      rl.close();
    });
    rl.setPrompt(question);
    rl.prompt();
  });
}

const terminal = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };

/**
 * The program: wires the real process to `run`, the only code that does. main.ts loads this module only for a
 * command that needs it (not --help or --version).
 */
const io = (entry: string): Io => ({
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  readFile: (path) => readFile(path, "utf8"),
  listDir: async (path) => (await readdir(path, { withFileTypes: true })).map((e) => ({ name: e.name, dir: e.isDirectory() })),
  readStdin: () => text(process.stdin),
  readLine,
  createFile: (path, contents) => writeFile(path, contents, { encoding: "utf8", flag: "wx" }),
  now: Date.now,
  builtinLevels: builtinLevels(entry),
  builtinPack: fileURLToPath(new URL("./pack.json", entry)),
  ...(process.stdout.isTTY ? { columns: process.stdout.columns } : {}),
  interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  env: process.env,
  // The UI (Ink, React) loads only here, after startGame has set the environment they read as they load.
  play: (options) =>
    startGame(options, process.env, async () => {
      const { runGame } = await import("../ui/runGame");
      return {
        play: (o) => runGame({ ...o, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }),
      };
    }),
  host: async (options) => {
    const { runHost } = await loadUi(options.color, process.env, () => import("../ui/live/runLive"));
    await runHost({ ...options, ...terminal });
  },
  join: async (options) => {
    const { runJoin } = await loadUi(options.color, process.env, () => import("../ui/live/runLive"));
    await runJoin({ ...options, ...terminal });
  },
});

// A reader that stops early (`tcp-tutor trace x | head`) is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code !== "EPIPE") throw e;
  process.exit(process.exitCode ?? 0);
});

/** Runs the command line with the real process; `entry` is the URL of the program's entry file (main.ts). */
export function runProcess(argv: readonly string[], entry: string): Promise<number> {
  return run(argv, io(entry));
}
