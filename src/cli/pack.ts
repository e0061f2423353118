import { countLevels, countPuzzles, formatProblem, loadPack } from "../levels/loader";
import type { Command } from "./args";
import { EXIT_OK, EXIT_PROBLEMS, type Io, plural } from "./io";

/** `check [DIR]` and `levels [--json]`: the level pack's problems, and its levels. */

/** Every problem of the pack, one line each; or one line saying it is all valid. */
export async function check(command: Extract<Command, { kind: "check" }>, io: Io): Promise<number> {
  const pack = await loadPack(command.levels ?? io.builtinLevels, io);
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
export async function list(command: Extract<Command, { kind: "list" }>, io: Io): Promise<number> {
  const pack = await loadPack(command.levels ?? io.builtinLevels, io);
  const { json } = command;
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

