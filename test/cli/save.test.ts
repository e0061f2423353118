import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SaveFile } from "../../src/store/saveFile";
import { describeProblems, ProfileExport } from "../../src/store/schema";
import { ANA, savedProfile, saveFileOf, seedSave, snapshot, VALID_PACK } from "./saveFixtures";
import { NOW, output, tcpTutor, tempHome } from "./tcpTutor";

/** A home where "ana" has ANA's progress, beside an empty "default" that is played by default. */
function anaHome(): string {
  const home = tempHome();
  seedSave(home, { ana: ANA });
  return home;
}

const QUESTION =
  'Erase all progress of profile "ana" (2 levels played, 770 points)? A backup is kept. [y/N] \n';
const BACKUP = (home: string) => join(home, "backups", "ana-20261121-120000.json");
const erased = (home: string) =>
  `erased the progress of profile "ana"; backup: ${BACKUP(home)} ` +
  `(undo: tcp-tutor import ${BACKUP(home)} --profile ana)\n`;

describe("reset", () => {
  it.each([["n"], ["no"], ["yes please"], [""]])("asks, and any answer but y or yes (%j) erases nothing, exit 1", async (answer) => {
    const home = anaHome();
    const before = snapshot(home);
    const r = await tcpTutor(["reset", "--profile", "ana"], { home, stdin: `${answer}\n` });
    expect(output(r)).toEqual({ code: 1, stdout: "", stderr: `${QUESTION}reset: not confirmed; nothing was erased\n` });
    expect(snapshot(home)).toEqual(before);
  });

  it("the end of input is no answer: nothing erased", async () => {
    const home = anaHome();
    const before = snapshot(home);
    const r = await tcpTutor(["reset", "--profile", "ana"], { home, stdin: "" });
    expect(output(r)).toEqual({ code: 1, stdout: "", stderr: `${QUESTION}reset: not confirmed; nothing was erased\n` });
    expect(snapshot(home)).toEqual(before);
  });

  it.each([["y"], ["Y"], ["yes"], [" YES "]])("%j erases the progress, keeps the settings, and a backup", async (answer) => {
    const home = anaHome();
    const r = await tcpTutor(["reset", "--profile", "ana"], { home, stdin: `${answer}\n` });
    expect(output(r)).toEqual({ code: 0, stdout: erased(home), stderr: QUESTION });
    const after = savedProfile(home, "ana");
    expect(after.levels).toEqual({});
    expect(after.totals.points).toBe(0);
    expect(after.settings).toEqual(ANA.settings);
    const backup = ProfileExport.parse(JSON.parse(readFileSync(BACKUP(home), "utf8")));
    expect(backup).toMatchObject({ name: "ana", profile: ANA });
  });

  it("--yes erases without asking", async () => {
    const home = anaHome();
    const r = await tcpTutor(["reset", "--yes", "--profile", "ana"], { home });
    expect(output(r)).toEqual({ code: 0, stdout: erased(home), stderr: "" });
    expect(savedProfile(home, "ana").levels).toEqual({});
  });

  it("without --profile: the profile played by default", async () => {
    const home = tempHome();
    seedSave(home, { ana: ANA }, "ana");
    const r = await tcpTutor(["reset", "--yes"], { home });
    expect(r.stdout).toBe(erased(home));
  });

  it("the undo it prints puts back exactly what was erased", async () => {
    const home = anaHome();
    const r = await tcpTutor(["reset", "--yes", "--profile", "ana"], { home });
    const undo = /\(undo: tcp-tutor (.*)\)\n$/.exec(r.stdout)?.[1]?.split(" ") ?? [];
    expect(undo).toEqual(["import", BACKUP(home), "--profile", "ana"]);
    const back = await tcpTutor(undo, { home });
    expect(output(back)).toEqual({
      code: 0,
      stdout: `imported profile "ana" from ${BACKUP(home)} (merged with the existing progress: best of each)\n`,
      stderr: "",
    });
    expect(savedProfile(home, "ana")).toEqual(ANA);
  });

  it("with --home, the undo names it too (quoted for the shell when it needs it)", async () => {
    const home = join(tempHome(), "lab machine's save");
    seedSave(home, { ana: ANA });
    const r = await tcpTutor(["reset", "--yes", "--profile", "ana", "--home", home], { home: tempHome() });
    const quoted = (p: string) => `'${p.replaceAll("'", `'\\''`)}'`;
    expect(r.stdout).toBe(
      `erased the progress of profile "ana"; backup: ${BACKUP(home)} ` +
        `(undo: tcp-tutor import ${quoted(BACKUP(home))} --profile ana --home ${quoted(home)})\n`,
    );
  });

  it("a profile that does not exist: nothing is created, exit 1", async () => {
    const home = anaHome();
    const before = snapshot(home);
    const r = await tcpTutor(["reset", "--yes", "--profile", "bob"], { home });
    expect(output(r)).toEqual({
      code: 1,
      stdout: "",
      stderr: `reset: there is no profile "bob" in ${saveFileOf(home)} (profiles: ana, default)\n`,
    });
    expect(snapshot(home)).toEqual(before);
  });
});

describe("export", () => {
  const exported = (home: string, name: string) =>
    `${JSON.stringify(SaveFile.open(home, () => NOW).exportProfile(name), null, 2)}\n`;

  it("FILE: the profile as indented JSON, and a line saying where", async () => {
    const home = anaHome();
    const file = join(tempHome(), "ana.json");
    const r = await tcpTutor(["export", file, "--profile", "ana"], { home });
    expect(output(r)).toEqual({ code: 0, stdout: `exported profile "ana" to ${file}\n`, stderr: "" });
    expect(readFileSync(file, "utf8")).toBe(exported(home, "ana"));
    expect(ProfileExport.parse(JSON.parse(readFileSync(file, "utf8")))).toEqual({
      tcpTutor: "profile",
      format: 2,
      name: "ana",
      exported: "2026-11-21T12:00:00.000Z",
      profile: ANA,
    });
  });

  it("-: to standard output, nothing else", async () => {
    const home = anaHome();
    expect(output(await tcpTutor(["export", "-", "--profile", "ana"], { home }))).toEqual({
      code: 0,
      stdout: exported(home, "ana"),
      stderr: "",
    });
  });

  it("an existing file is never overwritten: exit 1, the file unchanged", async () => {
    const home = anaHome();
    const file = join(tempHome(), "notes.json");
    writeFileSync(file, "my notes\n");
    expect(output(await tcpTutor(["export", file, "--profile", "ana"], { home }))).toEqual({
      code: 1,
      stdout: "",
      stderr: `export: ${file} already exists; tcp-tutor does not overwrite it (remove it, or choose another name)\n`,
    });
    expect(readFileSync(file, "utf8")).toBe("my notes\n");
  });

  it("a file that cannot be written: the system's reason, exit 1", async () => {
    const file = join(tempHome(), "no-such-dir", "ana.json");
    const r = await tcpTutor(["export", file, "--profile", "ana"], { home: anaHome() });
    expect(output(r)).toEqual({
      code: 1,
      stdout: "",
      stderr: `export: cannot write ${file}: ENOENT: no such file or directory, open '${file}'\n`,
    });
  });

  it("a profile that does not exist: exit 1, no file", async () => {
    const file = join(tempHome(), "bob.json");
    const r = await tcpTutor(["export", file, "--profile", "bob"], { home: anaHome() });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^export: there is no profile "bob" in .*progress\.json \(profiles: ana, default\)\n$/);
    expect(existsSync(file)).toBe(false);
  });
});

describe("import", () => {
  async function exportAna(): Promise<string> {
    const file = join(tempHome(), "ana.json");
    expect((await tcpTutor(["export", file, "--profile", "ana"], { home: anaHome() })).code).toBe(0);
    return file;
  }

  it("into another profile: a new profile equal to the exported one; again: merged, still equal", async () => {
    const file = await exportAna();
    const home = anaHome();
    const first = await tcpTutor(["import", file, "--profile", "bob"], { home });
    expect(output(first)).toEqual({
      code: 0,
      stdout: `imported profile "bob" from ${file} (new profile)\n`,
      stderr: "",
    });
    expect(savedProfile(home, "bob")).toEqual(savedProfile(home, "ana"));
    const again = await tcpTutor(["import", file, "--profile", "bob"], { home });
    expect(again.stdout).toBe(`imported profile "bob" from ${file} (merged with the existing progress: best of each)\n`);
    expect(savedProfile(home, "bob")).toEqual(ANA);
  });

  it("without --profile: into the profile named in the file, on another machine (home)", async () => {
    const file = await exportAna();
    const home = tempHome();
    const r = await tcpTutor(["import", file], { home });
    expect(r.stdout).toBe(`imported profile "ana" from ${file} (new profile)\n`);
    expect(savedProfile(home, "ana")).toEqual(ANA);
    // Importing does not change which profile is played by default.
    expect(SaveFile.open(home, () => NOW).current()).toBe("default");
  });

  it("-: from standard input", async () => {
    const file = await exportAna();
    const home = tempHome();
    const r = await tcpTutor(["import", "-", "--profile", "李雷"], { home, stdin: readFileSync(file, "utf8") });
    expect(output(r)).toEqual({ code: 0, stdout: 'imported profile "李雷" from stdin (new profile)\n', stderr: "" });
    expect(savedProfile(home, "李雷")).toEqual(ANA);
  });

  it("merging keeps the best of each: a worse export takes nothing away", async () => {
    const home = anaHome();
    const worse = { ...ANA, levels: { "first-syn": { ...ANA.levels["first-syn"]!, stars: 1, bestScore: 10 } } };
    const file = join(tempHome(), "worse.json");
    writeFileSync(file, JSON.stringify({ tcpTutor: "profile", format: 2, name: "ana", exported: "x", profile: worse }));
    expect((await tcpTutor(["import", file], { home })).code).toBe(0);
    expect(savedProfile(home, "ana")).toEqual(ANA);
  });

  describe("a file that is not a valid export changes nothing and says what is wrong, exit 1", () => {
    const valid = { tcpTutor: "profile", format: 2, name: "ana", exported: "2026-11-21T12:00:00.000Z", profile: ANA };
    const badLevel = { ...ANA, levels: { "first-syn": { ...ANA.levels["first-syn"], stars: 7 } } };
    const { totals: _, ...noTotals } = ANA;

    it.each([
      ["not JSON", "{ this is not JSON"],
      ["an array", "[1, 2, 3]"],
      ["another program's JSON", JSON.stringify({ name: "ana", level: 3 })],
      ["a level with 7 stars", JSON.stringify({ ...valid, profile: badLevel })],
      ["a profile without totals", JSON.stringify({ ...valid, profile: noTotals })],
      ["a bad profile name", JSON.stringify({ ...valid, name: "ana smith" })],
      ["a format older than exports", JSON.stringify({ ...valid, format: 1 })],
    ])("%s", async (_what, text) => {
      const home = anaHome();
      const file = join(tempHome(), "bad.json");
      writeFileSync(file, text);
      const before = snapshot(home);
      const r = await tcpTutor(["import", file], { home });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      let expected: string[];
      try {
        const parsed = ProfileExport.safeParse(JSON.parse(text));
        expected = parsed.success ? [] : describeProblems(parsed.error).map((p) => `import: ${file}: ${p}`);
      } catch (e) {
        expected = [`import: ${file}: invalid JSON: ${(e as Error).message}`];
      }
      expect(expected.length).toBeGreaterThan(0);
      expect(r.stderr).toBe(`${expected.join("\n")}\n`);
      expect(snapshot(home)).toEqual(before);
    });

    it("the problems name the field", async () => {
      const file = join(tempHome(), "bad.json");
      writeFileSync(file, JSON.stringify({ ...valid, profile: badLevel }));
      const r = await tcpTutor(["import", file], { home: anaHome() });
      expect(r.stderr).toMatch(new RegExp(`^import: ${file}: profile\\.levels\\.first-syn\\.stars: .*3.*\n$`));
    });

    it("a newer format: which tcp-tutor wrote it", async () => {
      const home = anaHome();
      const file = join(tempHome(), "new.json");
      writeFileSync(file, JSON.stringify({ ...valid, format: 3, profile: { whatever: true } }));
      const before = snapshot(home);
      expect(output(await tcpTutor(["import", file], { home }))).toEqual({
        code: 1,
        stdout: "",
        stderr: `import: ${file} was exported by a newer tcp-tutor (format 3; this version reads 2)\n`,
      });
      expect(snapshot(home)).toEqual(before);
    });

    it("a missing file", async () => {
      const home = tempHome();
      const file = join(home, "nope.json");
      expect(output(await tcpTutor(["import", file], { home }))).toEqual({
        code: 1,
        stdout: "",
        stderr: `import: cannot read ${file}: ENOENT: no such file or directory, open '${file}'\n`,
      });
    });

    it("with no save yet, a bad file does not even create one", async () => {
      const home = tempHome();
      const r = await tcpTutor(["import", "-"], { home, stdin: "garbage" });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^import: stdin: invalid JSON: \S.*\n$/);
      expect(readdirSync(home)).toEqual([]);
    });
  });
});

describe("--profile and --home on every command", () => {
  const scenario = join(import.meta.dirname, "../fixtures/scenarios/classic.json");

  it.each([
    [["stats"], true],
    [["stats", "--json"], true],
    [["reset", "--yes"], true],
    [["export", "-"], true],
    [["levels"], false],
    [["check"], false],
    [["trace", scenario], false],
  ])("%j: before or after the command, as NAME or =NAME; the save goes to --home, not TCP_TUTOR_HOME", async (argv, usesSave) => {
    for (const line of [
      [...argv, "--profile", "ana", "--home", "HOME"],
      ["--profile=ana", "--home=HOME", ...argv],
      ["--home", "HOME", ...argv, "--profile=ana"],
    ]) {
      const home = anaHome();
      const other = tempHome();
      const r = await tcpTutor(
        line.map((a) => a.replace("HOME", home)),
        { env: { TCP_TUTOR_HOME: other }, builtinLevels: VALID_PACK },
      );
      expect({ line, code: r.code, stderr: r.stderr }).toEqual({ line, code: 0, stderr: "" });
      expect(readdirSync(other)).toEqual([]);
      if (usesSave && argv[0] !== "reset") expect(r.stdout).toContain("ana");
    }
  });

  it("import: --profile names the profile it goes into", async () => {
    const home = anaHome();
    const file = join(tempHome(), "ana.json");
    await tcpTutor(["export", file, "--profile", "ana"], { home });
    const r = await tcpTutor(["--profile", "cho", "import", file, "--home", home], { env: { TCP_TUTOR_HOME: tempHome() } });
    expect(r.stdout).toBe(`imported profile "cho" from ${file} (new profile)\n`);
    expect(savedProfile(home, "cho")).toEqual(ANA);
  });

  it("TCP_TUTOR_HOME alone moves the save", async () => {
    const home = tempHome();
    const r = await tcpTutor(["stats"], { env: { TCP_TUTOR_HOME: home }, builtinLevels: VALID_PACK });
    expect(r.home).toBe(home);
    expect(readdirSync(home)).toEqual(["progress.json"]);
  });

  it("the game: --profile plays that profile this time, without changing the one remembered", async () => {
    const home = anaHome();
    const r = await tcpTutor(["--profile", "ana"], { home, terminal: true });
    expect(r.played?.store.profile).toBe("ana");
    expect(r.played?.store.location).toBe(saveFileOf(home));
    expect(r.played?.store.load()).toEqual(ANA);
    expect(SaveFile.open(home, () => NOW).current()).toBe("default");
    const again = await tcpTutor([], { home, terminal: true });
    expect(again.played?.store.profile).toBe("default");
  });

  it.each([
    [["stats", "--profile", "ana smith"], 'stats: --profile "ana smith"'],
    [["--profile", "-x", "reset"], 'tcp-tutor: --profile "-x"'],
    [["export", "-", "--profile=a/b"], 'export: --profile "a/b"'],
    [["import", "f.json", "--profile", "x".repeat(33)], `import: --profile "${"x".repeat(33)}"`],
    [["--profile", "ana!"], 'tcp-tutor: --profile "ana!"'],
  ])("a bad profile name is a mistake on the command line: %j", async (argv, start) => {
    const home = tempHome();
    expect(output(await tcpTutor(argv, { home, terminal: true }))).toEqual({
      code: 2,
      stdout: "",
      stderr:
        `${start}: a profile name is 1 to 32 letters, digits, _ . or -, starting with a letter or digit ` +
        "(see tcp-tutor --help)\n",
    });
    expect(readdirSync(home)).toEqual([]);
  });

  it.each([
    [["stats", "--profile"], "stats: --profile needs a value, a profile name"],
    [["--profile=", "stats"], "tcp-tutor: --profile needs a value, a profile name"],
    [["stats", "--home"], "stats: --home needs a value, a directory"],
    [["--profile", "a", "stats", "--profile", "b"], "tcp-tutor: --profile given twice"],
    [["stats", "--yes"], 'stats: unknown option "--yes"'],
    [["stats", "ana"], 'stats: unexpected argument "ana" (use --profile NAME for another profile)'],
    [["reset", "--json"], 'reset: unknown option "--json"'],
    [["reset", "-y"], 'reset: unknown option "-y"'],
    [["reset", "ana"], 'reset: unexpected argument "ana" (use --profile NAME for another profile)'],
    [["export"], "export: missing FILE (the file to write, or - for standard output)"],
    [["export", "--force", "a.json"], 'export: unknown option "--force"'],
    [["export", "a.json", "b.json"], 'export: unexpected argument "b.json" (one file at a time)'],
    [["import"], "import: missing FILE (a file written by tcp-tutor export, or - for standard input)"],
    [["import", "a.json", "--merge"], 'import: unknown option "--merge"'],
  ])("%j: one line, exit 2", async (argv, line) => {
    expect(output(await tcpTutor(argv))).toEqual({ code: 2, stdout: "", stderr: `${line} (see tcp-tutor --help)\n` });
  });
});

describe("a save that cannot be used as it is", () => {
  const DAMAGED = /^tcp-tutor: the save file (\S+) is not valid JSON \(.+\): it was moved to (\S+) and progress starts fresh\n$/;

  it.each([[["stats"]], [["export", "-"]], [["reset", "--yes"]]])(
    "%j: a damaged save file is moved aside and reported on stderr; the command still works",
    async (argv) => {
      const home = tempHome();
      writeFileSync(saveFileOf(home), "{ half a save");
      const r = await tcpTutor(argv, { home, builtinLevels: VALID_PACK });
      expect(r.code).toBe(0);
      const [, file, backup] = DAMAGED.exec(r.stderr) ?? [];
      expect(file).toBe(saveFileOf(home));
      expect(backup).toBe(join(home, "progress.damaged-20261121-120000.json"));
      expect(readFileSync(backup as string, "utf8")).toBe("{ half a save");
      expect(r.stdout).toContain("default");
    },
  );

  it("a save that fails the format: moved aside too, with the first problem", async () => {
    const home = tempHome();
    writeFileSync(saveFileOf(home), JSON.stringify({ current: "default", profiles: { default: { levels: 3 } } }));
    const r = await tcpTutor(["stats", "--json"], { home, builtinLevels: VALID_PACK });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^tcp-tutor: the save file \S+ does not match the save format \(.+\): it was moved to \S+progress\.damaged-20261121-120000\.json and progress starts fresh\n$/,
    );
    expect(JSON.parse(r.stdout)).toMatchObject({ profile: "default" });
  });

  it("a save from a newer tcp-tutor is left alone: one line, exit 1", async () => {
    const home = tempHome();
    const newer = JSON.stringify({ __internal__: { migrations: { version: "3.0.0" } }, anything: 1 });
    writeFileSync(saveFileOf(home), newer);
    const r = await tcpTutor(["stats"], { home });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^tcp-tutor: \S+progress\.json was saved by a newer tcp-tutor \(.*\n$/);
    expect(r.stderr.split("\n")).toHaveLength(2);
    expect(readFileSync(saveFileOf(home), "utf8")).toBe(newer);
  });

  it("a home that is a regular file: one line, exit 1", async () => {
    const file = join(tempHome(), "not-a-dir");
    writeFileSync(file, "");
    expect(output(await tcpTutor(["export", "-"], { home: file }))).toEqual({
      code: 1,
      stdout: "",
      stderr: `tcp-tutor: cannot create the save directory ${file}: EEXIST: file already exists, mkdir '${file}'\n`,
    });
  });
});

describe("the game and its save", () => {
  it("plays the current profile from the save, with nothing to tell", async () => {
    const home = tempHome();
    const r = await tcpTutor([], { home, terminal: true });
    expect(r.played?.store.profile).toBe("default");
    expect(r.played?.store.location).toBe(saveFileOf(home));
    expect(r.played?.notices).toEqual([]);
    expect(r.stderr).toBe("");
  });

  it("what the game saves goes to the file", async () => {
    const home = tempHome();
    const r = await tcpTutor([], { home, terminal: true });
    r.played?.store.saveSettings({ lang: "zh-CN" });
    expect(savedProfile(home, "default").settings).toEqual({ lang: "zh-CN" });
  });

  it("the profile's saved language and colour win over the locale; --no-color and NO_COLOR over the colour", async () => {
    const home = tempHome();
    seedSave(home, {
      ana: ANA,
      en: { ...ANA, settings: { lang: "en", color: true } },
      unset: { ...ANA, settings: {} },
    });
    const play = async (argv: string[], env: Record<string, string> = {}) => {
      const r = await tcpTutor(argv, { home, terminal: true, env: { ...env, TCP_TUTOR_HOME: home } });
      return { lang: r.played?.lang, color: r.played?.color };
    };
    expect(await play(["--profile", "ana"], { LANG: "en_US.UTF-8" })).toEqual({ lang: "zh-CN", color: false });
    expect(await play(["--profile", "en"], { LANG: "zh_CN.UTF-8" })).toEqual({ lang: "en", color: true });
    expect(await play(["--profile", "en", "--no-color"])).toEqual({ lang: "en", color: false });
    expect(await play(["--profile", "en"], { NO_COLOR: "1" })).toEqual({ lang: "en", color: false });
    expect(await play(["--profile", "unset"], { LANG: "zh_CN.UTF-8" })).toEqual({ lang: "zh-CN", color: true });
  });

  it("a damaged save: the title screen is told where the backup is (nothing on stderr)", async () => {
    const home = tempHome();
    writeFileSync(saveFileOf(home), "not json at all");
    const r = await tcpTutor([], { home, terminal: true });
    const backup = join(home, "progress.damaged-20261121-120000.json");
    expect(r.played?.notices).toHaveLength(1);
    expect(r.played?.notices[0]).toMatch(
      new RegExp(`^the save file ${saveFileOf(home)} is not valid JSON \\(.+\\): it was moved to ${backup} and progress starts fresh$`),
    );
    expect(r.played?.store.location).toBe(saveFileOf(home));
    expect(r.stderr).toBe("");
  });

  it("a home that cannot be written: the game is played all the same, progress for this run only, and it says so", async () => {
    const file = join(tempHome(), "not-a-dir");
    writeFileSync(file, "");
    const r = await tcpTutor(["--profile", "ana"], { terminal: true, env: { TCP_TUTOR_HOME: file } });
    expect(r.code).toBe(0);
    expect(r.played?.notices).toEqual([
      `progress will not be saved this time: cannot create the save directory ${file}: EEXIST: file already exists, mkdir '${file}'`,
    ]);
    expect(r.played?.store.location).toBeUndefined();
    expect(r.played?.store.profile).toBe("ana");
    expect(r.played?.lang).toBe("en");
    expect(r.played?.color).toBe(true);
  });

  it("a save from a newer tcp-tutor: played without saving, and the file is left alone", async () => {
    const home = tempHome();
    const newer = JSON.stringify({ __internal__: { migrations: { version: "3.0.0" } } });
    writeFileSync(saveFileOf(home), newer);
    const r = await tcpTutor([], { home, terminal: true });
    expect(r.played?.store.location).toBeUndefined();
    expect(r.played?.notices[0]).toMatch(/^progress will not be saved this time: \S+ was saved by a newer tcp-tutor/);
    expect(readFileSync(saveFileOf(home), "utf8")).toBe(newer);
  });
});
