import { createHash } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { join, relative, sep } from "node:path";
import { type LoadedChapter, type LoadedLevel, levelFiles, loadPack, MANIFEST, type Pack, type PackFs } from "./loader";
import type { PosedLevel } from "./pose";
import type { Localized } from "./schema";

/**
 * The built-in pack, compiled when the program is built (src/build/build.ts writes dist/pack.json): every level
 * already read, checked and posed, so that the game starts without parsing YAML, validating or running the engine.
 * It holds a hash of each file it was made from; at start the files are read and hashed again, and unless every
 * one is the same (a level edited, added or removed since the build) the pack is loaded from its YAML as always.
 * Only a pack without problems is compiled, and what it gives is exactly what loadPack gives.
 */

/** Changes whenever what a compiled pack holds changes shape. */
const FORMAT = 1;

export interface CompiledPack {
  readonly tcpTutorPack: number;
  /** sha256 of each file of the pack, by its path inside the pack with "/" ("manifest.yaml", "close/x.yaml"). */
  readonly sources: Readonly<Record<string, string>>;
  readonly chapters: readonly {
    readonly id: string;
    readonly title: Localized;
    /** `file` inside the pack, with "/". */
    readonly levels: readonly (PosedLevel & { readonly file: string })[];
  }[];
}

const inside = (dir: string, file: string): string => relative(dir, file).split(sep).join("/");

/** The pack's files (the manifest and every level file loadPack would find) with their hashes. */
async function sources(dir: string, fs: PackFs): Promise<Record<string, string>> {
  const files = [join(dir, MANIFEST), ...(await levelFiles(dir, fs))];
  const texts = await Promise.all(files.map((f) => fs.readFile(f)));
  return Object.fromEntries(files.map((f, i) => [inside(dir, f), createHash("sha256").update(texts[i] ?? "").digest("hex")]));
}

/**
 * The pack in `dir`, compiled; undefined (with the pack and its problems) when it has problems. Throws if the
 * compiled pack, written as JSON and read back, would not be exactly the pack loaded from YAML.
 */
export async function compilePack(dir: string, fs: PackFs): Promise<{ readonly pack: Pack; readonly compiled?: CompiledPack }> {
  const pack = await loadPack(dir, fs);
  if (pack.problems.length > 0) return { pack };
  const compiled: CompiledPack = {
    tcpTutorPack: FORMAT,
    sources: await sources(dir, fs),
    chapters: pack.chapters.map((c) => ({ ...c, levels: c.levels.map((l) => ({ ...l, file: inside(dir, l.file) })) })),
  };
  const back = fromCompiled(dir, JSON.parse(JSON.stringify(compiled)) as CompiledPack);
  if (!isDeepStrictEqual(back, pack)) {
    throw new Error(`${dir}: the compiled pack, read back from JSON, differs from the pack (a value JSON cannot hold?)`);
  }
  return { pack, compiled };
}

function fromCompiled(dir: string, compiled: CompiledPack): Pack {
  const chapters: LoadedChapter[] = compiled.chapters.map((c) => ({
    id: c.id,
    title: c.title,
    levels: c.levels.map((l): LoadedLevel => ({ ...l, file: join(dir, l.file) })),
  }));
  return { dir, manifest: join(dir, MANIFEST), chapters, problems: [] };
}

/**
 * The built-in pack in `dir`: from `compiledFile` when it was compiled from exactly the files now in `dir`, else
 * (no compiled pack, an older one, a file changed) loaded from YAML. Either way the same Pack as loadPack(dir, fs).
 */
export async function loadBuiltinPack(dir: string, fs: PackFs, compiledFile: string): Promise<Pack> {
  try {
    const compiled = JSON.parse(await fs.readFile(compiledFile)) as CompiledPack;
    if (compiled.tcpTutorPack === FORMAT && isDeepStrictEqual(await sources(dir, fs), compiled.sources)) {
      return fromCompiled(dir, compiled);
    }
  } catch {
    // No compiled pack (not built yet), or one that cannot be read: the YAML says the same, more slowly.
  }
  return loadPack(dir, fs);
}
