/**
 * A class, end to end in real terminals (tmux, 80×24) running the built program: a student plays a challenge code
 * and hands in a result the teacher's scoreboard accepts; a teacher hosts a live round that two students join.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeChallenge, GENERATOR_VERSION } from "../../src/game/challenge";
import { verifyResultText } from "../../src/store/challengeResult";
import { BUNDLE, ensureBuilt, Terminals, terminalEnv, tmuxOrFail } from "../fixtures/tmux";

const tmuxPath = tmuxOrFail();
const terminals = new Terminals();
let dir = "";

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), "tcp-tutor-class-"));
}, 60_000);

afterAll(() => {
  terminals.close();
  if (dir !== "") rmSync(dir, { recursive: true, force: true });
});

const program = (args: string) => `node ${JSON.stringify(BUNDLE)} ${args}`;

describe.skipIf(!tmuxPath)("a class in real terminals", () => {
  it("a student plays a challenge code; the result file it prints verifies", async () => {
    const code = encodeChallenge({ generator: GENERATOR_VERSION, seed: 4242, count: 2, topics: [], difficulty: undefined, minutes: 5 });
    terminals.open("student", program(`challenge ${code} --name Ann`), terminalEnv(join(dir, "home-ann")), dir);
    await terminals.waitFor("student", (s) => s.includes(`Challenge ${code} · Ann`) && s.includes("left"), "the round");
    // Each puzzle: Enter opens it, then "1" answers every question until the summary. The title's countdown moves
    // every second, so a screen is another one when anything below the title changed.
    const below = (s: string) => s.split("\n").slice(1).join("\n");
    let screen = terminals.screen("student");
    for (let i = 0; i < 30 && !screen.includes("Challenge: your result"); i++) {
      const before = below(screen);
      terminals.send("student", screen.includes("Enter continue") ? "Enter" : "1");
      screen = await terminals.waitFor("student", (x) => below(x) !== before, "the next screen");
    }
    const summary = await terminals.waitFor("student", (s) => s.includes("hand this file"), "the summary");
    expect(summary).toContain("Result file");
    terminals.send("student", "Enter");
    const after = await terminals.waitFor("student", (s) => /exit status \d/.test(s), "the program to exit");
    // The line may wrap at 80 columns: read the screen as one line.
    expect(after.replace(/\n/g, "")).toContain(`result written to ${join(dir, `Ann-${code}.json`)} (hand this file in)`);
    expect(after).toMatch(/exit status 0/);
    expect(verifyResultText(readFileSync(join(dir, `Ann-${code}.json`), "utf8")).ok).toBe(true);
  }, 30_000);

  it("a teacher hosts; two students join, answer, and end up ranked in verifiable results", async () => {
    const out = join(dir, "live");
    terminals.open("host", program(`host --bind 127.0.0.1 --port 0 --count 1 --seed 7 --out ${out}`), terminalEnv(join(dir, "home-t")), dir);
    const lobby = await terminals.waitFor("host", (s) => s.includes("Join with: tcp-tutor join"), "the lobby");
    const join_ = lobby.match(/tcp-tutor (join \S+ --pin \d+)/)?.[1];
    if (join_ === undefined) throw new Error(`no join line on:\n${lobby}`);
    terminals.open("ann", program(`${join_} --name Ann`), terminalEnv(join(dir, "home-a")), dir);
    terminals.open("bo", program(`${join_} --name Bo`), terminalEnv(join(dir, "home-b")), dir);
    await terminals.waitFor("host", (s) => s.includes("2 connected · 2 joined"), "both students");
    terminals.send("host", "Enter");
    const q = await terminals.waitFor("ann", (s) => s.includes("❯ A."), "the first question on Ann's screen");
    expect(q).toMatch(/Question 1 of \d+ · \d+ s left/);
    terminals.send("ann", "1");
    terminals.send("bo", "2");
    await terminals.waitFor("host", (s) => s.includes("Leaderboard") && s.includes("✓"), "the reveal on the host's screen");
    const annSees = await terminals.waitFor("ann", (s) => /✓ Right|✗ Wrong/.test(s), "Ann's verdict");
    expect(annSees).toContain("Right answer: ");
    // A one-puzzle round may hold several questions (a ladder): answer on until the final ranking.
    for (let i = 0; i < 20 && !terminals.screen("host").includes("Final ranking"); i++) {
      terminals.send("host", "Enter");
      await new Promise((resolve) => setTimeout(resolve, 150));
      for (const s of ["ann", "bo"]) if (terminals.screen(s).includes("❯ A.")) terminals.send(s, "1");
    }
    const final = await terminals.waitFor("host", (s) => s.includes("result files written to"), "the results");
    expect(final).toContain("Final ranking");
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(2);
    expect(files.every((f) => verifyResultText(readFileSync(join(out, f), "utf8")).ok)).toBe(true);
    await terminals.waitFor("ann", (s) => s.includes("The round is over") || s.includes("Final ranking"), "the end on Ann's screen");
    terminals.send("host", "q");
    await terminals.waitFor("host", (s) => /exit status 0/.test(s), "the host to exit");
  }, 40_000);
});
