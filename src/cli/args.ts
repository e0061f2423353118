import type { Lang } from "../levels/schema";
import { type Difficulty, DIFFICULTIES, isDifficulty, isTopic, type Topic, TOPICS } from "../game/drill/topics";
import { PROFILE_NAME, PROFILE_NAME_RULE } from "../store/profileName";

/**
 * The command line, as tables (the commands with their options, and the options every command takes), so that the
 * usage text and the parser cannot drift apart. Pure: argv in, a command out.
 *
 * Light on purpose: `tcp-tutor --help` parses the line before anything else is loaded, so this module imports no
 * library (zod, yaml, conf, Ink) and not the engine; only constants that import nothing themselves.
 */

/** Where the save is and whose progress: `--home DIR` and `--profile NAME`, undefined when not given. */
export interface SaveChoice {
  readonly home: string | undefined;
  readonly profile: string | undefined;
}

export type Command =
  /** The game itself; `color` is false with --no-color (NO_COLOR is the caller's to check). */
  | ({ readonly kind: "play"; readonly levels: string | undefined; readonly color: boolean } & SaveChoice)
  | { readonly kind: "help" }
  | { readonly kind: "version" }
  | { readonly kind: "trace"; readonly file: string; readonly json: boolean; readonly seed: number }
  /** `levels` is the pack directory given, undefined for the built-in pack. */
  | { readonly kind: "check"; readonly levels: string | undefined }
  | { readonly kind: "list"; readonly json: boolean; readonly levels: string | undefined }
  | ({ readonly kind: "stats"; readonly json: boolean; readonly levels: string | undefined } & SaveChoice)
  /** `yes`: erase without asking. */
  | ({ readonly kind: "reset"; readonly yes: boolean } & SaveChoice)
  /** `file` is "-" for standard output (export) or input (import). */
  | ({ readonly kind: "export"; readonly file: string } & SaveChoice)
  | ({ readonly kind: "import"; readonly file: string } & SaveChoice)
  /** `drill`: the endless adaptive drill in the game. `seed` undefined: one from the clock. */
  | ({
      readonly kind: "drill";
      readonly seed: number | undefined;
      readonly topic: Topic | undefined;
      readonly difficulty: Difficulty | undefined;
      readonly levels: string | undefined;
      readonly color: boolean;
    } & SaveChoice)
  /** `drill --interview`: a timed round in the game. */
  | ({
      readonly kind: "interview";
      readonly seed: number | undefined;
      readonly count: number;
      readonly minutes: number;
      readonly topic: Topic | undefined;
      readonly levels: string | undefined;
      readonly color: boolean;
    } & SaveChoice)
  /** `drill --print`: a worksheet on standard output; `lang` undefined: the locale's. Uses no save. */
  | {
      readonly kind: "worksheet";
      readonly seed: number | undefined;
      readonly count: number;
      readonly lang: Lang | undefined;
      readonly format: WorksheetFormat;
      readonly topic: Topic | undefined;
      readonly difficulty: Difficulty | undefined;
    }
  /** `challenge new`: a code for a round; `seed` undefined: one from the clock. */
  | {
      readonly kind: "challengeNew";
      readonly count: number;
      readonly topics: readonly Topic[];
      readonly difficulty: Difficulty | undefined;
      readonly minutes: number;
      readonly seed: number | undefined;
      readonly levels: string | undefined;
    }
  /** `challenge CODE`: the round in the game; the result file written in `out` (default: the current directory). */
  | ({
      readonly kind: "challenge";
      readonly code: string;
      readonly name: string | undefined;
      readonly out: string | undefined;
      readonly levels: string | undefined;
      readonly color: boolean;
    } & SaveChoice)
  /** `challenge verify FILE...`: each result checked. */
  | { readonly kind: "verify"; readonly files: readonly string[]; readonly json: boolean; readonly levels: string | undefined }
  /** `scoreboard DIR|FILE...`: the results checked and ranked. */
  | {
      readonly kind: "scoreboard";
      readonly paths: readonly string[];
      readonly format: ScoreboardFormat;
      readonly levels: string | undefined;
    }
  /** `host`: a live round's server and the host's screen; `seed` undefined: one from the clock. */
  | {
      readonly kind: "host";
      readonly port: number;
      readonly bind: string | undefined;
      readonly count: number;
      readonly topics: readonly Topic[];
      readonly seconds: number;
      /** Seconds a closed question stays before the next comes by itself; undefined: the host's Enter. */
      readonly auto: number | undefined;
      readonly out: string | undefined;
      readonly seed: number | undefined;
      readonly levels: string | undefined;
      readonly color: boolean;
    }
  /** `join ADDR --pin PIN`: a student's screen in a live round. */
  | ({
      readonly kind: "join";
      readonly address: string;
      readonly pin: string;
      readonly name: string | undefined;
      readonly levels: string | undefined;
      readonly color: boolean;
    } & SaveChoice)
  /** A line naming what is wrong; the caller adds the pointer to --help. */
  | { readonly kind: "usageError"; readonly message: string };

