import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { noSave, output, tcpTutor as runTcpTutor } from "./tcpTutor";
import { describe, expect, it } from "vitest";
import { version } from "../../package.json";
import type { Trace } from "../../src/engine";
import { USAGE } from "../../src/cli/args";
import { type Io, run } from "../../src/cli/run";
import { noTerminal } from "../fixtures/noTerminal";
import { realFs } from "../fixtures/realFs";

const FIXTURES = relative(process.cwd(), join(import.meta.dirname, "../fixtures"));
const scenario = (name: string): string => join(FIXTURES, "scenarios", name);

const tcpTutor = async (argv: readonly string[], stdin = "") => output(await runTcpTutor(argv, { stdin }));

/** A user error: exit 2, nothing on stdout, exactly one line on stderr. */
function expectUserError(r: ReturnType<typeof output>, line: string | RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr.endsWith("\n") && r.stderr.indexOf("\n") === r.stderr.length - 1).toBe(true);
  if (typeof line === "string") expect(r.stderr).toBe(`${line}\n`);
  else expect(r.stderr.trimEnd()).toMatch(line);
}

const CLASSIC_VECTOR = join(FIXTURES, "trace-vectors", "classic.json");
const classicScenario = async (): Promise<string> =>
  JSON.stringify((JSON.parse(await readFile(CLASSIC_VECTOR, "utf8")) as { scenario: unknown }).scenario);

