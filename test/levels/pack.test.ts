/**
 * The built-in pack, checked as `tcp-tutor check` checks it: every level well-formed and every puzzle proved by the
 * engine, and the pack complete. Until the content is written this fails, listing what is still wrong.
 */
import { join, relative } from "node:path";
import { expect, it } from "vitest";
import { countLevels, countPuzzles, formatProblem, loadPack } from "../../src/levels/loader";
import { realFs } from "../fixtures/realFs";

const LEVELS = relative(process.cwd(), join(import.meta.dirname, "../../levels"));

it("levels/ has no problems and at least 8 chapters, 40 levels and 150 puzzles", async () => {
  const pack = await loadPack(LEVELS, realFs);
  expect(pack.problems.map(formatProblem)).toEqual([]);
  expect(pack.chapters.length).toBeGreaterThanOrEqual(8);
  expect(countLevels(pack)).toBeGreaterThanOrEqual(40);
  expect(countPuzzles(pack)).toBeGreaterThanOrEqual(150);
});