const MAX_SEED = 4294967295;

/**
 * An interview round's defaults: src/game/drill/interview.ts's INTERVIEW_COUNT and INTERVIEW_MINUTES, which a test
 * keeps equal to these (importing them would load the generator and the engine to answer --help).
 */
export const INTERVIEW_DEFAULTS = { count: 10, minutes: 5 } as const;
const MAX_INTERVIEW_COUNT = 100;
/** Decimals allowed: 2.5 is two and a half minutes. */
const MAX_INTERVIEW_MINUTES = 60;
export const WORKSHEET_COUNT = 10;
const MAX_WORKSHEET_COUNT = 200;
/** The worksheet's languages (the level schema's LANGS, which loads zod; a test keeps them equal). */
const WORKSHEET_LANGS = ["en", "zh-CN"] as const satisfies readonly Lang[];
export const WORKSHEET_FORMATS = ["md", "json"] as const;
export type WorksheetFormat = (typeof WORKSHEET_FORMATS)[number];

/**
 * A challenge round's limits and defaults: src/game/challenge/code.ts's MAX_COUNT, MAX_MINUTES and MAX_SEED, which
 * a test keeps equal to these.
 */
export const CHALLENGE_LIMITS = { count: 64, minutes: 63, seed: 16777215 } as const;
export const CHALLENGE_DEFAULTS = { count: 10, minutes: 10 } as const;
/** A live round's defaults and limits (MAX_SECONDS is src/game/live/room.ts's, kept equal by a test). */
export const LIVE_DEFAULTS = { port: 8123, count: 10, seconds: 30 } as const;
export const LIVE_LIMITS = { seconds: 3600, auto: 600 } as const;
export const SCOREBOARD_FORMATS = ["text", "json", "csv", "md"] as const;
export type ScoreboardFormat = (typeof SCOREBOARD_FORMATS)[number];

const GLOBAL_FLAGS = [
  { names: ["--help", "-h"], kind: "help", help: "show this help" },
  { names: ["--version", "-V"], kind: "version", help: "show the version" },
] as const;

/** An option of a command: a flag, or with `value` an option that takes one (`--seed N` or `--seed=N`). */
interface OptionSpec {
  readonly name: string;
  readonly value?: string;
  /** For an option with a value: what the value is, for "--seed needs a value, a whole number". */
  readonly needs?: string;
  /** May be given more than once (`--topic close --topic reset`), each value kept: `--topic T...` in the usage. */
  readonly repeat?: true;
  /** Options of one group exclude each other: one bracket in the synopsis, `[--json|--csv|--md]`. */
  readonly group?: string;
  /** Must be given: no brackets in the synopsis. */
  readonly required?: true;
  readonly help: string;
}

interface CommandSpec {
  readonly name: string;
  /** The one operand the command takes, if any, as the usage names it. */
  readonly operand?: string;
  /** The operand must be given: the message when it is missing. */
  readonly missing?: string;
  /** Why a second operand (or any, without `operand`) is refused, in parentheses after "unexpected argument". */
  readonly extra: string;
  /** The operand may be given more than once (`FILE...`). */
  readonly many?: true;
  readonly options: readonly OptionSpec[];
  /** What it does, one or more lines of the usage (wrapped by hand at 110 columns). */
  readonly help: string;
  /**
   * Other ways to run the command, each chosen by its flag (`drill --print`) or by a word first on the line
   * (`challenge new`), and taking its own options (and operand) instead of the command's; a synopsis each in the
   * usage. An option of another mode is a mistake on the command line.
   */
  readonly modes?: readonly ModeSpec[];
}

interface ModeSpec {
  /** The flag that chooses the mode, or with `word` the word. */
  readonly flag: string;
  /** The mode is a word that comes first (`challenge verify FILE...`), not a flag anywhere on the line. */
  readonly word?: true;
  /** The mode's operand, instead of the command's; null: none. As the command's otherwise. */
  readonly operand?: string | null;
  readonly missing?: string;
  readonly many?: true;
  readonly options: readonly OptionSpec[];
  readonly help: string;
}

const JSON_FLAG = { name: "--json", help: "as JSON, for programs" } as const;

const INTERVIEW = "--interview";
const PRINT = "--print";
const SEED_RANGE = `0 to ${MAX_SEED}`;
const EASIEST = Math.min(...DIFFICULTIES);
const HARDEST = Math.max(...DIFFICULTIES);
const DRILL_TOPIC = { name: "--topic", value: "T", needs: "a topic", help: `only this topic: ${TOPICS.join(", ")}` };
const DRILL_DIFFICULTY = {
  name: "--difficulty",
  value: "D",
  needs: "a difficulty",
  help: `only this difficulty, ${EASIEST} (first steps) to ${HARDEST} (interview hard)`,
};
const DRILL_SEED = {
  name: "--seed",
  value: "S",
  needs: "a whole number",
  help: `the seed, ${SEED_RANGE} (default: from the clock)`,
};

