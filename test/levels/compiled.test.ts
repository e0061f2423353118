/**
 * The compiled built-in pack (dist/pack.json): the game loads it instead of the YAML only while it was made from
 * exactly the files now there, and what it gives is exactly what loadPack gives.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type CompiledPack, compilePack, loadBuiltinPack } from "../../src/levels/compiled";
import { loadPack, type PackFs } from "../../src/levels/loader";
import { realFs } from "../fixtures/realFs";

const LEVELS = relative(process.cwd(), join(import.meta.dirname, "../../levels"));
const VALID = relative(process.cwd(), join(import.meta.dirname, "../fixtures/packs/valid"));
const BROKEN = relative(process.cwd(), join(import.meta.dirname, "../fixtures/packs/broken"));
const FIRST_SYN = join(VALID, "handshake/first-syn.yaml");

const tmp = mkdtempSync(join(tmpdir(), "tcp-tutor-compiled-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Writes a compiled pack to a file of its own and gives its path. */
let n = 0;
function written(compiled: unknown): string {
  const file = join(tmp, `pack-${n++}.json`);
  writeFileSync(file, typeof compiled === "string" ? compiled : JSON.stringify(compiled));
  return file;
}

async function compiled(dir: string): Promise<CompiledPack> {
  const c = (await compilePack(dir, realFs)).compiled;
  if (!c) throw new Error(`${dir} has problems`);
  return c;
}

/** The real files, with some replaced (text), added (text, in a folder that exists) or removed (null). */
function changed(files: Record<string, string | null>): PackFs {
  return {
    readFile: async (path) => {
      const text = files[path];
      if (text === null) throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
      return text ?? realFs.readFile(path);
    },
    listDir: async (path) => {
      const entries = (await realFs.listDir(path)).filter((e) => files[join(path, e.name)] !== null);
      const added = Object.keys(files).filter(
        (f) => files[f] !== null && dirname(f) === path && !entries.some((e) => e.name === basename(f)),
      );
      return [...entries, ...added.map((f) => ({ name: basename(f), dir: false }))];
    },
  };
}

describe("a compiled pack that matches the files", () => {
  it.each([LEVELS, VALID])("%s: the same Pack as loadPack, to the last field", async (dir) => {
    const file = written(await compiled(dir));
    expect(await loadBuiltinPack(dir, realFs, file)).toStrictEqual(await loadPack(dir, realFs));
  });

  it("is what gets loaded (its levels, not the YAML's)", async () => {
    const c = await compiled(VALID);
    const marked = { ...c, chapters: c.chapters.map((ch) => ({ ...ch, title: { en: "from the compiled pack", "zh-CN": "x" } })) };
    const pack = await loadBuiltinPack(VALID, realFs, written(marked));
    expect(pack.chapters.map((ch) => ch.title.en)).toEqual(["from the compiled pack", "from the compiled pack"]);
  });
});

describe("otherwise the YAML is loaded, as loadPack loads it", () => {
  const edited = async (fs: PackFs) => {
    const pack = await loadBuiltinPack(VALID, fs, written(await compiled(VALID)));
    expect(pack).toStrictEqual(await loadPack(VALID, fs));
    return pack;
  };

  it("a level edited since the build: the edited level", async () => {
    const text = (await realFs.readFile(FIRST_SYN)).replace("The first SYN", "The very first SYN");
    const pack = await edited(changed({ [FIRST_SYN]: text }));
    expect(pack.chapters[0]?.levels[0]?.level.title.en).toBe("The very first SYN");
  });

  it("a level file added: it is not listed", async () => {
    const pack = await edited(changed({ [join(VALID, "handshake/extra.yaml")]: await realFs.readFile(FIRST_SYN) }));
    expect(pack.problems.map((p) => p.message)).toContain("not listed in manifest.yaml");
  });

  it("a level file removed: the manifest lists a missing file", async () => {
    const pack = await edited(changed({ [FIRST_SYN]: null }));
    expect(pack.problems.map((p) => p.message)).toEqual([`no such file: ${FIRST_SYN}`]);
  });

  it("the manifest edited", async () => {
    const manifest = join(VALID, "manifest.yaml");
    await edited(changed({ [manifest]: `${await realFs.readFile(manifest)}\n# a comment\n` }));
  });

  it.each([
    ["no compiled pack", join(tmp, "none.json")],
    ["one that is not JSON", written("{ not json")],
    ["one of another format", written({ tcpTutorPack: 0, sources: {}, chapters: [] })],
    ["one of another pack", written({ tcpTutorPack: 1, sources: { "manifest.yaml": "x" }, chapters: [] })],
  ])("%s", async (_, file) => {
    expect(await loadBuiltinPack(VALID, realFs, file)).toStrictEqual(await loadPack(VALID, realFs));
  });
});

it("a pack with problems is not compiled", async () => {
  const { pack, compiled } = await compilePack(BROKEN, realFs);
  expect(compiled).toBeUndefined();
  expect(pack.problems.length).toBeGreaterThan(0);
});
