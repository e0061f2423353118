import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeResult } from "../../src/cli/challenge";
import { challengeRound, decodeChallenge, encodeChallenge, GENERATOR_VERSION } from "../../src/game/challenge";
import { resultText, sealResult, verifyResultText } from "../../src/store/challengeResult";
import { CODE, genuineResult, SPEC } from "../fixtures/challengeResults";
import { output, tcpTutor, tempHome } from "./tcpTutor";

/** A directory of result files, named as given. */
function classDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tempHome(), "class-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A typo in the code: its fourth character changed. */
const TYPO = `${CODE.slice(0, 3)}${CODE[3] === "0" ? "1" : "0"}${CODE.slice(4)}`;

describe("tcp-tutor challenge new (no terminal needed)", () => {
  it("prints the code alone on stdout; what it stands for, and the students' command, on stderr", async () => {
    const r = await tcpTutor(["challenge", "new", "--count", "4", "--minutes", "5", "--seed", "4242"]);
    expect(output(r)).toEqual({
      code: 0,
      stdout: `${CODE}\n`,
      stderr: `4 puzzles, every topic, difficulty rising over the round, 5 min\nEach student runs: tcp-tutor challenge ${CODE} --name NAME\n`,
    });
  });

  it("the same options give the same code; the code carries them all back", async () => {
    const argv = ["challenge", "new", "--topic", "reset", "--topic", "close", "--difficulty", "3", "--minutes", "0", "--seed", "7"];
    const [a, b] = [await tcpTutor(argv), await tcpTutor(argv)];
    expect(a.stdout).toBe(b.stdout);
    expect(decodeChallenge(a.stdout.trim())).toEqual({
      ok: true,
      spec: { generator: GENERATOR_VERSION, seed: 7, count: 10, topics: ["close", "reset"], difficulty: 3, minutes: 0 },
    });
  });

  it("without --seed, one from the clock: another moment, another round", async () => {
    const a = await tcpTutor(["challenge", "new"], { now: 1_000_000 });
    const b = await tcpTutor(["challenge", "new"], { now: 2_000_000 });
    expect(a.stdout).not.toBe(b.stdout);
  });

  it.each([
    [["--count", "0"], 'challenge: --count: expected a whole number from 1 to 64, got "0"'],
    [["--minutes", "64"], 'challenge: --minutes: expected a whole number from 0 to 63, got "64"'],
    [["--topic", "routing"], "challenge: --topic: expected one of handshake, data, close, half-close, time-wait, reset, timers, got \"routing\""],
    [["--name", "Ann"], "challenge: --name cannot be used with new"],
  ])("%j is refused in one line, exit 2", async (args, message) => {
    expect(output(await tcpTutor(["challenge", "new", ...args]))).toEqual({
      code: 2,
      stdout: "",
      stderr: `${message} (see tcp-tutor --help)\n`,
    });
  });
});

