import type { PackFs } from "../levels/loader";
import type { HostAppProps, JoinAppProps } from "../ui/live/LiveApps";
import type { Env, PlayOptions } from "./game";

/** Everything the program does to the outside world, passed in so that tests run it in-process. */
export interface Io extends PackFs {
  stdout(text: string): void;
  stderr(text: string): void;
  /** All of standard input (`trace -`, `import -`). */
  readStdin(): Promise<string>;
  /** Asks `question` on stderr and reads one line of standard input: the answer, or undefined at its end. */
  readLine(question: string): Promise<string | undefined>;
  /** Creates a file holding `text`; fails with EEXIST when the file exists (no command overwrites a file). */
  createFile(path: string, text: string): Promise<void>;
  /** The clock, in milliseconds since the epoch: days played, drill reviews due, backups' names. */
  now(): number;
  /** The built-in level pack: `levels/` beside the installed program. */
  readonly builtinLevels: string;
  /** The built-in pack compiled at build time (dist/pack.json), which the game loads while it matches levels/. */
  readonly builtinPack?: string;
  /** The terminal's width, when stdout is one: the ladder is drawn 80 columns wide, or narrower to fit. */
  readonly columns?: number;
  /** Standard input and output are both a terminal: the game needs one to draw in and read keys from. */
  readonly interactive: boolean;
  /** The environment: the locale (LC_ALL, LC_MESSAGES, LANG), NO_COLOR and TCP_TUTOR_HOME. */
  readonly env: Readonly<Env>;
  /** Plays the game until the player quits (main.ts loads the UI only then: see game.ts). */
  play(options: PlayOptions): Promise<void>;
  /** The host's screen of a live round, until the host quits (loaded as the game is). */
  host(options: HostAppProps): Promise<void>;
  /** A student's screen of a live round, until they quit. */
  join(options: JoinAppProps): Promise<void>;
}

/**
 * Exit statuses: 0 done; 1 a problem with the level pack, the save or a file read or written, or a reset not
 * confirmed; 2 the command line or the scenario is wrong, or no terminal for the game.
 */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** An error's message on one line (JSON.parse quotes the input, newlines included). */
export function errorLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/\s+/g, " ").trim();
}