describe("help and version", () => {
  it.each([[["--help"]], [["-h"]], [["trace", "--help"]], [["--no-color", "--help"]]])(
    "%j prints the usage and exits 0",
    async (argv) => {
      const r = await tcpTutor(argv);
      expect(r).toEqual({ code: 0, stdout: USAGE, stderr: "" });
    },
  );

  it("the usage names the game, the trace command with its options", () => {
    expect(USAGE).toContain("tcp-tutor [--no-color]");
    expect(USAGE).toContain("tcp-tutor trace FILE|- [--json] [--seed N]");
    expect(USAGE).toContain("--json");
    expect(USAGE).toContain("--seed N");
    expect(USAGE).not.toContain("comes in a later version");
  });

  it.each([["--version"], ["-V"]])("%s prints package.json's version", async (flag) => {
    expect(await tcpTutor([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });
});

describe("the game (no command)", () => {
  const NEEDS_TERMINAL =
    "tcp-tutor: the game needs a terminal (standard input and output); see tcp-tutor --help for the other commands";

  it.each([[[]], [["--no-color"]], [["--levels", "levels"]]])("%j without a terminal: one line, exit 2", async (a) => {
    expectUserError(await runTcpTutor(a), NEEDS_TERMINAL);
  });

  it("in a terminal: the built-in pack, English, colour, progress from nothing", async () => {
    const r = await runTcpTutor([], { terminal: true });
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(r.played?.lang).toBe("en");
    expect(r.played?.color).toBe(true);
    expect(r.played?.chapters.map((c) => c.id)[0]).toBe("handshake");
    expect(r.played?.store.load().levels["handshake-first-syn"]).toBeUndefined();
  });

  it.each([
    [{ LANG: "zh_CN.UTF-8" }, "zh-CN"],
    [{ LC_ALL: "zh_TW.UTF-8", LANG: "en_US.UTF-8" }, "zh-CN"],
    [{ LC_ALL: "C.UTF-8", LANG: "zh_CN.UTF-8" }, "en"],
    [{ LC_MESSAGES: "zh_CN.UTF-8" }, "zh-CN"],
    [{ LANG: "de_DE.UTF-8" }, "en"],
  ])("the language follows the locale: %j → %s", async (env, lang) => {
    expect((await runTcpTutor([], { terminal: true, env })).played?.lang).toBe(lang);
  });

  it.each([
    [[], { NO_COLOR: "1" }, false],
    [[], { NO_COLOR: "" }, true],
    [["--no-color"], {}, false],
  ])("colour: %j with %j → %s", async (argv, env, color) => {
    expect((await runTcpTutor(argv, { terminal: true, env })).played?.color).toBe(color);
  });

  it("a pack without any valid level: one line, exit 1", async () => {
    const empty = join(FIXTURES, "packs", "no-manifest");
    const r = await runTcpTutor(["--levels", empty], { terminal: true });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`tcp-tutor: no level in ${empty} could be loaded (see tcp-tutor check ${empty})\n`);
    expect(r.played).toBeUndefined();
  });

  it("a pack with problems: one line on stderr, then the game with the valid levels", async () => {
    const broken = join(FIXTURES, "packs", "broken");
    const r = await runTcpTutor(["--levels", broken], { terminal: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^tcp-tutor: ${broken} has \\d+ problems; the levels concerned are left out \\(see tcp-tutor check ${broken}\\)\n$`));
    expect(r.played?.chapters.map((c) => [c.id, c.levels.map((l) => l.level.id)])).toEqual([
      ["basics", ["good"]],
      ["other", []],
    ]);
  });
});

describe("command-line mistakes: one line naming it, a pointer to --help, exit 2", () => {
  it.each([
    [["--frobnicate"], 'tcp-tutor: unknown option "--frobnicate" (see tcp-tutor --help)'],
    [["trase", "x.json"], 'tcp-tutor: unknown command "trase" (see tcp-tutor --help)'],
    [["--version", "now"], 'tcp-tutor: unexpected argument "now" (see tcp-tutor --help)'],
    [["trace", "x.json", "--jsno"], 'trace: unknown option "--jsno" (see tcp-tutor --help)'],
    [["trace"], "trace: missing FILE (a scenario file, or - for standard input) (see tcp-tutor --help)"],
    [
      ["trace", "a.json", "b.json"],
      'trace: unexpected argument "b.json" (one scenario at a time) (see tcp-tutor --help)',
    ],
    [["trace", "-", "--seed"], "trace: --seed needs a value, a whole number (see tcp-tutor --help)"],
    [
      ["trace", "-", "--seed", "-3"],
      'trace: --seed: expected a whole number from 0 to 4294967295, got "-3" (see tcp-tutor --help)',
    ],
    [
      ["trace", "-", "--seed=1e3"],
      'trace: --seed: expected a whole number from 0 to 4294967295, got "1e3" (see tcp-tutor --help)',
    ],
  ])("%j", async (argv, line) => {
    expectUserError(await tcpTutor(argv), line);
  });
});

describe("trace: scenario files that cannot be used", () => {
  it("a missing file: cannot read, with the system's reason", async () => {
    expectUserError(
      await tcpTutor(["trace", "no-such-scenario.json"]),
      "trace: cannot read no-such-scenario.json: ENOENT: no such file or directory, open 'no-such-scenario.json'",
    );
  });

  it("a file that is not JSON: the parser's message, on one line", async () => {
    const file = scenario("not-json.json");
    expectUserError(await tcpTutor(["trace", file]), new RegExp(`^trace: ${file}: invalid JSON: \\S.*$`));
  });

  it("not JSON on standard input names stdin", async () => {
    expectUserError(await tcpTutor(["trace", "-"], "{"), /^trace: stdin: invalid JSON: \S.*$/);
  });

  it.each([
    [
      "misspelt-verb.json",
      'steps[2]: unknown verb "conect" (expected one of listen, connect, send, read, close, shutdown, abort, lose, ' +
        "wait, bind)",
    ],
    ["misspelt-side.json", 'steps[1].close: unknown side "clinet" (expected "client" or "server")'],
    ["bytes-not-a-number.json", 'steps[3].send.bytes: expected a whole number ≥ 1, got "x"'],
  ])("a malformed scenario (%s): the file, then where and what", async (file, error) => {
    expectUserError(await tcpTutor(["trace", scenario(file)]), `trace: ${scenario(file)}: ${error}`);
  });
});

describe("trace: running a scenario", () => {
  it("--json prints the engine's trace: the classic lifecycle's 9 segments and final states", async () => {
    const r = await tcpTutor(["trace", "-", "--json"], await classicScenario());
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout.endsWith("}\n")).toBe(true);
    const trace = JSON.parse(r.stdout) as Trace;
    expect(trace.final).toEqual({ client: "TIME_WAIT", server: "CLOSED" });
    expect(trace.segments).toHaveLength(9);
  });

  it("the ladder diagram, then a line with each side's final state", async () => {
    const r = await tcpTutor(["trace", scenario("classic.json")]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]?.trim()).toMatch(/^client +server$/);
    expect(lines).toContain("t=0s        SYN_SENT │                SYN seq=1000                │ LISTEN");
    expect(lines.at(-1)).toBe("final: client TIME_WAIT, server CLOSED");
    expect(lines.every((l) => l.length <= 80)).toBe(true);
  });

  it("draws narrower on a narrow terminal", async () => {
    let stdout = "";
    const io: Io = {
      stdout: (s) => void (stdout += s),
      stderr: () => {},
      ...realFs,
      readStdin: async () => "",
      builtinLevels: "levels",
      columns: 50,
      ...noTerminal,
      ...noSave,
    };
    expect(await run(["trace", scenario("classic.json")], io)).toBe(0);
    expect(Math.max(...stdout.split("\n").map((l) => l.length))).toBeLessThanOrEqual(50);
  });

  it("--seed picks the ISNs a scenario leaves out: the same seed, the same trace", async () => {
    const noIsn = JSON.stringify({ steps: [{ listen: "server" }, { connect: "client" }] });
    const isnOf = async (...flags: string[]) => {
      const r = await tcpTutor(["trace", "-", "--json", ...flags], noIsn);
      return (JSON.parse(r.stdout) as Trace).segments[0]?.seq;
    };
    expect(await isnOf("--seed", "7")).toBe(await isnOf("--seed=7"));
    expect(await isnOf()).toBe(await isnOf("--seed", "1"));
    expect(await isnOf("--seed", "7")).not.toBe(await isnOf("--seed", "8"));
  });
});
