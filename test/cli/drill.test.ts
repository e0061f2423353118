import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseArgs } from "../../src/cli/args";
import { INTERVIEW_COUNT, INTERVIEW_MINUTES, TOPICS } from "../../src/game/drill";
import { LANGS } from "../../src/levels/schema";
import { renderWorksheet } from "../../src/ui/worksheet";
import { ANA, seedSave } from "./saveFixtures";
import { NOW, output, type Result, tcpTutor, tempHome } from "./tcpTutor";

const SAVE = { home: undefined, profile: undefined };
const GAME = { levels: undefined, color: true, ...SAVE };

/** A user error: exit 2, nothing on stdout, exactly this line on stderr, and no save touched. */
function expectUsageError(r: Result, line: string): void {
  expect(output(r)).toEqual({ code: 2, stdout: "", stderr: `${line} (see tcp-tutor --help)\n` });
  expect(readdirSync(r.home)).toEqual([]);
}

describe("drill: parsing", () => {
  it("no option: the endless drill, seed from the clock, every topic and difficulty", () => {
    expect(parseArgs(["drill"])).toEqual({ kind: "drill", seed: undefined, topic: undefined, difficulty: undefined, ...GAME });
  });

  it("--topic, --difficulty, --seed (as NAME VALUE or NAME=VALUE), and the game's options", () => {
    expect(parseArgs(["drill", "--topic", "time-wait", "--difficulty=4", "--seed", "4294967295"])).toEqual({
      kind: "drill",
      seed: 4294967295,
      topic: "time-wait",
      difficulty: 4,
      ...GAME,
    });
    expect(parseArgs(["--no-color", "drill", "--seed=0", "--profile", "ana", "--home", "h", "--levels", "p"])).toEqual({
      kind: "drill",
      seed: 0,
      topic: undefined,
      difficulty: undefined,
      levels: "p",
      color: false,
      profile: "ana",
      home: "h",
    });
  });

  it.each(TOPICS.map((t) => [t]))("--topic %s", (topic) => {
    expect(parseArgs(["drill", "--topic", topic])).toMatchObject({ kind: "drill", topic });
  });

  it.each([[1], [2], [3], [4], [5]])("--difficulty %i", (difficulty) => {
    expect(parseArgs(["drill", "--difficulty", String(difficulty)])).toMatchObject({ kind: "drill", difficulty });
  });

  it("--interview: the interview's count and minutes by default", () => {
    expect(parseArgs(["drill", "--interview"])).toEqual({
      kind: "interview",
      seed: undefined,
      count: INTERVIEW_COUNT,
      minutes: INTERVIEW_MINUTES,
      topic: undefined,
      ...GAME,
    });
  });

  it("--interview with --count, --minutes (decimals too), --topic, --seed, in any order", () => {
    expect(parseArgs(["drill", "--minutes", "2.5", "--topic=reset", "--interview", "--count", "100", "--seed", "9"])).toEqual({
      kind: "interview",
      seed: 9,
      count: 100,
      minutes: 2.5,
      topic: "reset",
      ...GAME,
    });
    expect(parseArgs(["drill", "--interview", "--count=1", "--minutes=60"])).toMatchObject({ count: 1, minutes: 60 });
  });

  it("--print: ten puzzles in Markdown, the locale's language, by default; it carries no save or game options", () => {
    expect(parseArgs(["drill", "--print", "--profile", "ana", "--no-color"])).toEqual({
      kind: "worksheet",
      seed: undefined,
      count: 10,
      lang: undefined,
      format: "md",
      topic: undefined,
      difficulty: undefined,
    });
  });

  it("--print with every option", () => {
    const argv = ["drill", "--print", "--count", "200", "--seed", "7", "--lang", "zh-CN", "--format", "json"];
    expect(parseArgs([...argv, "--topic", "close", "--difficulty", "1"])).toEqual({
      kind: "worksheet",
      seed: 7,
      count: 200,
      lang: "zh-CN",
      format: "json",
      topic: "close",
      difficulty: 1,
    });
  });

  it.each(LANGS.map((l) => [l]))("--lang %s", (lang) => {
    expect(parseArgs(["drill", "--print", `--lang=${lang}`])).toMatchObject({ lang });
  });

  it("--help anywhere is the usage", () => {
    expect(parseArgs(["drill", "--print", "--help"])).toEqual({ kind: "help" });
    expect(parseArgs(["drill", "--topic", "nope", "-h"])).toEqual({ kind: "help" });
  });
});

