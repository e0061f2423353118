import { assertNever, parseScenario, runScenario, type Trace } from "../engine";
import { renderLadder } from "../ui/ladder";
import { type Command, parseArgs, USAGE } from "./args";
import { VERSION } from "./version";

/** Everything the program does to the outside world, passed in so that tests run it in-process. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Rejects with the system error (ENOENT…) when the file cannot be read. */
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
  /** The terminal's width, when stdout is one: the ladder is drawn 80 columns wide, or narrower to fit. */
  readonly columns?: number;
}

/** Exit statuses: 0 done, 2 the command line or the scenario is wrong. */
export const EXIT_OK = 0;
export const EXIT_USAGE = 2;

/** Runs one command line and returns the exit status. User errors are one line on stderr, never a stack trace. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const command = parseArgs(argv);
  switch (command.kind) {
    case "help":
      io.stdout(USAGE);
      return EXIT_OK;
    case "version":
      io.stdout(`${VERSION}\n`);
      return EXIT_OK;
    case "usageError":
      io.stderr(`${command.message} (see tcp-tutor --help)\n`);
      return EXIT_USAGE;
    case "trace":
      return trace(command, io);
    default:
      return assertNever(command);
  }
}

async function trace(command: Extract<Command, { kind: "trace" }>, io: Io): Promise<number> {
  const stdin = command.file === "-";
  const name = stdin ? "stdin" : command.file;
  const fail = (message: string): number => {
    io.stderr(`trace: ${message}\n`);
    return EXIT_USAGE;
  };

  let text: string;
  try {
    text = stdin ? await io.readStdin() : await io.readFile(command.file);
  } catch (e) {
    return fail(`cannot read ${name}: ${oneLine(e instanceof Error ? e.message : String(e))}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return fail(`${name}: invalid JSON: ${oneLine(e instanceof Error ? e.message : String(e))}`);
  }
  const parsed = parseScenario(json);
  if (!parsed.ok) return fail(`${name}: ${parsed.error}`);

  const result = runScenario(parsed.scenario, { seed: command.seed });
  io.stdout(command.json ? `${JSON.stringify(result)}\n` : ladder(result, io.columns));
  return EXIT_OK;
}

const LADDER_WIDTH = 80;

function ladder(t: Trace, columns: number | undefined): string {
  const lines = renderLadder(t, { width: Math.min(LADDER_WIDTH, columns ?? LADDER_WIDTH) });
  lines.push(`final: client ${t.final.client}, server ${t.final.server}`);
  return `${lines.join("\n")}\n`;
}

/** Error messages from JSON.parse quote the input, newlines included. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
