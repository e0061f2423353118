import { memoryRows } from "../game/drill";
import { loadPack, type Pack } from "../levels/loader";
import { memoryProgressStore, type ProgressStore } from "../store/progress";
import { SaveError, SaveFile, saveDir } from "../store/saveFile";
import {
  DEFAULT_PROFILE,
  describeProblems,
  type DrillMemory,
  ProfileExport,
  SAVE_FORMAT,
  type Settings,
} from "../store/schema";
import { statsReport } from "../store/stats";
import type { Command, SaveChoice } from "./args";
import { errorLine, EXIT_OK, EXIT_PROBLEMS, type Io, plural } from "./io";
import { renderStats } from "./stats";

/**
 * The commands that use the save (stats, reset, export, import) and the game's progress. The save file and its
 * repairs are src/store's; here they meet the command line: notices on stderr, one line per problem, exit statuses.
 */

/** The game's progress: the save, or (when it cannot be used) progress for this run only, with a notice saying why. */
export function progressForPlay(
  choice: SaveChoice,
  io: Io,
): { store: ProgressStore; settings: Settings; notices: string[] } {
  let save: SaveFile | undefined;
  try {
    save = SaveFile.open(saveDir(io.env, choice.home), () => io.now());
    // --profile plays that profile this time only; the menu's switcher changes the one remembered.
    const store = choice.profile !== undefined ? save.store(choice.profile) : save.store();
    const { settings } = store.load();
    return { store, settings, notices: save.notices() };
  } catch (e) {
    if (!(e instanceof SaveError)) throw e;
    return {
      store: memoryProgressStore({ profile: choice.profile ?? DEFAULT_PROFILE, now: () => io.now() }),
      settings: {},
      notices: [...(save?.notices() ?? []), `progress will not be saved this time: ${e.message}`],
    };
  }
}

/**
 * The profile a command is for: --profile, else the one last chosen in the game; undefined when the save cannot be
 * read (the caller then does without).
 */
export function chosenProfile(choice: SaveChoice, io: Io): string | undefined {
  if (choice.profile !== undefined) return choice.profile;
  try {
    return SaveFile.open(saveDir(io.env, choice.home), () => io.now()).current();
  } catch (e) {
    if (e instanceof SaveError) return undefined;
    throw e;
  }
}

/**
 * `stats [--json]`: the profile's statistics against the pack's chapters, and the drill's memory (what comes up for
 * review, most urgent first). The JSON is the store's report with that memory added under `drill`.
 */
export async function stats(command: Extract<Command, { kind: "stats" }>, io: Io): Promise<number> {
  const pack = await loadPack(command.levels ?? io.builtinLevels, io);
  reportPackProblems("stats", pack, io);
  return withSave("stats", command, io, (save, name) => {
    const profile = save.profile(name);
    const now = io.now();
    const report = statsReport(pack.chapters, name, profile, now);
    // The text is in English (stats.ts), the names of concepts too.
    const reviews = memoryRows(profile.drill, now, "en");
    if (command.json) {
      const drill = reviews.map(({ key, kind }) => ({ key, kind, ...(profile.drill[key] as DrillMemory) }));
      io.stdout(`${JSON.stringify({ ...report, drill })}\n`);
    } else {
      io.stdout(renderStats(report, reviews));
    }
    return EXIT_OK;
  });
}

/** `reset [--yes]`: asks first; keeps what it erases in a backup that `import` puts back. */
export function reset(command: Extract<Command, { kind: "reset" }>, io: Io): Promise<number> {
  return withSave("reset", command, io, async (save, name) => {
    if (!command.yes) {
      const p = save.profile(name);
      const played = plural(Object.keys(p.levels).length, "level");
      const question =
        `Erase all progress of profile "${name}" (${played} played, ${plural(p.totals.points, "point")})? ` +
        "A backup is kept. [y/N] ";
      const answer = await io.readLine(question);
      if (answer === undefined || !/^(y|yes)$/i.test(answer.trim())) {
        io.stderr("reset: not confirmed; nothing was erased\n");
        return EXIT_PROBLEMS;
      }
    }
    const backup = save.resetProfile(name);
    const home = command.home !== undefined ? ` --home ${shellWord(command.home)}` : "";
    io.stdout(
      `erased the progress of profile "${name}"; backup: ${backup} ` +
        `(undo: tcp-tutor import ${shellWord(backup)} --profile ${name}${home})\n`,
    );
    return EXIT_OK;
  });
}

