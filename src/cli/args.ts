/**
 * The command line, as one table each for the commands and the trace options, so that the usage text and the
 * parser cannot drift apart. Pure: argv in, a command out.
 */
export type Command =
  /** The game itself; `color` is false with --no-color (NO_COLOR is the caller's to check). */
  | { readonly kind: "play"; readonly levels: string | undefined; readonly color: boolean }
  | { readonly kind: "help" }
  | { readonly kind: "version" }
  | { readonly kind: "trace"; readonly file: string; readonly json: boolean; readonly seed: number }
  /** `levels` is the pack directory given, undefined for the built-in pack. */
  | { readonly kind: "check"; readonly levels: string | undefined }
  | { readonly kind: "list"; readonly json: boolean; readonly levels: string | undefined }
  /** A line naming what is wrong; the caller adds the pointer to --help. */
  | { readonly kind: "usageError"; readonly message: string };

const MAX_SEED = 4294967295;

const GLOBAL_FLAGS = [
  { names: ["--help", "-h"], kind: "help", help: "show this help" },
  { names: ["--version", "-V"], kind: "version", help: "show the version" },
] as const;

const TRACE_OPTIONS = [
  { name: "--json", value: undefined, help: "print the trace as JSON instead of the ladder diagram" },
  {
    name: "--seed",
    value: "N",
    help: "seed the initial sequence numbers the scenario leaves out (default 1)",
  },
] as const;

const COMMANDS = ["trace", "check", "levels"] as const;

/** Accepted by every command: which level pack to use. */
const LEVELS_OPTION = { name: "--levels", value: "DIR", help: "use the level pack in DIR instead of the built-in one" };

/** Accepted anywhere, used by the game (the other commands print no colour). */
const NO_COLOR_FLAG = { name: "--no-color", help: "no colours (as when NO_COLOR is set)" };

export const USAGE = `tcp-tutor: learn the TCP state machine by predicting it

Usage:
  tcp-tutor [${NO_COLOR_FLAG.name}]
      Play: chapters of levels in which you predict what TCP does next. Needs a terminal of 60×20 or more
      (80×24 is best). ${NO_COLOR_FLAG.name}: ${NO_COLOR_FLAG.help}.
  tcp-tutor trace FILE|- [--json] [--seed N]
      Run a scenario (a JSON file, or - for standard input) and draw its ladder diagram.
${TRACE_OPTIONS.map((o) => `        ${`${o.name}${o.value ? ` ${o.value}` : ""}`.padEnd(10)} ${o.help}`).join("\n")}
  tcp-tutor check [DIR]
      Check a level pack (default: the built-in one): every problem, with its file, line and field.
  tcp-tutor levels [--json]
      List the pack's chapters and levels (--json: as JSON).
  Every command also takes:
        ${LEVELS_OPTION.name} ${LEVELS_OPTION.value}  ${LEVELS_OPTION.help}
${GLOBAL_FLAGS.map((f) => `  tcp-tutor ${f.names.join(", ").padEnd(16)} ${f.help}`).join("\n")}

The scenario format is described in README.md, the level format in levels/README.md.
`;

export function parseArgs(argv: readonly string[]): Command {
  const color = !argv.includes(NO_COLOR_FLAG.name);
  const taken = takeLevels(argv.filter((a) => a !== NO_COLOR_FLAG.name));
  if (typeof taken === "string") return usageError(COMMANDS.find((c) => c === argv[0]) ?? "tcp-tutor", taken);
  const { levels, args } = taken;
  const [first, ...rest] = args;
  if (first === undefined) return { kind: "play", levels, color };
  const flag = GLOBAL_FLAGS.find((f) => (f.names as readonly string[]).includes(first));
  if (flag) {
    const extra = rest[0];
    return extra === undefined ? { kind: flag.kind } : usageError("tcp-tutor", `unexpected argument ${quote(extra)}`);
  }
  if (first === "trace") return parseTrace(rest);
  if (first === "check") return parseCheck(rest, levels);
  if (first === "levels") return parseList(rest, levels);
  if (first.startsWith("-")) return usageError("tcp-tutor", `unknown option ${quote(first)}`);
  return usageError("tcp-tutor", `unknown command ${quote(first)}`);
}

/** trace FILE|- [--json] [--seed N | --seed=N], options before or after FILE; -h or --help anywhere shows help. */
function parseTrace(args: readonly string[]): Command {
  let file: string | undefined;
  let json = false;
  let seed = 1;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? splitOnce(arg, "=") : [arg, undefined];
    if (name === "--help" || name === "-h") return { kind: "help" };
    if (name === "--json" && inline === undefined) {
      json = true;
    } else if (name === "--seed") {
      const value = inline ?? args[++i];
      if (value === undefined) return usageError("trace", "--seed needs a value, a whole number");
      if (!/^\d+$/.test(value) || Number(value) > MAX_SEED) {
        return usageError("trace", `--seed: expected a whole number from 0 to ${MAX_SEED}, got ${quote(value)}`);
      }
      seed = Number(value);
    } else if (name.startsWith("-") && name !== "-") {
      return usageError("trace", `unknown option ${quote(arg)}`);
    } else if (file === undefined) {
      file = arg;
    } else {
      return usageError("trace", `unexpected argument ${quote(arg)} (one scenario at a time)`);
    }
  }
  if (file === undefined) return usageError("trace", "missing FILE (a scenario file, or - for standard input)");
  return { kind: "trace", file, json, seed };
}

/** `--levels DIR` or `--levels=DIR`, anywhere on the line: removed from the arguments, or what is wrong with it. */
function takeLevels(argv: readonly string[]): { levels: string | undefined; args: string[] } | string {
  let levels: string | undefined;
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? splitOnce(arg, "=") : [arg, undefined];
    if (name !== LEVELS_OPTION.name) {
      args.push(arg);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === "") return "--levels needs a value, a directory";
    if (levels !== undefined) return "--levels given twice";
    levels = value;
  }
  return { levels, args };
}

/** check [DIR]: DIR and --levels DIR say the same thing, so only one of them. */
function parseCheck(args: readonly string[], levels: string | undefined): Command {
  let dir = levels;
  for (const arg of args) {
    if (arg === "--help" || arg === "-h") return { kind: "help" };
    if (arg.startsWith("-")) return usageError("check", `unknown option ${quote(arg)}`);
    if (dir !== undefined) return usageError("check", `unexpected argument ${quote(arg)} (one pack at a time)`);
    dir = arg;
  }
  return { kind: "check", levels: dir };
}

/** levels [--json] */
function parseList(args: readonly string[], levels: string | undefined): Command {
  let json = false;
  for (const arg of args) {
    if (arg === "--help" || arg === "-h") return { kind: "help" };
    if (arg === "--json") json = true;
    else if (arg.startsWith("-")) return usageError("levels", `unknown option ${quote(arg)}`);
    else return usageError("levels", `unexpected argument ${quote(arg)} (use --levels DIR for another pack)`);
  }
  return { kind: "list", json, levels };
}

function usageError(where: string, message: string): Command {
  return { kind: "usageError", message: `${where}: ${message}` };
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return [text.slice(0, at), text.slice(at + separator.length)];
}

function quote(text: string): string {
  return JSON.stringify(text);
}
