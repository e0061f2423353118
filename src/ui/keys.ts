/**
 * Keys as named commands, in one table: the input handling and the help screen both read it, so they cannot drift
 * apart. A key is named by what the terminal sends: a special key by name ("up", "enter", "ctrl+c"), any other key
 * by its character ("k", "?", "1").
 */
export type SpecialKey = "up" | "down" | "enter" | "space" | "backspace" | "escape" | "ctrl+c";
export type Key = SpecialKey | (string & {});

const DIGITS = ["1", "2", "3", "4", "5", "6", "7", "8", "9"] as const;

/** In the order the help screen lists them. */
export const BINDINGS = {
  up: ["up", "k"],
  down: ["down", "j"],
  pick: DIGITS,
  choose: ["enter"],
  advance: ["enter", "space"],
  hint: ["h"],
  diagram: ["s"],
  help: ["?"],
  erase: ["backspace"],
  back: ["escape", "q"],
  quit: ["ctrl+c"],
} as const satisfies Readonly<Record<string, readonly Key[]>>;

export type Command = keyof typeof BINDINGS;

export const COMMANDS = Object.keys(BINDINGS) as readonly Command[];

export function is(key: Key, command: Command): boolean {
  return (BINDINGS[command] as readonly Key[]).includes(key);
}

/** The 0-based item a digit key picks, or undefined for any other key. */
export function pickedIndex(key: Key): number | undefined {
  const i = (DIGITS as readonly string[]).indexOf(key);
  return i < 0 ? undefined : i;
}

/**
 * The text a key types where the player types a name: its character ("a", "张", "7", "q"), a space for Space, and
 * undefined for the keys that only command (arrows, Enter, Esc, Backspace, Ctrl+C). Every other key is a character:
 * special keys have names longer than one character.
 */
export function typedText(key: Key): string | undefined {
  if (key === "space") return " ";
  return [...key].length === 1 ? key : undefined;
}

/** What Ink's useInput reports about a key press (the fields used here). */
export interface InkKey {
  readonly upArrow: boolean;
  readonly downArrow: boolean;
  readonly return: boolean;
  readonly escape: boolean;
  readonly ctrl: boolean;
  readonly meta: boolean;
  readonly tab: boolean;
  readonly backspace: boolean;
  readonly delete: boolean;
  readonly leftArrow: boolean;
  readonly rightArrow: boolean;
}

/**
 * The keys of one input event. Ink hands over plain text typed faster than it reads (or pasted) as one event, "jj\r"
 * say: each character is a key of its own, in order, so that nothing typed is lost or merged. Likewise Esc and a key
 * typed right after it reach the program as one sequence, which terminals also use for Alt+key: the game binds no
 * Alt key, so it is Esc, then the key.
 */
export function keysOf(input: string, key: InkKey): Key[] {
  if (key.upArrow) return ["up"];
  // Backspace sends DEL (0x7f), which Ink calls delete; Ctrl+H and some terminals send BS, Ink's backspace. Nothing
  // is ever deleted to the right of the cursor, so both erase the last character.
  if (key.backspace || key.delete) return ["backspace"];
  if (key.downArrow) return ["down"];
  if (key.escape) return ["escape"];
  if (key.ctrl) return input === "c" ? ["ctrl+c"] : [];
  if (key.return && input.length <= 1) return [...(key.meta ? ["escape"] : []), "enter"];
  if (key.tab || key.leftArrow || key.rightArrow) return [];
  if (key.meta) return input === "" ? [] : ["escape", ...characters(input)];
  return characters(input);
}

function characters(input: string): Key[] {
  return [...input].flatMap((c): Key[] => {
    if (c === "\r" || c === "\n") return ["enter"];
    if (c === " ") return ["space"];
    if (c === "\u0003") return ["ctrl+c"];
    if (c === "\u007f" || c === "\b") return ["backspace"];
    return c >= " " ? [c] : [];
  });
}

export interface KeyNames {
  readonly enter: string;
  readonly space: string;
  readonly backspace: string;
  readonly escape: string;
  readonly ctrlC: string;
}

/** How a key is written for players: "↑", "Enter", "k". */
export function keyLabel(key: Key, names: KeyNames): string {
  switch (key) {
    case "up":
      return "↑";
    case "down":
      return "↓";
    case "enter":
      return names.enter;
    case "space":
      return names.space;
    case "backspace":
      return names.backspace;
    case "escape":
      return names.escape;
    case "ctrl+c":
      return names.ctrlC;
    default:
      return key;
  }
}

/** Every key of a command: "↑ k", "Esc q"; the digits as one range, "1–9". */
export function commandKeys(command: Command, names: KeyNames): string {
  if (command === "pick") return `${DIGITS[0]}–${DIGITS[DIGITS.length - 1]}`;
  return BINDINGS[command].map((k) => keyLabel(k, names)).join(" ");
}

/** The first key of a command, as the hints under each screen show it. */
export function primaryKey(command: Command, names: KeyNames): string {
  return command === "pick" ? commandKeys(command, names) : keyLabel(BINDINGS[command][0], names);
}