const COMMANDS = [
  {
    name: "trace",
    operand: "FILE|-",
    missing: "missing FILE (a scenario file, or - for standard input)",
    extra: "one scenario at a time",
    options: [
      { name: "--json", help: "print the trace as JSON instead of the ladder diagram" },
      {
        name: "--seed",
        value: "N",
        needs: "a whole number",
        help: "seed the initial sequence numbers the scenario leaves out (default 1)",
      },
    ],
    help: "Run a scenario (a JSON file, or - for standard input) and draw its ladder diagram.",
  },
  {
    name: "check",
    operand: "[DIR]",
    extra: "one pack at a time",
    options: [],
    help: "Check a level pack (default: the built-in one): every problem, with its file, line and field.",
  },
  {
    name: "levels",
    extra: "use --levels DIR for another pack",
    options: [JSON_FLAG],
    help: "List the pack's chapters and levels.",
  },
  {
    name: "stats",
    extra: "use --profile NAME for another profile",
    options: [JSON_FLAG],
    help: "A profile's progress: each chapter's levels and stars, accuracy per concept (weakest first), the\n" +
      "misconceptions fallen for, the day streak, totals, and the drill's concepts due for review.",
  },
  {
    name: "reset",
    extra: "use --profile NAME for another profile",
    options: [{ name: "--yes", help: "erase without asking" }],
    help: "Erase a profile's progress (its settings stay), once you confirm. What it erased is kept in a backup\n" +
      "file, which tcp-tutor import puts back.",
  },
  {
    name: "export",
    operand: "FILE|-",
    missing: "missing FILE (the file to write, or - for standard output)",
    extra: "one file at a time",
    options: [],
    help: "Write a profile's progress to FILE as JSON (- for standard output). An existing FILE is never\n" +
      "overwritten.",
  },
  {
    name: "import",
    operand: "FILE|-",
    missing: "missing FILE (a file written by tcp-tutor export, or - for standard input)",
    extra: "one file at a time",
    options: [],
    help: "Read a profile written by tcp-tutor export (- for standard input) into the profile named in the\n" +
      "file (or --profile NAME): a new profile, or merged with the one there, keeping the best of each. A file\n" +
      "that is not a valid export changes nothing.",
  },
  {
    name: "drill",
    extra: "use --topic T for a topic",
    options: [DRILL_TOPIC, DRILL_DIFFICULTY, DRILL_SEED],
    help: "Drill: generated puzzles without end, each about the concept most due for review (spaced repetition,\n" +
      "remembered per profile; tcp-tutor stats shows what is due), until you stop. Needs a terminal.",
    modes: [
      {
        flag: INTERVIEW,
        options: [
          {
            name: "--count",
            value: "N",
            needs: "a whole number",
            help: `puzzles in the round, 1 to ${MAX_INTERVIEW_COUNT} (default ${INTERVIEW_DEFAULTS.count})`,
          },
          {
            name: "--minutes",
            value: "M",
            needs: "a number of minutes",
            help:
              `the round's time in minutes, up to ${MAX_INTERVIEW_MINUTES}; 2.5 is two and a half ` +
              `(default ${INTERVIEW_DEFAULTS.minutes})`,
          },
          DRILL_TOPIC,
          DRILL_SEED,
        ],
        help: "A timed round, as on an interview screen, easiest puzzles first; then the concepts you missed, with\n" +
          "the explanations to read. Needs a terminal.",
      },
      {
        flag: PRINT,
        options: [
          {
            name: "--count",
            value: "N",
            needs: "a whole number",
            help: `puzzles on the sheet, 1 to ${MAX_WORKSHEET_COUNT} (default ${WORKSHEET_COUNT})`,
          },
          {
            name: "--seed",
            value: "S",
            needs: "a whole number",
            help: `the seed, ${SEED_RANGE} (default: from the clock, shown on stderr for a reprint)`,
          },
          {
            name: "--lang",
            value: "L",
            needs: WORKSHEET_LANGS.join(" or "),
            help: `the language, ${WORKSHEET_LANGS.join(" or ")} (default: the locale's)`,
          },
          {
            name: "--format",
            value: WORKSHEET_FORMATS.join("|"),
            needs: WORKSHEET_FORMATS.join(" or "),
            help: "Markdown (default), or JSON for programs (README.md has its fields)",
          },
          DRILL_TOPIC,
          DRILL_DIFFICULTY,
        ],
        help: "Print a worksheet, for paper or a class handout (no terminal needed, nothing saved): the questions\n" +
          "with lettered choices, each with its ladder so far, then an answer key with explanations. The same\n" +
          "options print the same worksheet, byte for byte.",
      },
    ],
  },
  {
    name: "challenge",
    operand: "CODE",
    missing: "missing CODE (the code of the round; tcp-tutor challenge new makes one)",
    extra: "one code at a time",
    options: [
      { name: "--name", value: "NAME", needs: "a name", help: "your name on the scoreboard (default: the profile's)" },
      { name: "--out", value: "DIR", needs: "a directory", help: "write the result file in DIR (default: here)" },
    ],
    help: "Play a classroom challenge: the round the code stands for, the same puzzles in the same order on every\n" +
      "machine, timed if the code says so. Then the score, and a result file to hand in (its path is printed).\n" +
      "Needs a terminal.",
    modes: [
      {
        flag: "new",
        word: true,
        operand: null,
        options: [
          {
            name: "--count",
            value: "N",
            needs: "a whole number",
            help: `puzzles in the round, 1 to ${CHALLENGE_LIMITS.count} (default ${CHALLENGE_DEFAULTS.count})`,
          },
          { ...DRILL_TOPIC, repeat: true, help: `only these (repeatable): ${TOPICS.join(", ")}` },
          { ...DRILL_DIFFICULTY, help: `only this difficulty, ${EASIEST} to ${HARDEST} (default: rising over the round)` },
          {
            name: "--minutes",
            value: "M",
            needs: "a whole number of minutes",
            help: `the round's time, 0 (untimed) to ${CHALLENGE_LIMITS.minutes} (default ${CHALLENGE_DEFAULTS.minutes})`,
          },
          { ...DRILL_SEED, help: `the seed, 0 to ${CHALLENGE_LIMITS.seed} (default: from the clock)` },
        ],
        help: "Make a challenge code for a class (no terminal needed): twelve characters to read aloud or write on the\n" +
          "board, with a check character that catches a typo. The code alone brings the round back anywhere.",
      },
      {
        flag: "verify",
        word: true,
        operand: "FILE...",
        missing: "missing FILE (the result files to check)",
        many: true,
        options: [JSON_FLAG],
        help: "Check result files: each one's answers are replayed against its round and every number recomputed;\n" +
          "a file edited by hand, with a code that does not exist or answers that could not be given is invalid.\n" +
          "Exit status 1 when any file is invalid.",
      },
    ],
  },
  {
    name: "scoreboard",
    operand: "DIR|FILE...",
    missing: "missing DIR or FILE (a directory of result files, or the files)",
    extra: "",
    many: true,
    options: [
      { name: "--json", group: "format", help: "as JSON, for programs (README.md has its fields)" },
      { name: "--csv", group: "format", help: "the ranking as CSV, for a spreadsheet" },
      { name: "--md", group: "format", help: "as Markdown" },
    ],
    help: "Rank a class's results (the *.json files of each DIR, and each FILE): each result checked as verify\n" +
      "does (an invalid one is listed with why, never counted), ranked by score, then time; then each question\n" +
      "with the share of the class that got it right, and its concept.",
  },
  {
    name: "host",
    extra: "the options say what round to host",
    options: [
      { name: "--port", value: "P", needs: "a port number", help: `the port, 0 for any free one (default ${LIVE_DEFAULTS.port})` },
      { name: "--bind", value: "ADDR", needs: "an address", help: "listen on this address only (default: every one)" },
      {
        name: "--count",
        value: "N",
        needs: "a whole number",
        help: `puzzles in the round, 1 to ${CHALLENGE_LIMITS.count} (default ${LIVE_DEFAULTS.count})`,
      },
      { ...DRILL_TOPIC, repeat: true, help: `only these (repeatable): ${TOPICS.join(", ")}` },
      {
        name: "--seconds",
        value: "S",
        needs: "a whole number of seconds",
        help: `each question is open this long, 5 to ${LIVE_LIMITS.seconds} (default ${LIVE_DEFAULTS.seconds})`,
      },
      {
        name: "--auto",
        value: "S",
        needs: "a whole number of seconds",
        help: "after each reveal, the next question comes by itself in S seconds (default: on Enter)",
      },
      { name: "--out", value: "DIR", needs: "a directory", help: "write the results in DIR (default: live-CODE here)" },
      { ...DRILL_SEED, help: `the seed, 0 to ${CHALLENGE_LIMITS.seed} (default: from the clock)` },
    ],
    help: "Host a live round for a class on this machine's network: students join from their terminals, everyone\n" +
      "answers the same question at the same time, the server scores. Shows the join address, the PIN and the\n" +
      "projector page (http://ADDR:PORT/); Enter starts, closes a question, shows the next. At the end each\n" +
      "player's result file (as challenge verify and scoreboard read) is written. Needs a terminal.",
  },
  {
    name: "join",
    operand: "ADDR[:PORT]",
    missing: "missing ADDR (the address the host shows, like 192.168.1.20:8123)",
    extra: "one host at a time",
    options: [
      {
        name: "--pin",
        value: "PIN",
        needs: "the PIN the host shows",
        required: true,
        help: "the round's PIN (the host shows it)",
      },
      { name: "--name", value: "NAME", needs: "a name", help: "your name on the leaderboard (default: the profile's)" },
    ],
    help: "Join a live round: each question with its ladder and countdown; after it, right or wrong and your place.\n" +
      "A dropped connection rejoins by itself, with your score. Needs a terminal.",
  },
] as const satisfies readonly CommandSpec[];

