/**
 * `npm run build` (and `prepare`, so `npm ci` and `npm pack` run it): the program as node runs it, in dist/.
 *
 * - dist/tcp-tutor.mjs, the entry (`bin`, `npm start`), and dist/chunks/: one minified ESM bundle split where the
 *   code imports with import(), so that a command loads only what it uses (the game's Ink and React, the `yaml`
 *   package that only a level file with a problem needs).
 * - dist/pack.json: the built-in pack (levels/) compiled, loaded at start instead of the YAML while it matches the
 *   files (src/levels/compiled.ts).
 *
 * `node dist/build.mjs --analyze` also prints what takes the room in each output file; `--readable` leaves the code
 * unminified, for a CPU profile with names (`node --cpu-prof dist/tcp-tutor.mjs check`).
 */
import { execFile } from "node:child_process";
import { chmod, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { analyzeMetafile, build, type Plugin } from "esbuild";
import { compilePack } from "../levels/compiled";
import { countLevels, countPuzzles, formatProblem, type PackFs } from "../levels/loader";

// This file runs bundled as dist/build.mjs.
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIST = join(ROOT, "dist");
const ENTRY = join(DIST, "tcp-tutor.mjs");
const CHUNKS = join(DIST, "chunks");
const PACK = join(DIST, "pack.json");

/**
 * Imports resolved elsewhere than node would: packages the program never uses but its libraries import, each to a
 * stub (src/ui/stubs/); `yaml` to its ES module build, the same code as the CommonJS one node gets, so that its
 * chunk (loaded with import() for level files with problems) has named exports and loses what the loader never calls;
 * `yoga-layout` to a wrapper that loads it faster; zod's table of languages to English alone.
 */
const REDIRECTS: Readonly<Record<string, string>> = {
  // Ink imports it only with DEV=true, to connect React DevTools.
  "react-devtools-core": "src/ui/stubs/empty.ts",
  // conf imports them at its top, for a `schema` option the save never passes.
  "ajv/dist/2020.js": "src/ui/stubs/ajv.ts",
  "ajv-formats": "src/ui/stubs/ajv.ts",
  yaml: "node_modules/yaml/browser/index.js",
  // Ink's layout engine, loaded without fetch(), which would load node's HTTP client to read a data: URL.
  "yoga-layout": "src/ui/stubs/yoga.ts",
};

const redirects: Plugin = {
  name: "redirects",
  setup(b) {
    const names = Object.keys(REDIRECTS).map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
    b.onResolve({ filter: new RegExp(`^(?:${names.join("|")})$`) }, (args) => ({
      path: join(ROOT, REDIRECTS[args.path] ?? ""),
    }));
    // zod's table of 48 languages, behind z.locales: the program uses English only, which zod imports on its own.
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]v4[\\/]/.test(args.importer) ? { path: join(ROOT, "src/ui/stubs/zodLocales.ts") } : undefined,
    );
  },
};

/**
 * Edits of a library's code as it is bundled, for the versions whose code they were written for: each text must be
 * found exactly once, so that a change in the library fails the build instead of quietly losing the edit.
 */
interface Patch {
  readonly version: RegExp;
  readonly file: string;
  readonly edits: readonly (readonly [before: string, after: string])[];
}

const PATCHES: Readonly<Record<string, Patch>> = {
  // string-width makes its segmenter and its emoji regex when it loads, some 60 ms of every start, and compiles the
  // regex the first time it runs: made when needed instead (src/ui/stubs/stringWidthLazy.ts). Not the older copy
  // that wrap-ansi has.
  "string-width": {
    version: /^8\./,
    file: "index.js",
    edits: [
      [
        "const segmenter = new Intl.Segmenter();",
        `import {lazySegmenter as segmenter, lazyRgiEmoji as rgiEmojiRegex} from ${JSON.stringify(join(ROOT, "src/ui/stubs/stringWidthLazy.ts"))};`,
      ],
      ["const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;", ""],
    ],
  },
};

