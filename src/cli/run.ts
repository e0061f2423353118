import { assertNever, parseScenario, runScenario, type Trace } from "../engine";
import { loadBuiltinPack } from "../levels/compiled";
import { countLevels, countPuzzles, formatProblem, loadPack, type Pack } from "../levels/loader";
import { langFromEnv } from "../ui/i18n";
import { renderLadder } from "../ui/ladder";
import type { GameStart } from "../ui/session";
import { type Command, parseArgs, type SaveChoice, USAGE } from "./args";
import { drill, printWorksheet } from "./drill";
import { noColorRequested } from "./game";
import { errorLine, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type Io, plural } from "./io";
import { exportProfile, importProfile, progressForPlay, reset, stats } from "./save";
import { VERSION } from "./version";

export type { Io } from "./io";
export { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from "./io";

/** Runs one command line and returns the exit status. User errors are one line on stderr, never a stack trace. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const command = parseArgs(argv);
  switch (command.kind) {
    case "play":
      return play(command, io);
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
    case "check":
      return check(await loadPack(command.levels ?? io.builtinLevels, io), io);
    case "list":
      return list(await loadPack(command.levels ?? io.builtinLevels, io), command.json, io);
    case "stats":
      return stats(command, io);
    case "reset":
      return reset(command, io);
    case "export":
      return exportProfile(command, io);
    case "import":
      return importProfile(command, io);
    case "drill":
    case "interview":
      return drill(command, io, (start) => play(command, io, start));
    case "worksheet":
      return printWorksheet(command, io);
    default:
      return assertNever(command);
  }
}

/**
 * The game: in a terminal only, with the pack's valid levels and the profile's progress; in the profile's language,
 * else the locale's; colour unless turned off (--no-color, NO_COLOR, or the profile's setting). It opens at `start`
 * (a drill), else at the title menu.
 */
async function play(
  command: { readonly levels: string | undefined; readonly color: boolean } & SaveChoice,
  io: Io,
  start?: GameStart,
): Promise<number> {
  if (!io.interactive) {
    io.stderr(
      "tcp-tutor: the game needs a terminal (standard input and output); see tcp-tutor --help for the other commands\n",
    );
    return EXIT_USAGE;
  }
  const pack =
    command.levels === undefined && io.builtinPack !== undefined
      ? await loadBuiltinPack(io.builtinLevels, io, io.builtinPack)
      : await loadPack(command.levels ?? io.builtinLevels, io);
  if (countLevels(pack) === 0) {
    io.stderr(`tcp-tutor: no level in ${pack.dir} could be loaded (see tcp-tutor check ${pack.dir})\n`);
    return EXIT_PROBLEMS;
  }
  if (pack.problems.length > 0) {
    const n = plural(pack.problems.length, "problem");
    io.stderr(`tcp-tutor: ${pack.dir} has ${n}; the levels concerned are left out (see tcp-tutor check ${pack.dir})\n`);
  }
  const { store, settings, notices } = progressForPlay(command, io);
  await io.play({
    chapters: pack.chapters,
    store,
    lang: settings.lang ?? langFromEnv(io.env),
    color: command.color && !noColorRequested(io.env) && (settings.color ?? true),
    notices,
    ...(start === undefined ? {} : { start }),
  });
  return EXIT_OK;
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

/** Every problem of the pack, one line each; or one line saying it is all valid. */
function check(pack: Pack, io: Io): number {
  if (pack.problems.length > 0) {
    io.stdout(pack.problems.map((p) => `${formatProblem(p)}\n`).join(""));
    return EXIT_PROBLEMS;
  }
  const counts = [
    plural(pack.chapters.length, "chapter"),
    plural(countLevels(pack), "level"),
    plural(countPuzzles(pack), "puzzle"),
  ];
  io.stdout(`${pack.dir}: ${counts.join(", ")}, all valid\n`);
  return EXIT_OK;
}

/**
 * The pack's levels in play order. On stderr, a skipped level file is one line with its first problem; a problem in
 * the manifest (which is not skipped) is a line of its own.
 */
function list(pack: Pack, json: boolean, io: Io): number {
  const skipped = new Set<string>();
  for (const p of pack.problems) {
    if (p.file === pack.manifest) {
      io.stderr(`${formatProblem(p)}\n`);
    } else if (!skipped.has(p.file)) {
      skipped.add(p.file);
      io.stderr(`skipped ${formatProblem(p)}\n`);
    }
  }
  const rows = pack.chapters.flatMap((c) =>
    c.levels.map((l) => ({ id: l.level.id, chapter: c.id, title: l.level.title.en, puzzles: l.level.puzzles.length, titles: l.level.title })),
  );
  if (json) {
    io.stdout(`${JSON.stringify(rows)}\n`);
  } else {
    const idWidth = Math.max(0, ...rows.map((r) => r.id.length));
    const titleWidth = Math.max(0, ...rows.map((r) => r.title.length));
    const chapters = pack.chapters.filter((c) => c.levels.length > 0);
    io.stdout(
      chapters
        .map((c) => {
          const levels = c.levels.map(
            (l) => `  ${l.level.id.padEnd(idWidth)}  ${l.level.title.en.padEnd(titleWidth)}  (${plural(l.level.puzzles.length, "puzzle")})\n`,
          );
          return `${c.title.en}\n${levels.join("")}`;
        })
        .join("\n"),
    );
  }
  return rows.length > 0 ? EXIT_OK : EXIT_PROBLEMS;
}

const LADDER_WIDTH = 80;

function ladder(t: Trace, columns: number | undefined): string {
  const lines = renderLadder(t, { width: Math.min(LADDER_WIDTH, columns ?? LADDER_WIDTH) });
  lines.push(`final: client ${t.final.client}, server ${t.final.server}`);
  return `${lines.join("\n")}\n`;
}