type CommandName = (typeof COMMANDS)[number]["name"];

/** Accepted by every command, before or after it, as `--name VALUE` or `--name=VALUE`. */
const GLOBAL_OPTIONS = [
  {
    name: "--levels",
    value: "DIR",
    needs: "a directory",
    help: "use the level pack in DIR instead of the built-in one",
  },
  {
    name: "--profile",
    value: "NAME",
    needs: "a profile name",
    help: "whose progress (default: the profile last chosen in the game)",
  },
  {
    name: "--home",
    value: "DIR",
    needs: "a directory",
    help: "keep the save in DIR (default: $TCP_TUTOR_HOME, else the user's config directory)",
  },
] as const satisfies readonly OptionSpec[];

type GlobalName = (typeof GLOBAL_OPTIONS)[number]["name"];

/** Accepted anywhere, used by the game (the other commands print no colour). */
const NO_COLOR_FLAG = { name: "--no-color", help: "no colours (as when NO_COLOR is set)" };

const optionText = (o: OptionSpec): string => `${o.name}${o.value ? ` ${o.value}${o.repeat ? "..." : ""}` : ""}`;

/** A synopsis within 110 columns: what does not fit goes on the next line, under the command's first argument. */
function wrapSynopsis(parts: readonly string[]): string {
  const lines = [`  ${parts[0] ?? ""}`];
  const indent = " ".repeat((lines[0] as string).length + 1);
  for (const part of parts.slice(1)) {
    const last = lines[lines.length - 1] as string;
    if (last.length + 1 + part.length > 110) lines.push(`${indent}${part}`);
    else lines[lines.length - 1] = `${last} ${part}`;
  }
  return lines.join("\n");
}

