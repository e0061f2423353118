import { parseScenario, runScenario, type Trace } from "../engine";
import { renderLadder } from "../ui/ladder";
import type { Command } from "./args";
import { errorLine, EXIT_OK, EXIT_USAGE, type Io } from "./io";

/** `trace FILE|- [--json] [--seed N]`: runs a scenario and prints its ladder diagram or its trace as JSON. */
export async function trace(command: Extract<Command, { kind: "trace" }>, io: Io): Promise<number> {
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
    return fail(`cannot read ${name}: ${errorLine(e)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return fail(`${name}: invalid JSON: ${errorLine(e)}`);
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
