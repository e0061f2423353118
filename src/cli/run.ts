import { assertNever } from "../engine/assertNever";
import { parseArgs, USAGE } from "./args";
import { EXIT_OK, EXIT_USAGE, type Io } from "./io";
import { VERSION } from "./version";

export type { Io } from "./io";
export { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from "./io";

/**
 * Runs one command line and returns the exit status. User errors are one line on stderr, never a stack trace.
 * Each command's code is a dynamic import, which the build puts in chunks of its own: `check` does not load the
 * save, the drill generator or the UI's text, and only the game loads Ink.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const command = parseArgs(argv);
  switch (command.kind) {
    case "play":
      return (await import("./play")).play(command, io);
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
      return (await import("./trace")).trace(command, io);
    case "check":
      return (await import("./pack")).check(command, io);
    case "list":
      return (await import("./pack")).list(command, io);
    case "stats":
      return (await import("./save")).stats(command, io);
    case "reset":
      return (await import("./save")).reset(command, io);
    case "export":
      return (await import("./save")).exportProfile(command, io);
    case "import":
      return (await import("./save")).importProfile(command, io);
    case "drill":
    case "interview": {
      const [{ drill }, { play }] = await Promise.all([import("./drill"), import("./play")]);
      return drill(command, io, (start) => play(command, io, start));
    }
    case "worksheet":
      return (await import("./drill")).printWorksheet(command, io);
    case "challengeNew":
      return (await import("./challenge")).challengeNew(command, io);
    case "challenge": {
      const [{ playChallenge }, { play }] = await Promise.all([import("./challenge"), import("./play")]);
      return playChallenge(command, io, (start, submitChallenge) => play(command, io, start, submitChallenge));
    }
    case "verify":
      return (await import("./scoreboard")).verify(command, io);
    case "scoreboard":
      return (await import("./scoreboard")).scoreboard(command, io);
    case "host":
      return (await import("./live")).host(command, io);
    case "join":
      return (await import("./live")).join(command, io);
    default:
      return assertNever(command);
  }
}