/** The options in a synopsis: `[--count N]` each, a group's together as `[--json|--csv|--md]`. */
function synopsisOptions(options: readonly OptionSpec[]): string[] {
  const out: string[] = [];
  for (const o of options) {
    const group = o.group === undefined ? [o] : options.filter((x) => x.group === o.group);
    const text = group.map(optionText).join("|");
    if (group[0] === o) out.push(o.required ? text : `[${text}]`);
  }
  return out;
}
const GLOBAL_WIDTH = Math.max(...GLOBAL_OPTIONS.map((o) => optionText(o).length));

/**
 * A command's synopsis, what it does and its options; then the same for each of its modes, where an option already
 * described above is not described again.
 */
function commandUsage(c: CommandSpec): string {
  const modes: readonly (Pick<ModeSpec, "operand" | "options" | "help"> & { readonly flag?: string | undefined })[] = [
    { flag: undefined, options: c.options, help: c.help },
    ...(c.modes ?? []),
  ];
  const width = Math.max(10, ...modes.flatMap((m) => m.options.map((o) => optionText(o).length)));
  const described = new Set<OptionSpec>();
  return modes
    .map((m) => {
      const operand = m.operand === undefined ? c.operand : (m.operand ?? undefined);
      const synopsis = [`tcp-tutor ${c.name}`, m.flag, operand, ...synopsisOptions(m.options)];
      const options = m.options
        .filter((o) => !described.has(o))
        .map((o) => {
          described.add(o);
          return `        ${optionText(o).padEnd(width)} ${o.help}\n`;
        });
      const help = m.help
        .split("\n")
        .map((l) => `      ${l}\n`)
        .join("");
      return `${wrapSynopsis(synopsis.filter((s) => s !== undefined))}\n${help}${options.join("")}`;
    })
    .join("");
}

export const USAGE = `tcp-tutor: learn the TCP state machine by predicting it

Usage:
  tcp-tutor [${NO_COLOR_FLAG.name}]
      Play: chapters of levels in which you predict what TCP does next. Needs a terminal of 60×20 or more
      (80×24 is best). ${NO_COLOR_FLAG.name}: ${NO_COLOR_FLAG.help}.
${COMMANDS.map(commandUsage).join("")}  Every command also takes:
${GLOBAL_OPTIONS.map((o) => `        ${optionText(o).padEnd(GLOBAL_WIDTH)}  ${o.help}`).join("\n")}
${GLOBAL_FLAGS.map((f) => `  tcp-tutor ${f.names.join(", ").padEnd(16)} ${f.help}`).join("\n")}

A profile NAME is 1 to 32 letters, digits, _ . or -, starting with a letter or digit.
Progress is saved in progress.json in --home DIR, else in $TCP_TUTOR_HOME, else in ~/.config/tcp-tutor
(Linux; ~/Library/Preferences/tcp-tutor on macOS, %APPDATA%\\tcp-tutor\\Config on Windows).
Exit status: 0 done; 1 a problem with the level pack, the save or a file, or a reset not confirmed;
2 a mistake on the command line, a malformed scenario, or no terminal for the game or a drill.
The scenario format is described in README.md, the level format in levels/README.md.
`;