describe("drill: mistakes on the command line, one line each, exit 2, nothing saved", () => {
  it.each([
    // Options of another mode.
    [["drill", "--format", "json"], "drill: --format needs --print"],
    [["drill", "--lang", "en"], "drill: --lang needs --print"],
    [["drill", "--minutes", "3"], "drill: --minutes needs --interview"],
    [["drill", "--count", "3"], "drill: --count needs --interview or --print"],
    [["drill", "--interview", "--print"], "drill: --interview and --print cannot be used together"],
    [["drill", "--print", "--interview", "--seed", "1"], "drill: --interview and --print cannot be used together"],
    [["drill", "--interview", "--difficulty", "3"], "drill: --difficulty cannot be used with --interview"],
    [["drill", "--interview", "--format", "md"], "drill: --format cannot be used with --interview"],
    [["drill", "--interview", "--lang", "en"], "drill: --lang cannot be used with --interview"],
    [["drill", "--print", "--minutes", "5"], "drill: --minutes cannot be used with --print"],
    // Values.
    [["drill", "--topic", "handshakes"], 'drill: --topic: expected one of handshake, data, close, half-close, time-wait, reset, timers, got "handshakes"'],
    [["drill", "--topic", ""], 'drill: --topic: expected one of handshake, data, close, half-close, time-wait, reset, timers, got ""'],
    [["drill", "--difficulty", "0"], 'drill: --difficulty: expected a whole number from 1 to 5, got "0"'],
    [["drill", "--difficulty", "6"], 'drill: --difficulty: expected a whole number from 1 to 5, got "6"'],
    [["drill", "--print", "--difficulty=2.5"], 'drill: --difficulty: expected a whole number from 1 to 5, got "2.5"'],
    [["drill", "--seed", "4294967296"], 'drill: --seed: expected a whole number from 0 to 4294967295, got "4294967296"'],
    [["drill", "--interview", "--seed", "-1"], 'drill: --seed: expected a whole number from 0 to 4294967295, got "-1"'],
    [["drill", "--print", "--seed", "1e3"], 'drill: --seed: expected a whole number from 0 to 4294967295, got "1e3"'],
    [["drill", "--interview", "--count", "0"], 'drill: --count: expected a whole number from 1 to 100, got "0"'],
    [["drill", "--interview", "--count", "101"], 'drill: --count: expected a whole number from 1 to 100, got "101"'],
    [["drill", "--print", "--count", "0"], 'drill: --count: expected a whole number from 1 to 200, got "0"'],
    [["drill", "--print", "--count", "201"], 'drill: --count: expected a whole number from 1 to 200, got "201"'],
    [["drill", "--print", "--count", "ten"], 'drill: --count: expected a whole number from 1 to 200, got "ten"'],
    [["drill", "--interview", "--minutes", "0"], 'drill: --minutes: expected a number of minutes above 0 and at most 60, got "0"'],
    [["drill", "--interview", "--minutes", "60.5"], 'drill: --minutes: expected a number of minutes above 0 and at most 60, got "60.5"'],
    [["drill", "--interview", "--minutes", ".5"], 'drill: --minutes: expected a number of minutes above 0 and at most 60, got ".5"'],
    [["drill", "--interview", "--minutes", "1,5"], 'drill: --minutes: expected a number of minutes above 0 and at most 60, got "1,5"'],
    [["drill", "--print", "--lang", "zh"], 'drill: --lang: expected en or zh-CN, got "zh"'],
    [["drill", "--print", "--lang", "fr"], 'drill: --lang: expected en or zh-CN, got "fr"'],
    [["drill", "--print", "--format", "pdf"], 'drill: --format: expected md or json, got "pdf"'],
    // Values missing, arguments and options that do not exist.
    [["drill", "--seed"], "drill: --seed needs a value, a whole number"],
    [["drill", "--topic"], "drill: --topic needs a value, a topic"],
    [["drill", "--print", "--format"], "drill: --format needs a value, md or json"],
    [["drill", "--print", "--lang"], "drill: --lang needs a value, en or zh-CN"],
    [["drill", "--interview", "--minutes"], "drill: --minutes needs a value, a number of minutes"],
    [["drill", "close"], 'drill: unexpected argument "close" (use --topic T for a topic)'],
    [["drill", "--json"], 'drill: unknown option "--json"'],
    [["drill", "--print=yes"], 'drill: unknown option "--print=yes"'],
    [["drill", "--profile", "a b"], 'drill: --profile "a b": a profile name is 1 to 32 letters, digits, _ . or -, starting with a letter or digit'],
  ])("%j", async (argv, line) => {
    expectUsageError(await tcpTutor(argv, { terminal: true }), line);
  });

  it("a mistake is told before the missing terminal", async () => {
    expectUsageError(await tcpTutor(["drill", "--topic", "x"]), 'drill: --topic: expected one of handshake, data, close, half-close, time-wait, reset, timers, got "x"');
  });
});

