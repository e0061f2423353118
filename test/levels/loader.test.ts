import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { type DirEntry, fieldName, formatProblem, loadPack, type Pack, type PackFs } from "../../src/levels/loader";
import { realFs } from "../fixtures/realFs";

const PACKS = relative(process.cwd(), join(import.meta.dirname, "../fixtures/packs"));

const lines = (pack: Pack): string[] => pack.problems.map(formatProblem);
const loaded = (pack: Pack): string[][] => pack.chapters.map((c) => [c.id, ...c.levels.map((l) => l.level.id)]);

/** A pack in memory: { "manifest.yaml": "...", "c/x.yaml": "..." } under the directory "mem". */
function memoryFs(files: Record<string, string>): PackFs {
  const all = new Map(Object.entries(files).map(([name, text]) => [`mem/${name}`, text]));
  return {
    readFile: async (path) => {
      const text = all.get(path);
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
      return text;
    },
    listDir: async (path) => {
      const entries = new Map<string, DirEntry>();
      for (const name of all.keys()) {
        if (!name.startsWith(`${path}/`)) continue;
        const [first, ...rest] = name.slice(path.length + 1).split("/");
        if (first !== undefined) entries.set(first, { name: first, dir: rest.length > 0 });
      }
      return [...entries.values()];
    },
  };
}

const MANIFEST_ONE = `chapters:
  - id: c
    title: { en: "C", zh-CN: "C" }
    levels: [x]
`;

describe("a valid pack", () => {
  it("loads every chapter in manifest order, each with its levels in order, and has no problems", async () => {
    const pack = await loadPack(join(PACKS, "valid"), realFs);
    expect(lines(pack)).toEqual([]);
    expect(loaded(pack)).toEqual([["handshake", "first-syn"], ["close", "first-fin"]]);
    expect(pack.chapters[0]?.title).toEqual({ en: "Opening", "zh-CN": "建立连接" });
    expect(pack.chapters[1]?.levels[0]?.file).toBe(join(PACKS, "valid/close/first-fin.yaml"));
    expect(pack.chapters[1]?.levels[0]?.puzzles.map((p) => p.puzzle.id)).toEqual(["server-ack", "server-state", "time-wait"]);
  });
});

describe("a pack with broken files still loads its valid levels and says which file was skipped and why", () => {
  it("reports every problem, sorted by file then line, as FILE:LINE: FIELD: MESSAGE", async () => {
    const pack = await loadPack(join(PACKS, "broken"), realFs);
    const b = `${PACKS}/broken`;
    expect(lines(pack)).toEqual([
      `${b}/basics/out-of-range.yaml:21: puzzles[1].at: the scenario sends 3 segments (0 to 2)`,
      `${b}/basics/right-choice.yaml:18: puzzles[0].choices[0]: "SA 5000/1001" is the right answer, not a wrong choice`,
      `${b}/basics/right-misconception.yaml:20: puzzles[0].misconceptions[0]: "own-data-not-counted" gives the right answer here (PA 1001/5001 len 100)`,
      `${b}/basics/schema.yaml:2: title.zh-CN: missing`,
      `${b}/basics/schema.yaml:6: unknown key "foo"`,
      `${b}/basics/schema.yaml:14: puzzles[0].explain: missing`,
      `${b}/basics/schema.yaml:22: puzzles[1].ask: expected one of state, segment, number, who, time, errno, ladder`,
      `${b}/basics/syntax.yaml:7: flow sequence in block collection must be sufficiently indented and end with a ]`,
      `${b}/basics/unknown-names.yaml:17: puzzles[0].misconceptions[2]: unknown misconception "ack-is-everything"`,
      `${b}/basics/unknown-names.yaml:18: puzzles[0].choices[0]: "SYN-ACK 5000/1001" is not written as a segment answer (like SA 5000/1001)`,
      `${b}/basics/unlisted.yaml: not listed in manifest.yaml`,
      `${b}/basics/wrong-id.yaml:1: id: "wrongid" does not match the file name (wrong-id.yaml)`,
      `${b}/manifest.yaml:13: chapters[0].levels[8]: no such file: ${b}/basics/missing-file.yaml`,
      `${b}/other/good.yaml:1: id: level id "good" is also used by ${b}/basics/good.yaml`,
    ]);
    expect(loaded(pack)).toEqual([["basics", "good"], ["other"]]);
  });

  it("a manifest with a problem: the problem, and its chapters still load", async () => {
    const pack = await loadPack(join(PACKS, "bad-manifest"), realFs);
    expect(lines(pack)).toEqual([`${PACKS}/bad-manifest/manifest.yaml:5: chapters[0]: unknown key "notes"`]);
    expect(loaded(pack)).toEqual([["basics", "good"]]);
  });

  it("no manifest: it cannot be read, and every level file is unlisted", async () => {
    const pack = await loadPack(join(PACKS, "no-manifest"), realFs);
    expect(lines(pack)).toEqual([
      `${PACKS}/no-manifest/basics/good.yaml: not listed in manifest.yaml`,
      `${PACKS}/no-manifest/manifest.yaml: cannot read: no such file`,
    ]);
    expect(pack.chapters).toEqual([]);
  });

  it("a directory that does not exist: its manifest cannot be read", async () => {
    const pack = await loadPack("no/such/pack", realFs);
    expect(lines(pack)).toEqual(["no/such/pack/manifest.yaml: cannot read: no such file"]);
  });
});