export function parseArgs(argv: readonly string[]): Command {
  const color = !argv.includes(NO_COLOR_FLAG.name);
  const taken = takeGlobals(argv.filter((a) => a !== NO_COLOR_FLAG.name));
  if (typeof taken === "string") {
    return usageError(COMMANDS.find((c) => c.name === argv[0])?.name ?? "tcp-tutor", taken);
  }
  const { globals, args } = taken;
  const levels = globals.get("--levels");
  const save: SaveChoice = { home: globals.get("--home"), profile: globals.get("--profile") };
  const [first, ...rest] = args;
  if (first === undefined) return { kind: "play", levels, color, ...save };
  const flag = GLOBAL_FLAGS.find((f) => (f.names as readonly string[]).includes(first));
  if (flag) {
    const extra = rest[0];
    return extra === undefined ? { kind: flag.kind } : usageError("tcp-tutor", `unexpected argument ${quote(extra)}`);
  }
  const spec = COMMANDS.find((c) => c.name === first);
  if (spec === undefined) {
    return usageError("tcp-tutor", `${first.startsWith("-") ? "unknown option" : "unknown command"} ${quote(first)}`);
  }
  const parsed = parseCommand(spec, rest);
  if (parsed === "help") return { kind: "help" };
  if (typeof parsed === "string") return usageError(spec.name, parsed);
  const { operand, options, mode } = parsed;
  const name: CommandName = spec.name;
  switch (name) {
    case "trace":
      return trace(operand as string, options);
    case "check":
      // DIR and --levels DIR say the same thing, so only one of them.
      if (operand !== undefined && levels !== undefined) {
        return usageError("check", `unexpected argument ${quote(operand)} (${spec.extra})`);
      }
      return { kind: "check", levels: operand ?? levels };
    case "levels":
      return { kind: "list", json: options.has("--json"), levels };
    case "stats":
      return { kind: "stats", json: options.has("--json"), levels, ...save };
    case "reset":
      return { kind: "reset", yes: options.has("--yes"), ...save };
    case "export":
      return { kind: "export", file: operand as string, ...save };
    case "import":
      return { kind: "import", file: operand as string, ...save };
    case "drill":
      return drill(mode, options, { levels, color, ...save });
    case "challenge":
      return challenge(parsed, { levels, color, ...save });
    case "host":
      return host(parsed, { levels, color });
    case "join": {
      const pin = options.get("--pin");
      if (pin === undefined) return usageError("join", "missing --pin PIN (the PIN the host shows)");
      const name = options.get("--name");
      if (name !== undefined && name.trim() === "") return usageError("join", "--name: expected a name that is not blank, got \"\"");
      return { kind: "join", address: operand as string, pin, name: name?.trim(), levels, color, ...save };
    }
    case "scoreboard": {
      const formats = SCOREBOARD_FORMATS.filter((f) => options.has(`--${f}`));
      if (formats.length > 1) return usageError("scoreboard", `${formats.map((f) => `--${f}`).join(" and ")} cannot be used together`);
      return { kind: "scoreboard", paths: parsed.operands, format: formats[0] ?? "text", levels };
    }
  }
}

function trace(file: string, options: ReadonlyMap<string, string>): Command {
  const seed = options.get("--seed") ?? "1";
  if (!/^\d+$/.test(seed) || Number(seed) > MAX_SEED) {
    return usageError("trace", `--seed: expected a whole number from 0 to ${MAX_SEED}, got ${quote(seed)}`);
  }
  return { kind: "trace", file, json: options.has("--json"), seed: Number(seed) };
}

/** `drill`, `drill --interview` or `drill --print`, each value checked (the first wrong one is told). */
function drill(
  mode: string | undefined,
  options: ReadonlyMap<string, string>,
  game: { readonly levels: string | undefined; readonly color: boolean } & SaveChoice,
): Command {
  const interview = mode === INTERVIEW;
  const read = reader(options);
  const seed = read("--seed", (s) => whole(s, 0, MAX_SEED));
  const topic = read("--topic", (s) => (isTopic(s) ? s : expected(`one of ${TOPICS.join(", ")}`)));
  const difficulty = read("--difficulty", (s) => {
    const d = whole(s, EASIEST, HARDEST);
    return typeof d !== "number" || isDifficulty(d) ? d : expected(`one of ${DIFFICULTIES.join(", ")}`);
  });
  const count = read("--count", (s) => whole(s, 1, interview ? MAX_INTERVIEW_COUNT : MAX_WORKSHEET_COUNT));
  const minutes = read("--minutes", (s) => {
    const n = /^\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
    if (n > 0 && n <= MAX_INTERVIEW_MINUTES) return n;
    return expected(`a number of minutes above 0 and at most ${MAX_INTERVIEW_MINUTES}`);
  });
  const lang = read("--lang", (s) => oneOf(WORKSHEET_LANGS, s));
  const format = read("--format", (s) => oneOf(WORKSHEET_FORMATS, s));
  if (read.problem !== undefined) return usageError("drill", read.problem);
  switch (mode) {
    case undefined:
      return { kind: "drill", seed, topic, difficulty, ...game };
    case INTERVIEW:
      return {
        kind: "interview",
        seed,
        count: count ?? INTERVIEW_DEFAULTS.count,
        minutes: minutes ?? INTERVIEW_DEFAULTS.minutes,
        topic,
        ...game,
      };
    default:
      return {
        kind: "worksheet",
        seed,
        count: count ?? WORKSHEET_COUNT,
        lang,
        format: format ?? "md",
        topic,
        difficulty,
      };
  }
}

