import { loadBuiltinPack } from "../levels/compiled";
import { countLevels, loadPack } from "../levels/loader";
import { langFromEnv } from "../ui/i18n";
import type { ChallengeWriter, GameStart } from "../ui/session";
import type { SaveChoice } from "./args";
import { noColorRequested } from "./game";
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type Io, plural } from "./io";
import { progressForPlay } from "./save";

/**
 * The game: in a terminal only, with the pack's valid levels and the profile's progress; in the profile's language,
 * else the locale's; colour unless turned off (--no-color, NO_COLOR, or the profile's setting). It opens at `start`
 * (a drill), else at the title menu.
 */
export async function play(
  command: { readonly levels: string | undefined; readonly color: boolean } & SaveChoice,
  io: Io,
  start?: GameStart,
  submitChallenge?: ChallengeWriter,
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
    ...(submitChallenge === undefined ? {} : { submitChallenge }),
  });
  return EXIT_OK;
}

