import { checkDrillOptions, type DrillOptions } from "../game/drill";
import { langFromEnv } from "../ui/i18n";
import type { GameStart } from "../ui/session";
import { renderWorksheet } from "../ui/worksheet";
import { type Command, INTERVIEW_DEFAULTS, WORKSHEET_COUNT } from "./args";
import { EXIT_OK, EXIT_USAGE, type Io } from "./io";

/**
 * `tcp-tutor drill`: the endless drill and the interview round open the game at that screen (the caller plays it);
 * `drill --print` writes a worksheet and needs neither a terminal nor the save. A drill without --seed takes one
 * from the clock, and says which when that seed can bring the same puzzles back.
 */

type DrillCommand = Extract<Command, { kind: "drill" }>;
type InterviewCommand = Extract<Command, { kind: "interview" }>;
type WorksheetCommand = Extract<Command, { kind: "worksheet" }>;

/**
 * `drill` and `drill --interview`: options the generator cannot serve are a mistake on the command line (exit 2,
 * before the terminal is even looked at); then `play` opens the game at the drill. After an interview round seeded
 * from the clock, stderr says how to play the same round again.
 */
export async function drill(
  command: DrillCommand | InterviewCommand,
  io: Io,
  play: (start: GameStart) => Promise<number>,
): Promise<number> {
  const problem = checkDrillOptions(drillOptions(command));
  if (problem !== undefined) return usageError(problem, io);
  const start = drillStart(command, io.now());
  const code = await play(start);
  if (code === EXIT_OK && command.kind === "interview" && command.seed === undefined) {
    io.stderr(`interview seed ${start.seed} (${interviewCommand(command, start.seed)} is the same round again)\n`);
  }
  return code;
}

/** Where the game opens for `drill` or `drill --interview`, with the seed given or one from the clock. */
export function drillStart(
  command: DrillCommand | InterviewCommand,
  now: number,
): Extract<GameStart, { kind: "drill" | "interview" }> {
  const seed = command.seed ?? clockSeed(now);
  if (command.kind === "drill") return { kind: "drill", seed, options: drillOptions(command) };
  return {
    kind: "interview",
    seed,
    count: command.count,
    minutes: command.minutes,
    ...(command.topic === undefined ? {} : { topic: command.topic }),
  };
}

/**
 * `drill --print`: the worksheet, exactly as rendered, on stdout; in the locale's language unless --lang. Without
 * --seed, one from the clock, and on stderr the command that prints the same worksheet again.
 */
export function printWorksheet(command: WorksheetCommand, io: Io): number {
  const options = drillOptions(command);
  const problem = checkDrillOptions(options);
  if (problem !== undefined) return usageError(problem, io);
  const seed = command.seed ?? clockSeed(io.now());
  const lang = command.lang ?? langFromEnv(io.env);
  if (command.seed === undefined) {
    io.stderr(`worksheet seed ${seed} (${worksheetCommand({ ...command, seed, lang })} reprints it)\n`);
  }
  io.stdout(renderWorksheet({ seed, count: command.count, lang, format: command.format, ...options }));
  return EXIT_OK;
}

/** A seed from the clock: its milliseconds as a 32-bit unsigned number. */
export function clockSeed(now: number): number {
  return now >>> 0;
}

function drillOptions(command: DrillCommand | InterviewCommand | WorksheetCommand): DrillOptions {
  const difficulty = command.kind === "interview" ? undefined : command.difficulty;
  return {
    ...(command.topic === undefined ? {} : { topic: command.topic }),
    ...(difficulty === undefined ? {} : { difficulty }),
  };
}

/** The command line that prints the same worksheet: every option that changes it, the defaults left out. */
function worksheetCommand(c: WorksheetCommand & { readonly seed: number; readonly lang: string }): string {
  return [
    `tcp-tutor drill --print --seed ${c.seed}`,
    c.count === WORKSHEET_COUNT ? undefined : `--count ${c.count}`,
    `--lang ${c.lang}`,
    c.format === "md" ? undefined : `--format ${c.format}`,
    c.topic === undefined ? undefined : `--topic ${c.topic}`,
    c.difficulty === undefined ? undefined : `--difficulty ${c.difficulty}`,
  ]
    .filter((part) => part !== undefined)
    .join(" ");
}

function interviewCommand(c: InterviewCommand, seed: number): string {
  return [
    `tcp-tutor drill --interview --seed ${seed}`,
    c.count === INTERVIEW_DEFAULTS.count ? undefined : `--count ${c.count}`,
    c.minutes === INTERVIEW_DEFAULTS.minutes ? undefined : `--minutes ${c.minutes}`,
    c.topic === undefined ? undefined : `--topic ${c.topic}`,
  ]
    .filter((part) => part !== undefined)
    .join(" ");
}

function usageError(problem: string, io: Io): number {
  io.stderr(`drill: ${problem} (see tcp-tutor --help)\n`);
  return EXIT_USAGE;
}