/** `challenge new`, `challenge verify FILE...` or `challenge CODE`, each value checked (the first wrong one is told). */
function challenge(
  parsed: Parsed,
  game: { readonly levels: string | undefined; readonly color: boolean } & SaveChoice,
): Command {
  const read = reader(parsed.options);
  const count = read("--count", (s) => whole(s, 1, CHALLENGE_LIMITS.count));
  const difficulty = read("--difficulty", (s) => {
    const d = whole(s, EASIEST, HARDEST);
    return typeof d !== "number" || isDifficulty(d) ? d : expected(`one of ${DIFFICULTIES.join(", ")}`);
  });
  const minutes = read("--minutes", (s) => whole(s, 0, CHALLENGE_LIMITS.minutes));
  const seed = read("--seed", (s) => whole(s, 0, CHALLENGE_LIMITS.seed));
  const name = read("--name", (s) => (s.trim() === "" ? expected("a name that is not blank") : s.trim()));
  const out = read("--out", (s) => s);
  const topics = readTopics(parsed);
  if (typeof topics === "string") return usageError("challenge", topics);
  if (read.problem !== undefined) return usageError("challenge", read.problem);
  switch (parsed.mode) {
    case "new":
      return {
        kind: "challengeNew",
        count: count ?? CHALLENGE_DEFAULTS.count,
        topics,
        difficulty,
        minutes: minutes ?? CHALLENGE_DEFAULTS.minutes,
        seed,
        levels: game.levels,
      };
    case "verify":
      return { kind: "verify", files: parsed.operands, json: parsed.options.has("--json"), levels: game.levels };
    default:
      return { kind: "challenge", code: parsed.operand as string, name, out, ...game };
  }
}

/** `host`, each value checked (the first wrong one is told). */
function host(parsed: Parsed, game: { readonly levels: string | undefined; readonly color: boolean }): Command {
  const read = reader(parsed.options);
  const port = read("--port", (s) => whole(s, 0, 65535));
  const bind = read("--bind", (s) => s);
  const count = read("--count", (s) => whole(s, 1, CHALLENGE_LIMITS.count));
  const seconds = read("--seconds", (s) => whole(s, 5, LIVE_LIMITS.seconds));
  const auto = read("--auto", (s) => whole(s, 1, LIVE_LIMITS.auto));
  const out = read("--out", (s) => s);
  const seed = read("--seed", (s) => whole(s, 0, CHALLENGE_LIMITS.seed));
  const topics = readTopics(parsed);
  if (typeof topics === "string") return usageError("host", topics);
  if (read.problem !== undefined) return usageError("host", read.problem);
  return {
    kind: "host",
    port: port ?? LIVE_DEFAULTS.port,
    bind,
    count: count ?? LIVE_DEFAULTS.count,
    topics,
    seconds: seconds ?? LIVE_DEFAULTS.seconds,
    auto,
    out,
    seed,
    ...game,
  };
}

/** Every --topic given, in TOPICS order, or what is wrong with the first that is not a topic. */
function readTopics(parsed: Parsed): Topic[] | string {
  const given = parsed.values.get("--topic") ?? [];
  const wrong = given.find((t) => !isTopic(t));
  if (wrong !== undefined) return `--topic: expected one of ${TOPICS.join(", ")}, got ${quote(wrong)}`;
  return TOPICS.filter((t) => given.includes(t));
}

/** What a value should have been: "expected a whole number from 1 to 5". */
interface Expected {
  readonly expected: string;
}

const expected = (what: string): Expected => ({ expected: what });

/**
 * Reads options' values: `read(name, check)` is the value as `check` makes it, undefined when the option was not
 * given or its value is wrong; `read.problem` is the first wrong value, told as "--count: expected …, got "0"".
 */
function reader(options: ReadonlyMap<string, string>) {
  const read = <T>(name: string, check: (s: string) => T | Expected): T | undefined => {
    const given = options.get(name);
    if (given === undefined) return undefined;
    const v = check(given);
    if (typeof v !== "object" || v === null || !("expected" in v)) return v;
    read.problem ??= `${name}: expected ${v.expected}, got ${quote(given)}`;
    return undefined;
  };
  read.problem = undefined as string | undefined;
  return read;
}

function whole(s: string, min: number, max: number): number | Expected {
  const n = /^\d+$/.test(s) ? Number(s) : Number.NaN;
  return n >= min && n <= max ? n : expected(`a whole number from ${min} to ${max}`);
}

