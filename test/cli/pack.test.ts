import { join, relative } from "node:path";
import { output, tcpTutor as runTcpTutor } from "./tcpTutor";
import { describe, expect, it } from "vitest";
import { USAGE } from "../../src/cli/args";

const PACKS = relative(process.cwd(), join(import.meta.dirname, "../fixtures/packs"));
const VALID = join(PACKS, "valid");
const BROKEN = join(PACKS, "broken");

const tcpTutor = async (argv: readonly string[]) => output(await runTcpTutor(argv, { builtinLevels: VALID }));

const VALID_LINE = `${VALID}: 2 chapters, 2 levels, 5 puzzles, all valid\n`;

describe("check", () => {
  it("the built-in pack by default: one line with its size, exit 0", async () => {
    expect(await tcpTutor(["check"])).toEqual({ code: 0, stdout: VALID_LINE, stderr: "" });
  });

  it.each([[["check", VALID]], [["check", "--levels", VALID]], [["check", `--levels=${VALID}`]], [["--levels", VALID, "check"]]])(
    "%j checks that pack",
    async (argv) => {
      expect(await tcpTutor(argv)).toEqual({ code: 0, stdout: VALID_LINE, stderr: "" });
    },
  );

  it("a pack with problems: every problem, one line each, exit 1", async () => {
    const r = await tcpTutor(["check", BROKEN]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(14);
    expect(lines[0]).toBe(`${BROKEN}/basics/out-of-range.yaml:21: puzzles[1].at: the scenario sends 3 segments (0 to 2)`);
    expect(lines).toContain(`${BROKEN}/basics/schema.yaml:6: unknown key "foo"`);
  });

  it("a directory without a pack", async () => {
    expect(await tcpTutor(["check", "no/such/pack"])).toEqual({
      code: 1,
      stdout: "no/such/pack/manifest.yaml: cannot read: no such file\n",
      stderr: "",
    });
  });
});

describe("levels", () => {
  it("lists each chapter's title, then its levels: id, title, puzzles", async () => {
    expect(await tcpTutor(["levels"])).toEqual({
      code: 0,
      stdout: [
        "Opening",
        "  first-syn  The first SYN  (2 puzzles)",
        "",
        "Closing",
        "  first-fin  The first FIN  (3 puzzles)",
        "",
      ].join("\n"),
      stderr: "",
    });
  });

  it("--json: id, chapter, English title, puzzles, then both titles", async () => {
    const r = await tcpTutor(["levels", "--json"]);
    expect(r).toEqual({
      code: 0,
      stdout:
        '[{"id":"first-syn","chapter":"handshake","title":"The first SYN","puzzles":2,"titles":{"en":"The first SYN","zh-CN":"第一个 SYN"}},' +
        '{"id":"first-fin","chapter":"close","title":"The first FIN","puzzles":3,"titles":{"en":"The first FIN","zh-CN":"第一个 FIN"}}]\n',
      stderr: "",
    });
  });

  it("--levels DIR with broken files: the valid levels, and one line per skipped file on stderr", async () => {
    const r = await tcpTutor(["levels", "--levels", BROKEN]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("Basics\n  good  Good  (1 puzzle)\n");
    expect(r.stderr.split("\n")).toEqual([
      `skipped ${BROKEN}/basics/out-of-range.yaml:21: puzzles[1].at: the scenario sends 3 segments (0 to 2)`,
      `skipped ${BROKEN}/basics/right-choice.yaml:18: puzzles[0].choices[0]: "SA 5000/1001" is the right answer, not a wrong choice`,
      `skipped ${BROKEN}/basics/right-misconception.yaml:20: puzzles[0].misconceptions[0]: "own-data-not-counted" gives the right answer here (PA 1001/5001 len 100)`,
      `skipped ${BROKEN}/basics/schema.yaml:2: title.zh-CN: missing`,
      `skipped ${BROKEN}/basics/syntax.yaml:7: flow sequence in block collection must be sufficiently indented and end with a ]`,
      `skipped ${BROKEN}/basics/unknown-names.yaml:17: puzzles[0].misconceptions[2]: unknown misconception "ack-is-everything"`,
      `skipped ${BROKEN}/basics/unlisted.yaml: not listed in manifest.yaml`,
      `skipped ${BROKEN}/basics/wrong-id.yaml:1: id: "wrongid" does not match the file name (wrong-id.yaml)`,
      `${BROKEN}/manifest.yaml:13: chapters[0].levels[8]: no such file: ${BROKEN}/basics/missing-file.yaml`,
      `skipped ${BROKEN}/other/good.yaml:1: id: level id "good" is also used by ${BROKEN}/basics/good.yaml`,
      "",
    ]);
  });

  it("no level loads: exit 1", async () => {
    const r = await tcpTutor(["levels", "--json", "--levels", "no/such/pack"]);
    expect(r).toEqual({ code: 1, stdout: "[]\n", stderr: "no/such/pack/manifest.yaml: cannot read: no such file\n" });
  });
});

describe("command-line mistakes", () => {
  it.each([
    [["check", "a", "b"], 'check: unexpected argument "b" (one pack at a time) (see tcp-tutor --help)'],
    [["check", "a", "--levels", "b"], 'check: unexpected argument "a" (one pack at a time) (see tcp-tutor --help)'],
    [["check", "--json"], 'check: unknown option "--json" (see tcp-tutor --help)'],
    [["levels", "x"], 'levels: unexpected argument "x" (use --levels DIR for another pack) (see tcp-tutor --help)'],
    [["levels", "--levels"], "levels: --levels needs a value, a directory (see tcp-tutor --help)"],
    [["--levels", "a", "--levels", "b", "check"], "tcp-tutor: --levels given twice (see tcp-tutor --help)"],
  ])("%j", async (argv, line) => {
    expect(await tcpTutor(argv)).toEqual({ code: 2, stdout: "", stderr: `${line}\n` });
  });

  it("--levels is accepted by trace too, and help names the new commands", async () => {
    expect((await tcpTutor(["trace", "--levels", VALID, "--help"])).stdout).toBe(USAGE);
    expect(USAGE).toContain("tcp-tutor check [DIR]");
    expect(USAGE).toContain("tcp-tutor levels [--json]");
    expect(USAGE).toContain("--levels DIR");
  });
});
