import { ProfileName } from "../store/schema";

/**
 * The command line, as tables (the commands with their options, and the options every command takes), so that the
 * usage text and the parser cannot drift apart. Pure: argv in, a command out.
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
  /** A line naming what is wrong; the caller adds the pointer to --help. */
  | { readonly kind: "usageError"; readonly message: string };

const MAX_SEED = 4294967295;

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
  readonly options: readonly OptionSpec[];
  /** What it does, one or more lines of the usage (wrapped by hand at 110 columns). */
  readonly help: string;
}

const JSON_FLAG = { name: "--json", help: "as JSON, for programs" } as const;

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

const optionText = (o: OptionSpec): string => `${o.name}${o.value ? ` ${o.value}` : ""}`;
const GLOBAL_WIDTH = Math.max(...GLOBAL_OPTIONS.map((o) => optionText(o).length));

function commandUsage(c: CommandSpec): string {
  const synopsis = [`tcp-tutor ${c.name}`, c.operand, ...c.options.map((o) => `[${optionText(o)}]`)];
  const options = c.options.map((o) => `        ${optionText(o).padEnd(10)} ${o.help}\n`);
  const help = c.help
    .split("\n")
    .map((l) => `      ${l}\n`)
    .join("");
  return `  ${synopsis.filter((s) => s !== undefined).join(" ")}\n${help}${options.join("")}`;
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
2 a mistake on the command line, a malformed scenario, or no terminal for the game.
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
  const { operand, options } = parsed;
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
  }
}

function trace(file: string, options: ReadonlyMap<string, string>): Command {
  const seed = options.get("--seed") ?? "1";
  if (!/^\d+$/.test(seed) || Number(seed) > MAX_SEED) {
    return usageError("trace", `--seed: expected a whole number from 0 to ${MAX_SEED}, got ${quote(seed)}`);
  }
  return { kind: "trace", file, json: options.has("--json"), seed: Number(seed) };
}

/**
 * A command's arguments: its operand and options, in any order; -h or --help anywhere asks for help. Returns what is
 * wrong as a string. A flag's value in the map is "" (a flag given twice is still one flag).
 */
function parseCommand(
  spec: CommandSpec,
  args: readonly string[],
): { operand: string | undefined; options: Map<string, string> } | "help" | string {
  if (args.some((a) => a === "--help" || a === "-h")) return "help";
  let operand: string | undefined;
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const [name, inline] = splitOption(arg);
    const option = spec.options.find((o) => o.name === name);
    if (option !== undefined && option.value !== undefined) {
      const value = inline ?? args[++i];
      if (value === undefined) return `${option.name} needs a value, ${option.needs}`;
      options.set(option.name, value);
    } else if (option !== undefined && inline === undefined) {
      options.set(option.name, "");
    } else if (arg.startsWith("-") && arg !== "-") {
      return `unknown option ${quote(arg)}`;
    } else if (spec.operand === undefined || operand !== undefined) {
      return `unexpected argument ${quote(arg)} (${spec.extra})`;
    } else {
      operand = arg;
    }
  }
  if (operand === undefined && spec.missing !== undefined) return spec.missing;
  return { operand, options };
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
    if (option.name === "--profile") {
      const checked = ProfileName.safeParse(value);
      if (!checked.success) return `--profile ${quote(value)}: ${checked.error.issues[0]?.message ?? "not a valid name"}`;
    }
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