describe("drill --print: a worksheet, no terminal or save needed", () => {
  const print = (argv: readonly string[], env: Record<string, string> = {}) =>
    tcpTutor(["drill", "--print", ...argv], { env });

  it("prints the rendered worksheet exactly, with nothing on stderr when the seed is given", async () => {
    const r = await print(["--seed", "42", "--count", "3", "--lang", "en"]);
    expect(output(r)).toEqual({
      code: 0,
      stdout: renderWorksheet({ seed: 42, count: 3, lang: "en", format: "md" }),
      stderr: "",
    });
  });

  it("makes no save, not even the save's directory", async () => {
    const r = await print(["--seed", "1", "--count", "1"]);
    expect(r.code).toBe(0);
    expect(readdirSync(r.home)).toEqual([]);
  });

  it("the same options print the same bytes; another seed prints another worksheet", async () => {
    for (const format of ["md", "json"]) {
      const a = await print(["--seed", "7", "--count", "4", "--format", format]);
      const b = await print(["--format", format, "--count", "4", "--seed", "7"]);
      const c = await print(["--seed", "8", "--count", "4", "--format", format]);
      expect(b.stdout).toBe(a.stdout);
      expect(c.stdout).not.toBe(a.stdout);
    }
  });

  it("--count, --topic and --difficulty go to the worksheet", async () => {
    const r = await print(["--seed", "5", "--count", "2", "--topic", "reset", "--difficulty", "2", "--format", "json"]);
    const w = JSON.parse(r.stdout) as { count: number; topic: string; difficulty: number; puzzles: { topic: string; difficulty: number }[] };
    expect({ count: w.count, topic: w.topic, difficulty: w.difficulty }).toEqual({ count: 2, topic: "reset", difficulty: 2 });
    expect(w.puzzles.map((p) => [p.topic, p.difficulty])).toEqual([
      ["reset", 2],
      ["reset", 2],
    ]);
    expect(r.stdout).toBe(renderWorksheet({ seed: 5, count: 2, lang: "en", format: "json", topic: "reset", difficulty: 2 }));
  });

  it("Markdown: the title, the seed, each question with its ladder and lettered choices, then the answer key", async () => {
    const lines = (await print(["--seed", "42", "--count", "3", "--lang", "en"])).stdout.split("\n");
    expect(lines.slice(0, 5)).toEqual([
      "# TCP drill worksheet",
      "",
      "Seed 42 · 3 puzzles · generated by tcp-tutor, every answer computed by its TCP engine",
      "",
      "## 1. Both hang up at once",
    ]);
    expect(lines).toContain("*who · difficulty 3 · TIME_WAIT · simultaneous close, TIME_WAIT*");
    expect(lines).toContain("**Which side enters TIME_WAIT?**");
    expect(lines.slice(lines.indexOf("- A. both"), lines.indexOf("- A. both") + 4)).toEqual([
      "- A. both",
      "- B. client",
      "- C. neither",
      "- D. server",
    ]);
    expect(lines.filter((l) => l.startsWith("## "))).toEqual([
      "## 1. Both hang up at once",
      "## 2. Closing one direction",
      "## 3. A lost SYN",
      "## Answer key",
    ]);
    expect(lines.indexOf("```text")).toBeGreaterThan(lines.indexOf("## 1. Both hang up at once"));
    expect(lines[lines.indexOf("## Answer key") + 2]).toBe("### 1. A: both");
  });

  it("--lang zh-CN prints Chinese", async () => {
    const lines = (await print(["--seed", "42", "--count", "3", "--lang", "zh-CN"])).stdout.split("\n");
    expect(lines.slice(0, 5)).toEqual([
      "# TCP 练习题",
      "",
      "种子 42 · 共 3 题 · 由 tcp-tutor 生成，每个答案都由它的 TCP 引擎算出",
      "",
      "## 1. 双方同时挂断",
    ]);
    expect(lines).toContain("**哪一方会进入 TIME_WAIT？**");
    expect(lines).toContain("- A. 双方");
    expect(lines[lines.indexOf("## 答案") + 2]).toBe("### 1. A: 双方");
  });

  it("without --lang: the locale's language (the profile's setting is not read: there is no save)", async () => {
    const home = tempHome();
    seedSave(home, { ana: ANA }, "ana"); // ANA's language is zh-CN
    const r = await tcpTutor(["drill", "--print", "--seed", "42", "--count", "1"], { home, env: { LANG: "de_DE.UTF-8" } });
    expect(r.stdout.startsWith("# TCP drill worksheet\n")).toBe(true);
    const zh = await print(["--seed", "42", "--count", "1"], { LANG: "zh_CN.UTF-8" });
    expect(zh.stdout).toBe(renderWorksheet({ seed: 42, count: 1, lang: "zh-CN", format: "md" }));
  });

  it("--format json: the worksheet's data, with lettered choices and the answer key", async () => {
    const r = await print(["--seed", "42", "--count", "3", "--format", "json"]);
    expect(r.stdout.endsWith("}\n")).toBe(true);
    const w = JSON.parse(r.stdout) as {
      tcpTutor: string;
      format: number;
      seed: number;
      lang: string;
      count: number;
      topic: null;
      difficulty: null;
      puzzles: {
        number: number;
        title: string;
        questions: { choices: { letter: string; text: string }[]; answer: string; answerText: string }[];
      }[];
    };
    expect(Object.keys(w)).toEqual(["tcpTutor", "format", "seed", "lang", "count", "topic", "difficulty", "puzzles"]);
    expect({ ...w, puzzles: w.puzzles.length }).toEqual({
      tcpTutor: "worksheet",
      format: 1,
      seed: 42,
      lang: "en",
      count: 3,
      topic: null,
      difficulty: null,
      puzzles: 3,
    });
    const first = w.puzzles[0];
    expect(first?.number).toBe(1);
    expect(first?.title).toBe("Both hang up at once");
    expect(first?.questions[0]?.choices).toEqual([
      { letter: "A", text: "both" },
      { letter: "B", text: "client" },
      { letter: "C", text: "neither" },
      { letter: "D", text: "server" },
    ]);
    expect(first?.questions[0]).toMatchObject({ answer: "A", answerText: "both" });
    for (const p of w.puzzles) {
      for (const q of p.questions) {
        expect(q.choices.map((c) => c.letter)).toEqual("ABCDEFGH".slice(0, q.choices.length).split(""));
        expect(q.choices.find((c) => c.letter === q.answer)?.text).toBe(q.answerText);
      }
    }
  });

  it("without --seed: one from the clock, and on stderr the command that prints the same worksheet again", async () => {
    const seed = NOW >>> 0;
    const r = await tcpTutor(["drill", "--print", "--count", "2", "--topic", "close", "--format", "json"]);
    expect(r.stderr).toBe(
      `worksheet seed ${seed} (tcp-tutor drill --print --seed ${seed} --count 2 --lang en --format json --topic close reprints it)\n`,
    );
    expect(r.stdout).toBe(renderWorksheet({ seed, count: 2, lang: "en", format: "json", topic: "close" }));
    const again = /\(tcp-tutor (.*) reprints it\)/.exec(r.stderr)?.[1]?.split(" ") ?? [];
    const reprint = await tcpTutor(again, { now: NOW + 3_600_000 });
    expect(output(reprint)).toEqual({ code: 0, stdout: r.stdout, stderr: "" });
  });

  it("the defaults are left out of the command shown; the language is not", async () => {
    const r = await tcpTutor(["drill", "--print"], { env: { LANG: "zh_CN.UTF-8" }, now: 1234 });
    expect(r.stderr).toBe("worksheet seed 1234 (tcp-tutor drill --print --seed 1234 --lang zh-CN reprints it)\n");
    expect(r.stdout).toBe(renderWorksheet({ seed: 1234, count: 10, lang: "zh-CN", format: "md" }));
  });
});