describe("schema problems in plain words, each at its line", () => {
  const level = (body: string) => memoryFs({ "manifest.yaml": MANIFEST_ONE, "c/x.yaml": body });
  const check = async (body: string) => lines(await loadPack("mem", level(body)));

  it("wrong types, out of range, empty lists, unknown options, a puzzle point of neither form", async () => {
    const body = `id: x
title: { en: "", zh-CN: "y" }
intro: 5
difficulty: 7.5
concepts: []
scenario:
  steps: 3
puzzles:
  - id: a
    at: 3
    side: client
    explain: { en: "x", zh-CN: "x" }
    cite: []
  - id: b
    ask: state
    at: { foo: 1 }
    side: cli
    explain: { en: "x", zh-CN: "x" }
    cite: ["x"]
  - id: c
    ask: time
    at:
      afterStep: -1
    side: client
    state: 60
    explain: { en: "x", zh-CN: "x" }
    cite: ["x"]
    misconceptions: maybe
  - 5
`;
    expect(await check(body)).toEqual([
      "mem/c/x.yaml:2: title.en: English text is empty",
      "mem/c/x.yaml:3: intro: expected a mapping (key: value), got 5",
      "mem/c/x.yaml:4: difficulty: expected a whole number, got 7.5",
      "mem/c/x.yaml:5: concepts: must not be empty",
      "mem/c/x.yaml:7: scenario.steps: expected a list, got 3",
      "mem/c/x.yaml:9: puzzles[0].ask: missing (one of state, segment, number, who, time, errno, ladder)",
      "mem/c/x.yaml:16: puzzles[1].at: expected { afterStep } or { segment }",
      "mem/c/x.yaml:17: puzzles[1].side: expected one of client, server",
      "mem/c/x.yaml:23: puzzles[2].at.afterStep: must be at least 0",
      "mem/c/x.yaml:25: puzzles[2].state: expected text, got 60",
      "mem/c/x.yaml:28: puzzles[2].misconceptions: expected a list, got \"maybe\"",
      "mem/c/x.yaml:29: puzzles[3]: expected a mapping (key: value), got 5",
    ]);
  });

  it("missing keys point at the object that lacks them", async () => {
    expect(await check("# a comment\nid: x\n")).toEqual(
      ["title", "intro", "difficulty", "concepts", "scenario", "puzzles"].map((k) => `mem/c/x.yaml:2: ${k}: missing`),
    );
  });

  it("an empty file, duplicate keys, tabs", async () => {
    expect(await check("")).toEqual(["mem/c/x.yaml: expected a mapping (key: value), got nothing (null)"]);
    expect(await check("id: x\nid: y\n\tfoo: 1\n")).toEqual([
      "mem/c/x.yaml:2: map keys must be unique",
      "mem/c/x.yaml:3: tabs are not allowed as indentation",
    ]);
  });

  it("an alias without its anchor: a problem, not a crash", async () => {
    expect(await check("id: x\ntitle: *t\n")).toEqual([
      "mem/c/x.yaml: unresolved alias (the anchor must be set before the alias): t",
    ]);
  });

  it("a scenario the engine cannot run: the field inside the scenario", async () => {
    const body = `id: x
title: { en: "x", zh-CN: "x" }
intro: { en: "x", zh-CN: "x" }
difficulty: 1
concepts: [a]
scenario:
  steps:
    - listen: server
    - conect: client
puzzles:
  - { id: a, at: { afterStep: 0 }, ask: ladder, explain: { en: "x", zh-CN: "x" }, cite: [x] }
`;
    expect(await check(body)).toEqual([
      'mem/c/x.yaml:9: scenario.steps[1]: unknown verb "conect" (expected one of listen, connect, send, read, close, shutdown, abort, lose, wait, bind)',
    ]);
  });

  it("the manifest: each chapter entry checked, a level listed twice, a chapter listed twice", async () => {
    const manifest = `chapters:
  - id: c
    title: { en: "C", zh-CN: "C" }
    levels: [x, x]
  - id: Bad
    title: { en: "", zh-CN: "d" }
    levels: []
  - id: c
    title: { en: "C", zh-CN: "C" }
    levels: [y]
`;
    const x = (await realFs.readFile(join(PACKS, "broken/basics/good.yaml"))).replace("id: good", "id: x");
    const y = x.replace("id: x", "id: y");
    const pack = await loadPack("mem", memoryFs({ "manifest.yaml": manifest, "c/x.yaml": x, "c/y.yaml": y }));
    expect(lines(pack)).toEqual([
      'mem/manifest.yaml:4: chapters[0].levels[1]: "x" is listed twice',
      "mem/manifest.yaml:5: chapters[1].id: use lower-case letters, digits and dashes",
      "mem/manifest.yaml:6: chapters[1].title.en: English text is empty",
      "mem/manifest.yaml:7: chapters[1].levels: must not be empty",
      'mem/manifest.yaml:8: chapters[2].id: chapter "c" is listed twice',
    ]);
    expect(loaded(pack)).toEqual([["c", "x"], ["Bad"], ["c", "y"]]);
  });
});

describe("field names and problem lines", () => {
  it("a field path reads as it would in code", () => {
    expect(fieldName(["puzzles", 1, "misconceptions", 0])).toBe("puzzles[1].misconceptions[0]");
    expect(fieldName(["title", "zh-CN"])).toBe("title.zh-CN");
    expect(fieldName([])).toBeUndefined();
  });

  it("FILE:LINE: FIELD: MESSAGE, without the parts that are unknown", () => {
    expect(formatProblem({ file: "a.yaml", line: 3, field: "id", message: "m" })).toBe("a.yaml:3: id: m");
    expect(formatProblem({ file: "a.yaml", line: 3, message: "m" })).toBe("a.yaml:3: m");
    expect(formatProblem({ file: "a.yaml", message: "m" })).toBe("a.yaml: m");
  });
});