/** `export FILE|-`: the profile as JSON, to a new file or standard output. */
export function exportProfile(command: Extract<Command, { kind: "export" }>, io: Io): Promise<number> {
  return withSave("export", command, io, async (save, name) => {
    const text = `${JSON.stringify(save.exportProfile(name), null, 2)}\n`;
    if (command.file === "-") {
      io.stdout(text);
      return EXIT_OK;
    }
    try {
      await io.createFile(command.file, text);
    } catch (e) {
      io.stderr(
        errno(e) === "EEXIST"
          ? `export: ${command.file} already exists; tcp-tutor does not overwrite it (remove it, or choose another name)\n`
          : `export: cannot write ${command.file}: ${errorLine(e)}\n`,
      );
      return EXIT_PROBLEMS;
    }
    io.stdout(`exported profile "${name}" to ${command.file}\n`);
    return EXIT_OK;
  });
}

/**
 * `import FILE|-`: an exported profile, checked in full before the save is even opened, so that a bad file changes
 * nothing; then merged into the profile named in it, or --profile.
 */
export async function importProfile(command: Extract<Command, { kind: "import" }>, io: Io): Promise<number> {
  const file = command.file === "-" ? "stdin" : command.file;
  const fail = (...lines: string[]): number => {
    io.stderr(lines.map((l) => `import: ${l}\n`).join(""));
    return EXIT_PROBLEMS;
  };
  let text: string;
  try {
    text = command.file === "-" ? await io.readStdin() : await io.readFile(command.file);
  } catch (e) {
    return fail(`cannot read ${file}: ${errorLine(e)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return fail(`${file}: invalid JSON: ${errorLine(e)}`);
  }
  const format = newerFormat(json);
  if (format !== undefined) {
    return fail(`${file} was exported by a newer tcp-tutor (format ${format}; this version reads ${SAVE_FORMAT})`);
  }
  const parsed = ProfileExport.safeParse(json);
  if (!parsed.success) return fail(...describeProblems(parsed.error).map((p) => `${file}: ${p}`));
  const exported = parsed.data;
  const target: SaveChoice = { home: command.home, profile: command.profile ?? exported.name };
  return withSave("import", target, io, (save, name) => {
    const existed = save.read().profiles[name] !== undefined;
    save.importProfile(exported, name);
    const how = existed ? "merged with the existing progress: best of each" : "new profile";
    io.stdout(`imported profile "${name}" from ${file} (${how})\n`);
    return EXIT_OK;
  }, { mustExist: false });
}

/**
 * Opens the save for a command and gives it the profile to work on (--profile, else the current one): the notices
 * of opening the save come first on stderr; a save that cannot be used, or a profile that does not exist, is one
 * line and exit 1.
 */
async function withSave(
  command: string,
  choice: SaveChoice,
  io: Io,
  action: (save: SaveFile, profile: string) => number | Promise<number>,
  { mustExist = true } = {},
): Promise<number> {
  const notices = (save: SaveFile) => io.stderr(save.notices().map((n) => `tcp-tutor: ${n}\n`).join(""));
  try {
    const save = SaveFile.open(saveDir(io.env, choice.home), () => io.now());
    notices(save);
    const name = choice.profile ?? save.current();
    const names = save.profileNames();
    if (mustExist && !names.includes(name)) {
      notices(save);
      io.stderr(`${command}: there is no profile "${name}" in ${save.path} (profiles: ${names.join(", ")})\n`);
      return EXIT_PROBLEMS;
    }
    const code = await action(save, name);
    // A file damaged by another program while this one ran was moved aside too.
    notices(save);
    return code;
  } catch (e) {
    // SaveError: the save cannot be used. An errno error: a file the store writes beside it (a backup).
    if (!(e instanceof SaveError) && errno(e) === undefined) throw e;
    io.stderr(`tcp-tutor: ${errorLine(e)}\n`);
    return EXIT_PROBLEMS;
  }
}

function reportPackProblems(command: string, pack: Pack, io: Io): void {
  if (pack.problems.length === 0) return;
  const n = plural(pack.problems.length, "problem");
  io.stderr(`${command}: ${pack.dir} has ${n}; the levels concerned are left out (see tcp-tutor check ${pack.dir})\n`);
}

/** The format of a tcp-tutor export newer than this version reads, if the JSON is one. */
function newerFormat(json: unknown): number | undefined {
  if (typeof json !== "object" || json === null) return undefined;
  const { tcpTutor, format } = json as { tcpTutor?: unknown; format?: unknown };
  return tcpTutor === "profile" && typeof format === "number" && format > SAVE_FORMAT ? format : undefined;
}

function errno(e: unknown): string | undefined {
  const code = typeof e === "object" && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
}

/** A path as one word a POSIX shell reads back unchanged (for the undo command). */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/u.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}
