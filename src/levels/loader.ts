import { basename, join } from "node:path";
import type { Document, LineCounter, Node } from "yaml";
import type { z } from "zod";
import { quickYaml } from "./fastYaml";
import { plainError, plainIssues } from "./issues";
import { type FieldPath, type PosedLevel, poseLevel } from "./pose";
import { Level, type LevelFile, Localized, Manifest } from "./schema";

/**
 * The only module that reads level files. A pack is a directory: manifest.yaml orders the chapters and their levels,
 * each level is <chapter>/<level id>.yaml. Every problem is collected, with its file, line and field; a level with a
 * problem is skipped and every other level still loads.
 *
 * Two ways to read a file, one result: a valid file is read quickly (fastYaml.ts); a file with any problem is read
 * again, from the start, with the `yaml` package's parseDocument, which knows where each field is, so that every
 * problem and its line come from `yaml` as they always have. `yaml` loads only then: a valid pack never loads it.
 */

/** The file access the loader needs, passed in. */
export interface PackFs {
  /** Rejects with the system error (ENOENT…) when the file cannot be read. */
  readFile(path: string): Promise<string>;
  /** The entries of a directory; rejects when it cannot be read. */
  listDir(path: string): Promise<readonly DirEntry[]>;
}

export interface DirEntry {
  readonly name: string;
  readonly dir: boolean;
}

export interface PackProblem {
  /** The path as the pack directory was given, joined with the file: "levels/close/x.yaml". */
  readonly file: string;
  /** 1-based. */
  readonly line?: number;
  /** "puzzles[1].misconceptions[0]"; absent for the file as a whole. */
  readonly field?: string;
  readonly message: string;
}

export interface LoadedLevel extends PosedLevel {
  readonly file: string;
}

export interface LoadedChapter {
  readonly id: string;
  readonly title: Localized;
  /** The chapter's valid levels in play order; a level with a problem is left out. */
  readonly levels: readonly LoadedLevel[];
}

export interface Pack {
  readonly dir: string;
  /** The manifest's path: dir/manifest.yaml. */
  readonly manifest: string;
  /** Every chapter of the manifest in order, even one whose levels were all skipped. */
  readonly chapters: readonly LoadedChapter[];
  /** Sorted by file, then line. */
  readonly problems: readonly PackProblem[];
}

export const MANIFEST = "manifest.yaml";
const LEVEL_FILE = /\.ya?ml$/;

/** `FILE:LINE: FIELD: MESSAGE`, without `:LINE` or `FIELD: ` when unknown. */
export function formatProblem(p: PackProblem): string {
  return `${p.file}${p.line === undefined ? "" : `:${p.line}`}: ${p.field === undefined ? "" : `${p.field}: `}${p.message}`;
}

/** "puzzles[1].misconceptions[0]" */
export function fieldName(path: FieldPath): string | undefined {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : out === "" ? part : `.${part}`;
  return out === "" ? undefined : out;
}

export async function loadPack(dir: string, fs: PackFs): Promise<Pack> {
  const problems: PackProblem[] = [];
  const chapters: LoadedChapter[] = [];
  const manifestFile = join(dir, MANIFEST);
  // Every file is read once (each level file on disk is checked, listed or not), so all are read at once: while one
  // is checked, the others are on their way.
  const reading = new Map<string, Promise<string>>([[manifestFile, settled(fs.readFile(manifestFile))]]);
  const onDisk = await levelFiles(dir, fs);
  for (const file of onDisk) reading.set(file, settled(fs.readFile(file)));
  const files: PackFs = { ...fs, readFile: (path) => reading.get(path) ?? fs.readFile(path) };

  // Without a manifest nothing is listed, but each level file is still checked.
  const manifest = await readManifest(manifestFile, files, problems);
  const entries = manifest?.entries ?? [];
  const manifestProblem = async (path: FieldPath, message: string): Promise<void> => {
    const y = await manifest?.yaml();
    problems.push({ file: manifestFile, line: lineOf(y, path), ...fieldOf(path), message });
  };

  // Every file under a chapter folder (or any folder) must be listed; every listed level must have its file.
  const listed = new Set<string>();
  const seenChapters = new Set<string>();
  const levelIds = new Map<string, string>();
  for (const { chapter, index } of entries) {
    if (seenChapters.has(chapter.id)) {
      await manifestProblem(["chapters", index, "id"], `chapter "${chapter.id}" is listed twice`);
    }
    seenChapters.add(chapter.id);
    const levels: LoadedLevel[] = [];
    for (const [j, id] of chapter.levels.entries()) {
      const file = join(dir, chapter.id, `${id}.yaml`);
      const where: FieldPath = ["chapters", index, "levels", j];
      if (listed.has(file)) {
        await manifestProblem(where, `"${id}" is listed twice`);
        continue;
      }
      listed.add(file);
      if (!onDisk.has(file)) {
        await manifestProblem(where, `no such file: ${file}`);
        continue;
      }
      const level = await loadLevel(file, id, files, levelIds, problems);
      if (level) levels.push(level);
    }
    chapters.push({ id: chapter.id, title: chapter.title, levels });
  }
  for (const file of onDisk) {
    if (listed.has(file)) continue;
    problems.push({ file, message: `not listed in ${MANIFEST}` });
    // Its own problems too, so that one run shows everything.
    const name = basename(file).replace(LEVEL_FILE, "");
    await loadLevel(file, name, files, new Map(), problems);
  }
  return { dir, manifest: manifestFile, chapters, problems: sorted(problems) };
}

