import { join } from "node:path";
import type { LoadedLevel, Pack } from "../../src/levels/loader";
import { loadPack } from "../../src/levels/loader";
import { realFs } from "../fixtures/realFs";

let pack: Promise<Pack> | undefined;

/** A level of the built-in pack (levels/), loaded once per test file. */
export async function builtInLevel(id: string): Promise<LoadedLevel> {
  pack ??= loadPack(join(import.meta.dirname, "../../levels"), realFs);
  const level = (await pack).chapters.flatMap((c) => c.levels).find((l) => l.level.id === id);
  if (!level) throw new Error(`no level "${id}" in the built-in pack`);
  return level;
}
