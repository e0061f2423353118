import { parseArgs, USAGE } from "./args";
import { VERSION } from "./version";

/**
 * The entry point. `--help` and `--version` are answered from the argument parser alone, which loads nothing else;
 * every other command loads the rest of the program (process.ts: levels, engine, save, and the UI only to play)
 * with a dynamic import, which the build splits into its own chunk so that these two never parse it.
 */
const argv = process.argv.slice(2);
const command = parseArgs(argv);
if (command.kind === "help") {
  process.stdout.write(USAGE);
} else if (command.kind === "version") {
  process.stdout.write(`${VERSION}\n`);
} else {
  const { runProcess } = await import("./process");
  process.exitCode = await runProcess(argv, import.meta.url);
}