/** A read started now and awaited later: its failure is not unhandled in the meantime. */
function settled(text: Promise<string>): Promise<string> {
  text.catch(() => undefined);
  return text;
}

/** Puzzles in the pack's loaded levels. */
export function countPuzzles(pack: Pack): number {
  return pack.chapters.reduce((n, c) => n + c.levels.reduce((m, l) => m + l.level.puzzles.length, 0), 0);
}

export function countLevels(pack: Pack): number {
  return pack.chapters.reduce((n, c) => n + c.levels.length, 0);
}

type ManifestChapter = Manifest["chapters"][number];

/**
 * The chapters of a manifest. When it has problems (already reported), every chapter with an id and a list of
 * level ids is still used, so that its levels load and are not called unlisted.
 */
function manifestChapters(
  parsed: ReturnType<typeof Manifest.safeParse>,
  data: unknown,
): { chapter: ManifestChapter; index: number }[] {
  if (parsed.success) return parsed.data.chapters.map((chapter, index) => ({ chapter, index }));
  const raw = (data as { chapters?: unknown } | null)?.chapters;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((c: unknown, index) => {
    const { id, title, levels } = (c ?? {}) as Record<string, unknown>;
    if (typeof id !== "string" || !Array.isArray(levels) || !levels.every((l) => typeof l === "string")) return [];
    const t = Localized.safeParse(title);
    return [{ chapter: { id, title: t.success ? t.data : { en: id, "zh-CN": id }, levels }, index }];
  });
}

interface Manifested {
  readonly entries: readonly { chapter: ManifestChapter; index: number }[];
  /** The manifest as `yaml` reads it, for the line of a problem found later; undefined if `yaml` cannot read it. */
  readonly yaml: () => Promise<YamlFile | undefined>;
}

/** The manifest's chapters, with its problems recorded; undefined when it cannot be read or parsed. */
async function readManifest(file: string, fs: PackFs, problems: PackProblem[]): Promise<Manifested | undefined> {
  const text = await readText(file, fs, problems);
  if (text === undefined) return undefined;
  let slow: Promise<YamlFile | undefined> | undefined;
  const yaml = () => (slow ??= parseYaml(file, text, []));
  const quick = quickYaml(text);
  if (quick) {
    const parsed = Manifest.safeParse(quick.data, { error: plainError });
    if (parsed.success) return { entries: manifestChapters(parsed, quick.data), yaml };
  }
  // A problem, or a file only `yaml` reads: all of it as `yaml` reads it.
  const y = await parseYaml(file, text, problems);
  if (!y) return undefined;
  const parsed = Manifest.safeParse(y.data, { error: plainError });
  if (!parsed.success) problems.push(...zodProblems(file, y, parsed.error));
  return { entries: manifestChapters(parsed, y.data), yaml: async () => y };
}

/** A level's problems, each with its field and the field whose line it is at; `level` when the schema accepts it. */
interface LevelCheck {
  readonly level?: LevelFile;
  readonly posed?: PosedLevel;
  readonly problems: readonly { path: FieldPath; message: string; at: FieldPath }[];
}

/** Checks a level file's data: its id, the schema, the other levels' ids, the engine's proof of every puzzle. */
function checkLevel(data: unknown, name: string, levelIds: ReadonlyMap<string, string>): LevelCheck {
  const problems: { path: FieldPath; message: string; at: FieldPath }[] = [];
  const at = (path: FieldPath, message: string, point: FieldPath = path): void => {
    problems.push({ path, message, at: point });
  };
  const rawId = (data as { id?: unknown } | null)?.id;
  if (typeof rawId === "string" && rawId !== name) at(["id"], `"${rawId}" does not match the file name (${name}.yaml)`);
  const parsed = Level.safeParse(data, { error: plainError });
  if (!parsed.success) {
    for (const i of plainIssues(parsed.error)) at(i.path, i.message, i.at);
    return { problems };
  }
  const level = parsed.data;
  const other = levelIds.get(level.id);
  if (other !== undefined) at(["id"], `level id "${level.id}" is also used by ${other}`);

  const { posed, problems: posing } = poseLevel(level);
  for (const p of posing) at(p.path, p.message);
  return posed ? { level, posed, problems } : { level, problems };
}