function oneOf<T extends string>(values: readonly T[], s: string): T | Expected {
  return (values as readonly string[]).includes(s) ? (s as T) : expected(values.join(" or "));
}

/** A command line's parts, as parseCommand read them. */
interface Parsed {
  /** The first operand (for a command that takes one). */
  readonly operand: string | undefined;
  /** Every operand, in order (for a command whose operand may be given more than once). */
  readonly operands: readonly string[];
  /** Each option's value (the last one given); a flag's is "". */
  readonly options: ReadonlyMap<string, string>;
  /** Every value of each option, in order (for an option that may be given more than once). */
  readonly values: ReadonlyMap<string, readonly string[]>;
  /** The mode chosen (its flag or word); undefined: the command's own. */
  readonly mode: string | undefined;
}

/**
 * A command's arguments: its operands and options, in any order (a mode's word first); -h or --help anywhere asks
 * for help. Returns what is wrong as a string. A flag given twice is still one flag; of an option given twice with
 * values, `options` has the last and `values` both. For a command with modes, every option given must be one of the
 * chosen mode's.
 */
function parseCommand(spec: CommandSpec, args: readonly string[]): Parsed | "help" | string {
  if (args.some((a) => a === "--help" || a === "-h")) return "help";
  const modes = spec.modes ?? [];
  const word = modes.find((m) => m.word && m.flag === args[0]);
  const rest = word === undefined ? args : args.slice(1);
  const every: OptionSpec[] = [
    ...spec.options,
    ...modes.flatMap((m) => [...(m.word ? [] : [{ name: m.flag, help: "" }]), ...m.options]),
  ];
  const operands: string[] = [];
  const values = new Map<string, string[]>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const [name, inline] = splitOption(arg);
    const option = every.find((o) => o.name === name);
    if (option !== undefined && option.value !== undefined) {
      const value = inline ?? rest[++i];
      if (value === undefined) return `${option.name} needs a value, ${option.needs}`;
      values.set(option.name, [...(values.get(option.name) ?? []), value]);
    } else if (option !== undefined && inline === undefined) {
      values.set(option.name, [""]);
    } else if (arg.startsWith("-") && arg !== "-") {
      return `unknown option ${quote(arg)}`;
    } else {
      operands.push(arg);
    }
  }
  const chosen = word !== undefined ? [word] : modes.filter((m) => !m.word && values.has(m.flag));
  if (chosen.length > 1) return `${chosen.map((m) => m.flag).join(" and ")} cannot be used together`;
  const mode = chosen[0];
  const allowed = new Set([...(mode ?? spec).options.map((o) => o.name), mode?.flag]);
  for (const name of values.keys()) {
    if (allowed.has(name)) continue;
    if (mode !== undefined) return `${name} cannot be used with ${mode.flag}`;
    const modesOf = modes.filter((m) => m.options.some((o) => o.name === name));
    return `${name} needs ${modesOf.map((m) => m.flag).join(" or ")}`;
  }
  const operand = mode?.operand === undefined ? spec.operand : (mode.operand ?? undefined);
  const many = mode?.operand === undefined ? spec.many : mode.many;
  const missing = mode?.operand === undefined ? spec.missing : mode.missing;
  const extra = operand === undefined ? operands[0] : many ? undefined : operands[1];
  if (extra !== undefined) return `unexpected argument ${quote(extra)} (${spec.extra})`;
  if (operands.length === 0 && missing !== undefined) return missing;
  const options = new Map([...values].map(([name, all]) => [name, all[all.length - 1] as string]));
  return { operand: operands[0], operands, options, values, mode: mode?.flag };
}

/**
 * The options every command takes, anywhere on the line: removed from the arguments, each checked; or what is wrong
 * with one of them.
 */
function takeGlobals(argv: readonly string[]): { globals: Map<GlobalName, string>; args: string[] } | string {
  const globals = new Map<GlobalName, string>();
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [name, inline] = splitOption(arg);
    const option = GLOBAL_OPTIONS.find((o) => o.name === name);
    if (option === undefined) {
      args.push(arg);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === "") return `${option.name} needs a value, ${option.needs}`;
    if (globals.has(option.name)) return `${option.name} given twice`;
    if (option.name === "--profile" && !PROFILE_NAME.test(value)) return `--profile ${quote(value)}: ${PROFILE_NAME_RULE}`;
    globals.set(option.name, value);
  }
  return { globals, args };
}

/** `--name=value` → [--name, value]; anything else → [arg, undefined]. */
function splitOption(arg: string): [string, string | undefined] {
  if (!arg.startsWith("--") || !arg.includes("=")) return [arg, undefined];
  const at = arg.indexOf("=");
  return [arg.slice(0, at), arg.slice(at + 1)];
}

function usageError(where: string, message: string): Command {
  return { kind: "usageError", message: `${where}: ${message}` };
}

function quote(text: string): string {
  return JSON.stringify(text);
}
