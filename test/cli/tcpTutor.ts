import { mkdtempSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import type { PlayOptions } from "../../src/cli/game";
import type { HostAppProps, JoinAppProps } from "../../src/ui/live/LiveApps";
import { type Io, run } from "../../src/cli/run";
import { realFs } from "../fixtures/realFs";

export interface Result {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The save directory the program was given (TCP_TUTOR_HOME): a fresh temporary one unless the test chose. */
  readonly home: string;
  /** What the game was started with, when it was. */
  readonly played?: PlayOptions;
  /** What the host's or a student's live screen was started with, when it was. */
  readonly hosted?: HostAppProps;
  readonly joined?: JoinAppProps;
}

/** The moment the tests run at, unless they say otherwise: noon UTC is the same day in nearly every time zone. */
export const NOW = Date.parse("2026-11-21T12:00:00Z");

let root: string | undefined;
// Each test file loads this module afresh: its temporary homes go when the file's tests are done.
afterAll(() => {
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
});

/** A new, empty directory for a save, removed after the test file: no test ever touches the real home. */
export function tempHome(): string {
  root ??= mkdtempSync(join(tmpdir(), "tcp-tutor-test-"));
  return mkdtempSync(join(root, "home-"));
}

/**
 * Runs the program in-process with real files, the given standard input and built-in pack, and a save directory of
 * its own (TCP_TUTOR_HOME): `home`, or the env's TCP_TUTOR_HOME, or else a fresh temporary one. Without `terminal`
 * it runs as if piped; with it, starting the game records the options instead of drawing anything. A question
 * (reset's) reads the next line of `stdin`.
 */
export async function tcpTutor(
  argv: readonly string[],
  {
    stdin = "",
    builtinLevels = "levels",
    terminal = false,
    env = {},
    home = env.TCP_TUTOR_HOME ?? tempHome(),
    now = NOW,
    live,
  }: {
    readonly stdin?: string;
    readonly builtinLevels?: string;
    readonly terminal?: boolean;
    readonly env?: Readonly<Record<string, string>>;
    readonly home?: string;
    readonly now?: number;
    /** Stands in for the host's screen while it is open: what the host does (the server is live meanwhile). */
    readonly live?: (options: HostAppProps) => Promise<void>;
  } = {},
): Promise<Result> {
  let stdout = "";
  let stderr = "";
  let played: PlayOptions | undefined;
  let hosted: HostAppProps | undefined;
  let joined: JoinAppProps | undefined;
  let unread = stdin;
  const io: Io = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    ...realFs,
    readStdin: async () => {
      const all = unread;
      unread = "";
      return all;
    },
    // As when standard input is a pipe: the question, then the end of its line (main.ts).
    readLine: async (question) => {
      stderr += `${question}\n`;
      if (unread === "") return undefined;
      const end = unread.indexOf("\n");
      const line = end === -1 ? unread : unread.slice(0, end);
      unread = end === -1 ? "" : unread.slice(end + 1);
      return line;
    },
    createFile: (path, text) => writeFile(path, text, { encoding: "utf8", flag: "wx" }),
    now: () => now,
    builtinLevels,
    interactive: terminal,
    env: { ...env, TCP_TUTOR_HOME: home },
    play: async (options) => {
      played = options;
    },
    host: async (options) => {
      hosted = options;
      await live?.(options);
    },
    join: async (options) => {
      joined = options;
    },
  };
  const code = await run(argv, io);
  return { code, stdout, stderr, home, ...(played ? { played } : {}), ...(hosted ? { hosted } : {}), ...(joined ? { joined } : {}) };
}

/** What a person sees of a run: the exit status and both streams. */
export function output(r: Result): { code: number; stdout: string; stderr: string } {
  return { code: r.code, stdout: r.stdout, stderr: r.stderr };
}

/** The rest of an Io for tests that build their own and never use the save: asking or writing fails the test. */
export const noSave: Pick<Io, "readLine" | "createFile" | "now"> = {
  readLine: () => Promise.reject(new Error("a question was asked")),
  createFile: () => Promise.reject(new Error("a file was written")),
  now: () => NOW,
};