describe("drill and drill --interview: the game, opened at the drill", () => {
  const NEEDS_TERMINAL =
    "tcp-tutor: the game needs a terminal (standard input and output); see tcp-tutor --help for the other commands\n";

  it.each([[["drill"]], [["drill", "--topic", "close"]], [["drill", "--interview"]], [["drill", "--interview", "--seed", "3"]]])(
    "%j without a terminal: the game's line, exit 2, nothing saved",
    async (argv) => {
      const r = await tcpTutor(argv);
      expect(output(r)).toEqual({ code: 2, stdout: "", stderr: NEEDS_TERMINAL });
      expect(r.played).toBeUndefined();
      expect(readdirSync(r.home)).toEqual([]);
    },
  );

  it("drill: the endless drill with its options and seed, nothing printed", async () => {
    const r = await tcpTutor(["drill", "--topic", "close", "--difficulty", "3", "--seed", "42"], { terminal: true });
    expect(output(r)).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(r.played?.start).toEqual({ kind: "drill", seed: 42, options: { topic: "close", difficulty: 3 } });
  });

  it("drill without options: every topic and difficulty, a seed from the clock", async () => {
    const r = await tcpTutor(["drill"], { terminal: true });
    expect(output(r)).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(r.played?.start).toEqual({ kind: "drill", seed: NOW >>> 0, options: {} });
  });

  it("drill --interview: the round's count, minutes, topic and seed", async () => {
    const argv = ["drill", "--interview", "--count", "4", "--minutes", "1.5", "--topic", "timers", "--seed", "9"];
    const r = await tcpTutor(argv, { terminal: true });
    expect(output(r)).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(r.played?.start).toEqual({ kind: "interview", seed: 9, count: 4, minutes: 1.5, topic: "timers" });
  });

  it("drill --interview without --seed: after the round, the command that plays the same round again", async () => {
    const r = await tcpTutor(["drill", "--interview"], { terminal: true });
    const seed = NOW >>> 0;
    expect(r.played?.start).toEqual({ kind: "interview", seed, count: INTERVIEW_COUNT, minutes: INTERVIEW_MINUTES });
    expect(output(r)).toEqual({
      code: 0,
      stdout: "",
      stderr: `interview seed ${seed} (tcp-tutor drill --interview --seed ${seed} is the same round again)\n`,
    });
    const other = await tcpTutor(["drill", "--interview", "--count", "3", "--minutes", "2", "--topic", "data"], {
      terminal: true,
      now: 77,
    });
    expect(other.stderr).toBe(
      "interview seed 77 (tcp-tutor drill --interview --seed 77 --count 3 --minutes 2 --topic data is the same round again)\n",
    );
  });

  it("opens the save as the game does: the profile, its settings, the pack", async () => {
    const home = tempHome();
    seedSave(home, { ana: ANA });
    for (const argv of [["drill"], ["drill", "--interview"]]) {
      const r = await tcpTutor([...argv, "--profile", "ana", "--seed", "1"], { home, terminal: true, env: { LANG: "en_US.UTF-8" } });
      expect(r.code).toBe(0);
      expect(r.played?.store.profile).toBe("ana");
      expect(r.played?.store.load().drill).toEqual(ANA.drill);
      expect(r.played?.lang).toBe("zh-CN");
      expect(r.played?.color).toBe(false);
      expect(r.played?.notices).toEqual([]);
      expect(r.played?.chapters).toHaveLength(8);
    }
  });

  it("--no-color and the locale, for a profile without settings", async () => {
    const r = await tcpTutor(["drill", "--no-color", "--seed", "1"], { terminal: true, env: { LANG: "zh_CN.UTF-8" } });
    expect(r.played?.lang).toBe("zh-CN");
    expect(r.played?.color).toBe(false);
  });
});