const patches: Plugin = {
  name: "patches",
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/].*\.js$/ }, async (args) => {
      const [name, file] = args.path.split(/[\\/]node_modules[\\/]/).pop()?.split(/[\\/](.*)/) ?? [];
      const patch = name === undefined ? undefined : PATCHES[name];
      if (!patch || file?.split(sep).join("/") !== patch.file) return undefined;
      const dir = args.path.slice(0, args.path.length - patch.file.length);
      const { version } = JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as { version: string };
      if (!patch.version.test(version)) return undefined;
      let text = await readFile(args.path, "utf8");
      for (const [before, after] of patch.edits) {
        if (text.split(before).length !== 2) throw new Error(`${args.path}: "${before}" is not there once (PATCHES, src/build/build.ts)`);
        text = text.replace(before, after);
      }
      return { contents: text, loader: "js" };
    });
  },
};

/**
 * Bundled CommonJS code (yaml, signal-exit…) calls require() for node's own modules: each output file, the entry
 * and every chunk being a module of its own, gets one made for it.
 */
const REQUIRE = "import{createRequire as __tcpTutorCreateRequire}from'node:module';const require=__tcpTutorCreateRequire(import.meta.url);";

const realFs: PackFs = {
  readFile: (path) => readFile(path, "utf8"),
  listDir: async (path) => (await readdir(path, { withFileTypes: true })).map((e) => ({ name: e.name, dir: e.isDirectory() })),
};

const run = promisify(execFile);

const kb = (bytes: number): string => (bytes < 10_240 ? `${bytes} B` : `${(bytes / 1024).toFixed(0)} KB`);

async function syntaxCheck(file: string): Promise<void> {
  try {
    await run(process.execPath, ["--check", file]);
  } catch (e) {
    throw new Error(`${file} does not parse: ${(e as { stderr?: string }).stderr ?? String(e)}`);
  }
}

async function bundle(analyze: boolean, minify: boolean): Promise<string> {
  await rm(CHUNKS, { recursive: true, force: true });
  await rm(ENTRY, { force: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { "tcp-tutor": "src/cli/main.ts" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outdir: DIST,
    entryNames: "[name]",
    chunkNames: "chunks/[name]-[hash]",
    outExtension: { ".js": ".mjs" },
    jsx: "automatic",
    minify,
    define: { "process.env.NODE_ENV": '"production"' },
    banner: { js: REQUIRE },
    plugins: [redirects, patches],
    metafile: true,
    logLevel: "warning",
  });
  // The `bin`: run by node wherever npm links it (a file without this line would be run by the shell).
  await writeFile(ENTRY, `#!/usr/bin/env node\n${await readFile(ENTRY, "utf8")}`, { mode: 0o755 });
  await chmod(ENTRY, 0o755);
  // Every output is a module with the banner: make sure each one parses (`const require` twice would not).
  await Promise.all(Object.keys(result.metafile.outputs).map((file) => syntaxCheck(join(ROOT, file))));
  if (analyze) console.log(await analyzeMetafile(result.metafile));
  const outputs = Object.entries(result.metafile.outputs);
  const chunks = outputs.filter(([path]) => path.includes("/chunks/"));
  const entry = outputs.find(([path]) => path.endsWith("tcp-tutor.mjs"))?.[1].bytes ?? 0;
  const chunkBytes = chunks.reduce((n, [, o]) => n + o.bytes, 0);
  return `dist/tcp-tutor.mjs ${kb(entry)}, dist/chunks/ ${chunks.length} files ${kb(chunkBytes)}`;
}

/** dist/pack.json, or none (the game then reads the YAML) when the pack has problems: a build never fails on them. */
async function compileBuiltinPack(): Promise<string> {
  await rm(PACK, { force: true });
  const { pack, compiled } = await compilePack(join(ROOT, "levels"), realFs);
  if (!compiled) {
    const lines = pack.problems.slice(0, 5).map((p) => `  ${formatProblem(p)}\n`).join("");
    console.warn(`levels/ has ${pack.problems.length} problems, so it is not compiled (see tcp-tutor check):\n${lines}`);
    return "no dist/pack.json";
  }
  await writeFile(PACK, JSON.stringify(compiled));
  const size = (await stat(PACK)).size;
  return `dist/pack.json ${kb(size)} (${pack.chapters.length} chapters, ${countLevels(pack)} levels, ${countPuzzles(pack)} puzzles)`;
}

const analyze = process.argv.includes("--analyze");
const start = performance.now();
const made = await Promise.all([bundle(analyze, !process.argv.includes("--readable")), compileBuiltinPack()]);
console.log(`built ${made.join("; ")} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
