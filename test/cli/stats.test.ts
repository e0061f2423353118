import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bar, duration } from "../../src/cli/stats";
import { loadPack } from "../../src/levels/loader";
import { statsReport } from "../../src/store/stats";
import { realFs } from "../fixtures/realFs";
import { ANA, saveFileOf, seedSave, VALID_PACK } from "./saveFixtures";
import { NOW, output, tcpTutor, tempHome } from "./tcpTutor";

/** A home where "ana" has ANA's progress and is the profile played by default, beside an empty "default". */
function anaHome(): string {
  const home = tempHome();
  seedSave(home, { ana: ANA }, "ana");
  return home;
}

const stats = (argv: readonly string[], home: string) =>
  tcpTutor(["stats", ...argv], { home, builtinLevels: VALID_PACK });

const ANA_TEXT = [
  'Profile "ana"',
  "",
  "Chapters",
  "  handshake  ████████  1/1 levels  3/3 ★",
  "  close      ░░░░░░░░  0/1 levels  0/3 ★",
  "",
  "Concepts, weakest first",
  "  isn         25%  1 right, 3 wrong",
  "  seq-ack     50%  2 right, 2 wrong",
  "  handshake   80%  8 right, 2 wrong",
  "",
  "Misconceptions fallen for most",
  "  3×  ack-is-seq",
  "  1×  syn-carries-data",
  "",
  "Streak   2 days (best 4 days; last played 2026-11-21)",
  "Answers  11 of 15 right (73%); 1 hint; 12m 34s answering",
  "Totals   4 plays; 770 points; 1 of 2 levels completed; 3 of 6 ★",
  "Drill    1 concept due for review: isn",
  "",
].join("\n");

describe("stats", () => {
  it("the current profile's progress: chapters, concepts weakest first, misconceptions, streak, totals, drill", async () => {
    expect(output(await stats([], anaHome()))).toEqual({ code: 0, stdout: ANA_TEXT, stderr: "" });
  });

  it("--profile NAME: that profile's (here an empty one)", async () => {
    const r = await stats(["--profile", "default"], anaHome());
    expect(output(r)).toEqual({
      code: 0,
      stdout: [
        'Profile "default"',
        "",
        "Chapters",
        "  handshake  ░░░░░░░░  0/1 levels  0/3 ★",
        "  close      ░░░░░░░░  0/1 levels  0/3 ★",
        "",
        "Concepts, weakest first",
        "  nothing answered yet",
        "",
        "Misconceptions fallen for most",
        "  none",
        "",
        "Streak   none yet",
        "Answers  0 of 0 right (0%); 0 hints; 0s answering",
        "Totals   0 plays; 0 points; 0 of 2 levels completed; 0 of 6 ★",
        "Drill    nothing due for review",
        "",
      ].join("\n"),
      stderr: "",
    });
  });

  it("a first run (no save yet): the default profile, empty, and the save is created", async () => {
    const home = tempHome();
    const r = await stats([], home);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n")[0]).toBe('Profile "default"');
    expect(existsSync(saveFileOf(home))).toBe(true);
  });

  it("--json: exactly the store's report, on one line", async () => {
    const r = await stats(["--json"], anaHome());
    const pack = await loadPack(VALID_PACK, realFs);
    const report = statsReport(pack.chapters, "ana", ANA, NOW);
    expect(output(r)).toEqual({ code: 0, stdout: `${JSON.stringify(report)}\n`, stderr: "" });
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(["profile", "chapters", "concepts", "misconceptions", "streak", "totals", "due"]);
    expect(json.due).toEqual([{ concept: "isn", box: 1, due: NOW - 1000 }]);
    expect((json.concepts as { concept: string }[]).map((c) => c.concept)).toEqual(["isn", "seq-ack", "handshake"]);
  });

  it("the built-in pack by default: its eight chapters", async () => {
    const r = await tcpTutor(["stats", "--json"], { home: anaHome() });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { chapters: { id: string }[]; totals: { levels: number } };
    expect(report.chapters).toHaveLength(8);
    expect(report.chapters[0]?.id).toBe("handshake");
    expect(report.totals.levels).toBe(40);
  });

  it("a pack with problems: one line on stderr, the stats of the levels that load", async () => {
    const broken = VALID_PACK.replace(/valid$/, "broken");
    const r = await stats(["--levels", broken], anaHome());
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      new RegExp(`^stats: ${broken} has \\d+ problems; the levels concerned are left out \\(see tcp-tutor check ${broken}\\)\n$`),
    );
    expect(r.stdout).toContain("  basics  ░░░░░░░░  0/1 levels  0/3 ★\n");
  });

  it("a profile that does not exist: one line naming the profiles there are, exit 1", async () => {
    const home = anaHome();
    expect(output(await stats(["--profile", "bob"], home))).toEqual({
      code: 1,
      stdout: "",
      stderr: `stats: there is no profile "bob" in ${home}/progress.json (profiles: ana, default)\n`,
    });
  });
});

describe("the text's pieces", () => {
  it.each([
    [0, 5, "░░░░░░░░"],
    [1, 40, "█░░░░░░░"],
    [3, 5, "████░░░░"],
    [5, 5, "████████"],
    [0, 0, "░░░░░░░░"],
  ])("%i of %i levels: %s", (done, total, text) => {
    expect(bar(done, total)).toBe(text);
  });

  it.each([
    [0, "0s"],
    [44_600, "45s"],
    [754_000, "12m 34s"],
    [3_600_000, "1h 00m"],
    [11_000_000, "3h 03m"],
  ])("%i ms: %s", (ms, text) => {
    expect(duration(ms)).toBe(text);
  });
});
