import { type Io, run } from "../../src/cli/run";
import { realFs } from "../fixtures/realFs";

export interface Result {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the program in-process with real files, the given standard input and built-in pack. */
export async function tcpTutor(
  argv: readonly string[],
  { stdin = "", builtinLevels = "levels" }: { readonly stdin?: string; readonly builtinLevels?: string } = {},
): Promise<Result> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    ...realFs,
    readStdin: async () => stdin,
    builtinLevels,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}