async function loadLevel(
  file: string,
  name: string,
  fs: PackFs,
  levelIds: Map<string, string>,
  problems: PackProblem[],
): Promise<LoadedLevel | undefined> {
  const text = await readText(file, fs, problems);
  if (text === undefined) return undefined;
  const quick = quickYaml(text);
  let check = quick && checkLevel(quick.data, name, levelIds);
  let y: YamlFile | undefined;
  if (!check?.posed || check.problems.length > 0) {
    // A problem, or a file only `yaml` reads: all of it again as `yaml` reads it, for the lines.
    y = await parseYaml(file, text, problems);
    if (!y) return undefined;
    check = checkLevel(y.data, name, levelIds);
  }
  const { level, posed } = check;
  if (level && !levelIds.has(level.id)) levelIds.set(level.id, file);
  for (const p of check.problems) problems.push({ file, line: lineOf(y, p.at), ...fieldOf(p.path), message: p.message });
  return posed && check.problems.length === 0 ? { ...posed, file } : undefined;
}

interface YamlFile {
  readonly yaml: typeof import("yaml");
  readonly doc: Document;
  readonly lines: LineCounter;
  readonly data: unknown;
}

/** The file's text; undefined (with the problem recorded) when it cannot be read. */
async function readText(file: string, fs: PackFs, problems: PackProblem[]): Promise<string | undefined> {
  try {
    return (await fs.readFile(file)).replace(/^\uFEFF/, "");
  } catch (e) {
    problems.push({ file, message: `cannot read: ${systemMessage(e)}` });
    return undefined;
  }
}

/** Parses a file's text with `yaml`; undefined (with the problems recorded) when it cannot be parsed. */
async function parseYaml(file: string, text: string, problems: PackProblem[]): Promise<YamlFile | undefined> {
  const yaml = await import("yaml");
  const lines = new yaml.LineCounter();
  const doc = yaml.parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      problems.push({ file, line: lines.linePos(e.pos[0]).line, message: lowerFirst(e.message) });
    }
    return undefined;
  }
  try {
    return { yaml, doc, lines, data: doc.toJS() };
  } catch (e) {
    // An alias without its anchor, or too many aliases: parseDocument finds no error, toJS throws.
    problems.push({ file, message: lowerFirst(e instanceof Error ? e.message : String(e)) });
    return undefined;
  }
}

function zodProblems(file: string, y: YamlFile, error: z.ZodError): PackProblem[] {
  return plainIssues(error).map((i) => ({ file, line: lineOf(y, i.at), ...fieldOf(i.path), message: i.message }));
}

function fieldOf(path: FieldPath): { field?: string } {
  const field = fieldName(path);
  return field === undefined ? {} : { field };
}

/**
 * The line of a field: of its key in a mapping, of its item in a list. A field that is missing points at the
 * nearest enclosing one that exists.
 */
function lineOf(y: YamlFile | undefined, path: FieldPath): number | undefined {
  if (!y) return undefined;
  const { isAlias, isMap, isScalar, isSeq } = y.yaml;
  let node: unknown = y.doc.contents;
  let offset = (node as Node | null)?.range?.[0];
  for (const part of path) {
    if (isAlias(node)) node = node.resolve(y.doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(part));
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof part === "number") {
      const item = node.items[part] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset === undefined ? undefined : y.lines.linePos(offset).line;
}

/** Every .yaml file one folder down: the chapter folders. */
export async function levelFiles(dir: string, fs: PackFs): Promise<Set<string>> {
  const files = new Set<string>();
  let top: readonly DirEntry[];
  try {
    top = await fs.listDir(dir);
  } catch {
    return files; // reading manifest.yaml from it worked; nothing more to say
  }
  for (const entry of [...top].sort(byName)) {
    if (!entry.dir || entry.name.startsWith(".")) continue;
    const sub = join(dir, entry.name);
    for (const f of [...(await fs.listDir(sub))].sort(byName)) {
      if (!f.dir && LEVEL_FILE.test(f.name)) files.add(join(sub, f.name));
    }
  }
  return files;
}

function byName(a: DirEntry, b: DirEntry): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function sorted(problems: readonly PackProblem[]): PackProblem[] {
  return [...problems].sort((a, b) =>
    a.file !== b.file ? (a.file < b.file ? -1 : 1) : (a.line ?? 0) - (b.line ?? 0),
  );
}

function systemMessage(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "is a directory";
  return (e instanceof Error ? e.message : String(e)).replace(/\s+/g, " ").trim();
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