describe("tcp-tutor challenge CODE", () => {
  it("opens the game at the code's round, under the name given", async () => {
    const r = await tcpTutor(["challenge", CODE.toLowerCase(), "--name", "Ann"], { terminal: true });
    expect(r.code).toBe(0);
    expect(r.played?.start).toEqual({ kind: "challenge", code: CODE, spec: SPEC, name: "Ann", round: challengeRound(SPEC) });
    expect(typeof r.played?.submitChallenge).toBe("function");
  });

  it("a code with one character changed is refused by its check character, before any terminal is needed", async () => {
    expect(output(await tcpTutor(["challenge", TYPO]))).toEqual({
      code: 2,
      stdout: "",
      stderr: `challenge: "${TYPO}" is not a valid challenge code (its check character does not match: a character is mistyped) (see tcp-tutor --help)\n`,
    });
  });

  it("a code from another version of the puzzle generator is refused, naming the version it needs", async () => {
    const newer = encodeChallenge({ ...SPEC, generator: GENERATOR_VERSION + 1 });
    const r = await tcpTutor(["challenge", newer]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`needs puzzle generator version ${GENERATOR_VERSION + 1}; this tcp-tutor has version ${GENERATOR_VERSION}`);
  });

  it("the name: --name, else the profile's (unless the default), else the login name; the live round's rules", async () => {
    const start = async (argv: string[], env: Record<string, string> = {}) => {
      const r = await tcpTutor(["challenge", CODE, ...argv], { terminal: true, env });
      return r.played?.start?.kind === "challenge" ? r.played.start.name : r.stderr;
    };
    expect(await start(["--name", "  Ann   Lee "])).toBe("Ann Lee");
    expect(await start(["--profile", "ana"])).toBe("ana");
    expect(await start([], { USER: "student7" })).toBe("student7");
    expect(await start(["--name", "x".repeat(25)])).toBe(
      `challenge: --name "${"x".repeat(25)}": 1 to 24 characters, no control characters (see tcp-tutor --help)\n`,
    );
  });

  it("without a terminal: says the game needs one (exit 2)", async () => {
    const r = await tcpTutor(["challenge", CODE, "--name", "Ann"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("needs a terminal");
  });

  it("a directory that cannot take the result is said before the round starts (exit 1)", async () => {
    const r = await tcpTutor(["challenge", CODE, "--out", "/nonexistent/class"], { terminal: true });
    expect(r.played).toBeUndefined();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^challenge: cannot write the result file in \/nonexistent\/class: ENOENT.* \(choose another with --out DIR\)\n$/);
  });

  it("the result file written: sealed, valid, never over another (a second attempt gets -2)", () => {
    const dir = classDir({});
    const g = genuineResult({ wrong: [0] });
    const submission = {
      code: CODE,
      spec: SPEC,
      name: "Ann",
      answers: g.answers,
      startedAt: Date.parse(g.started),
      finishedAt: Date.parse(g.finished),
      replay: { score: g.score, correct: g.correct, total: g.total, answered: g.answered, ms: g.ms, questions: [] },
      maxScore: 0,
    };
    expect(writeResult(dir, submission)).toBe(join(dir, `Ann-${CODE}.json`));
    expect(writeResult(dir, submission)).toBe(join(dir, `Ann-${CODE}-2.json`));
    const text = readFileSync(join(dir, `Ann-${CODE}.json`), "utf8");
    expect(text).toBe(resultText(g));
    expect(verifyResultText(text).ok).toBe(true);
  });
});

describe("tcp-tutor challenge verify FILE...", () => {
  it("a genuine result is valid; a hand-edited one is invalid with why; exit 1 when any is", async () => {
    const genuine = resultText(genuineResult({ wrong: [1] }));
    const edited = genuine.replace(/"score": \d+/, '"score": 99999');
    const dir = classDir({ "ann.json": genuine, "bob.json": edited });
    const r = await tcpTutor(["challenge", "verify", join(dir, "ann.json"), join(dir, "bob.json")]);
    const g = genuineResult({ wrong: [1] });
    expect(output(r)).toEqual({
      code: 1,
      stdout:
        `${join(dir, "ann.json")}: valid: Ann, ${g.score} points, ${g.total - 1}/${g.total} right, ${Math.round(g.ms / 1000)} s, challenge ${CODE}\n` +
        `${join(dir, "bob.json")}: invalid: edited after it was written (its seal does not match its contents)\n`,
      stderr: "",
    });
  });

  it("all valid: exit 0; --json gives each file's verdict", async () => {
    const dir = classDir({ "ann.json": resultText(genuineResult()) });
    const r = await tcpTutor(["challenge", "verify", "--json", join(dir, "ann.json"), join(dir, "missing.json")]);
    expect(r.code).toBe(1);
    const g = genuineResult();
    expect(JSON.parse(r.stdout)).toEqual([
      { file: join(dir, "ann.json"), valid: true, name: "Ann", code: CODE, score: g.score, correct: g.correct, total: g.total, answered: g.answered, ms: g.ms },
      { file: join(dir, "missing.json"), valid: false, reason: expect.stringMatching(/^cannot be read: ENOENT/) },
    ]);
    expect((await tcpTutor(["challenge", "verify", join(dir, "ann.json")])).code).toBe(0);
  });
});

describe("tcp-tutor scoreboard DIR|FILE...", () => {
  /** A class: Ann all right fast, Bo and Cy one wrong at the same pace (a tie), Di edited her file. */
  function aClass(): string {
    const di = resultText(genuineResult({ name: "Di" })).replace(/"ms": 4000/, '"ms": 400');
    return classDir({
      "ann.json": resultText(genuineResult({ name: "Ann", ms: 3000 })),
      "bo.json": resultText(genuineResult({ name: "Bo", wrong: [2] })),
      "cy.json": resultText(genuineResult({ name: "Cy", wrong: [2] })),
      "di.json": di,
      "notes.txt": "not a result",
    });
  }

  it("ranks by score, then time; a tie shares its place; an invalid file is listed, never counted", async () => {
    const dir = aClass();
    const r = await tcpTutor(["scoreboard", dir, "--json"]);
    expect(r.code).toBe(0);
    const board = JSON.parse(r.stdout);
    expect(board.rounds).toHaveLength(1);
    expect(board.rounds[0].results.map((x: { place: number; name: string }) => [x.place, x.name])).toEqual([
      [1, "Ann"],
      [2, "Bo"],
      [2, "Cy"],
    ]);
    expect(board.invalid).toEqual([{ file: join(dir, "di.json"), reason: "edited after it was written (its seal does not match its contents)" }]);
    expect(r.stderr).toBe(`scoreboard: ${join(dir, "di.json")}: not counted: edited after it was written (its seal does not match its contents)\n`);
  });

  it("per question, the share of the class that answered right: the question two of three missed shows 33%", async () => {
    const board = JSON.parse((await tcpTutor(["scoreboard", aClass(), "--json"])).stdout);
    const questions = board.rounds[0].questions;
    expect(questions[2]).toMatchObject({ number: 3, right: 1, answered: 3, results: 3, accuracy: 0.333 });
    expect(questions.filter((q: { accuracy: number }) => q.accuracy === 1)).toHaveLength(questions.length - 1);
    expect(questions[2].concepts.length).toBeGreaterThan(0);
    const text = (await tcpTutor(["scoreboard", aClass()])).stdout;
    expect(text).toContain("Missed most: question 3 (33% right)");
    expect(text).toMatch(/^ {2}3 .* 33% /m);
  });

  it("a copy of a file counts once; a second attempt under the same name is not counted", async () => {
    const first = resultText(genuineResult({ name: "Ann", wrong: [0, 1] }));
    const again = resultText(genuineResult({ name: "Ann", started: Date.parse("2026-11-21T10:00:00Z") }));
    const dir = classDir({ "a.json": first, "a-copy.json": first, "b.json": again });
    const board = JSON.parse((await tcpTutor(["scoreboard", dir, "--json"])).stdout);
    expect(board.rounds[0].results).toEqual([expect.objectContaining({ name: "Ann", file: join(dir, "a-copy.json") })]);
    expect(board.invalid).toEqual([{ file: join(dir, "b.json"), reason: `a later attempt by Ann (counted: ${join(dir, "a-copy.json")})` }]);
  });

  it("--csv: one row per result, for a spreadsheet; a name a spreadsheet would run as a formula is text", async () => {
    const dir = classDir({ "x.json": resultText(genuineResult({ name: "=1+1" })) });
    const csv = (await tcpTutor(["scoreboard", dir, "--csv"])).stdout;
    const g = genuineResult({ name: "=1+1" });
    expect(csv).toBe(
      "code,place,name,score,correct,total,answered,ms,file\r\n" +
        `${CODE},1,'=1+1,${g.score},${g.correct},${g.total},${g.answered},${g.ms},${join(dir, "x.json")}\r\n`,
    );
  });

  it("--md: the ranking and the questions as tables", async () => {
    const md = (await tcpTutor(["scoreboard", aClass(), "--md"])).stdout;
    expect(md).toContain(`## Challenge ${CODE}`);
    expect(md).toContain("| 2 | Bo |");
    expect(md).toContain("## Not counted");
  });

  it("nothing valid to rank, a path that cannot be read, two formats: said in one line", async () => {
    const empty = classDir({ "junk.json": "{" });
    expect(output(await tcpTutor(["scoreboard", empty]))).toMatchObject({ code: 1, stderr: "scoreboard: no valid result among 1 file\n" });
    expect((await tcpTutor(["scoreboard", "/nonexistent"])).stderr).toMatch(/^scoreboard: cannot read \/nonexistent: ENOENT/);
    expect(output(await tcpTutor(["scoreboard", empty, "--csv", "--md"]))).toEqual({
      code: 2,
      stdout: "",
      stderr: "scoreboard: --csv and --md cannot be used together (see tcp-tutor --help)\n",
    });
  });
});

describe("a sealed result with a forged score", () => {
  it("is caught by the replay even when the seal was recomputed", () => {
    const { seal: _, ...rest } = genuineResult({ wrong: [0] });
    expect(verifyResultText(resultText(sealResult({ ...rest, correct: rest.total }))).ok).toBe(false);
  });
});

describe("a round drawn from a level pack (--levels DIR)", () => {
  const PACK = "levels";

  it("challenge new --levels: a sixteen-character code; students are told to bring the pack", async () => {
    const r = await tcpTutor(["challenge", "new", "--levels", PACK, "--count", "3", "--minutes", "0", "--seed", "5"]);
    expect(r.code).toBe(0);
    const code = r.stdout.trim();
    expect(code).toMatch(/^(\w{4}-){3}\w{4}$/);
    expect(r.stderr).toMatch(/^3 levels from the level pack [0-9A-F]{5}, untimed\n/);
    expect(r.stderr).toContain(`Each student runs: tcp-tutor challenge ${code} --levels DIR --name NAME\nwith DIR a copy of this level pack (${PACK})`);
    expect((await tcpTutor(["challenge", "new", "--levels", PACK, "--topic", "close"])).stderr).toBe(
      "challenge: --topic: a round from a level pack draws from all its levels (leave --topic out) (see tcp-tutor --help)\n",
    );
    expect((await tcpTutor(["challenge", "new", "--levels", "test/fixtures/packs/valid", "--count", "3"])).stderr).toBe(
      "challenge: --count 3: the pack in test/fixtures/packs/valid has 2 levels (see tcp-tutor --help)\n",
    );
    // A pack with a problem is refused: every machine must draw the same round from it.
    expect(output(await tcpTutor(["challenge", "new", "--levels", "test/fixtures/packs/broken"]))).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^challenge: the level pack test\/fixtures\/packs\/broken has \d+ problems? \(see tcp-tutor check/),
    });
  });

  it("challenge CODE plays the pack's levels; without the pack, or with another, it says so before playing", async () => {
    const code = (await tcpTutor(["challenge", "new", "--levels", PACK, "--count", "3", "--seed", "5"])).stdout.trim();
    const played = await tcpTutor(["challenge", code, "--levels", PACK, "--name", "Ann"], { terminal: true });
    expect(played.code).toBe(0);
    const round = played.played?.start?.kind === "challenge" ? played.played.start.round : [];
    expect(round.map((p) => p.template)).toEqual(["pack", "pack", "pack"]);
    const without = await tcpTutor(["challenge", code, "--name", "Ann"], { terminal: true });
    expect(without.played).toBeUndefined();
    expect(without.stderr).toMatch(/^challenge: the round is drawn from a level pack \(fingerprint [0-9A-F]{5}\): give that pack with --levels DIR/);
    const other = await tcpTutor(["challenge", code, "--levels", "test/fixtures/packs/valid"], { terminal: true });
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("is not the one the code was made from");
  });

  it("verify and scoreboard replay such results against the pack given with --levels", async () => {
    const code = (await tcpTutor(["challenge", "new", "--levels", PACK, "--count", "3", "--seed", "5"])).stdout.trim();
    const { loadPack } = await import("../../src/levels/loader");
    const { realFs } = await import("../fixtures/realFs");
    const pack = (await loadPack(PACK, realFs)).chapters;
    const dir = classDir({ "ann.json": resultText(genuineResult({ code, pack })) });
    expect((await tcpTutor(["challenge", "verify", "--levels", PACK, join(dir, "ann.json")])).code).toBe(0);
    const without = await tcpTutor(["challenge", "verify", join(dir, "ann.json")]);
    expect(without.code).toBe(1);
    expect(without.stdout).toMatch(/invalid: cannot be checked: the round is drawn from a level pack/);
    const board = JSON.parse((await tcpTutor(["scoreboard", dir, "--levels", PACK, "--json"])).stdout);
    expect(board.rounds[0].results).toHaveLength(1);
  });
});
