import type { PlayOptions } from "../../src/cli/game";
import { type Io, run } from "../../src/cli/run";
import { realFs } from "../fixtures/realFs";

export interface Result {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** What the game was started with, when it was. */
  readonly played?: PlayOptions;
}

/**
 * Runs the program in-process with real files, the given standard input and built-in pack. Without `terminal` it
 * runs as if piped; with it, starting the game records the options instead of drawing anything.
 */
export async function tcpTutor(
  argv: readonly string[],
  {
    stdin = "",
    builtinLevels = "levels",
    terminal = false,
    env = {},
  }: {
    readonly stdin?: string;
    readonly builtinLevels?: string;
    readonly terminal?: boolean;
    readonly env?: Readonly<Record<string, string>>;
  } = {},
): Promise<Result> {
  let stdout = "";
  let stderr = "";
  let played: PlayOptions | undefined;
  const io: Io = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    ...realFs,
    readStdin: async () => stdin,
    builtinLevels,
    interactive: terminal,
    env,
    play: async (options) => {
      played = options;
    },
  };
  const code = await run(argv, io);
  return { code, stdout, stderr, ...(played ? { played } : {}) };
}
