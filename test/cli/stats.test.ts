import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bar, dueText, duration } from "../../src/cli/stats";
import { loadPack } from "../../src/levels/loader";
import { SaveFile } from "../../src/store/saveFile";
import { statsReport } from "../../src/store/stats";
import { realFs } from "../fixtures/realFs";
import { ANA, saveFileOf, seedSave, VALID_PACK } from "./saveFixtures";
import { NOW, output, tcpTutor, tempHome } from "./tcpTutor";

const DAY = 86_400_000;

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
  "Drill reviews, most urgent first",
  "  isn        initial sequence numbers  box 1, due now",
  "  handshake  the three-way handshake   box 3, due in 3 days",
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
        "Drill reviews, most urgent first",
        "  nothing practised yet (tcp-tutor drill)",
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

  it("--json: exactly the store's report, then the drill's memory, on one line", async () => {
    const r = await stats(["--json"], anaHome());
    const pack = await loadPack(VALID_PACK, realFs);
    const report = statsReport(pack.chapters, "ana", ANA, NOW);
    const drill = [
      { key: "isn", kind: "concept", ...ANA.drill.isn },
      { key: "handshake", kind: "concept", ...ANA.drill.handshake },
    ];
    expect(output(r)).toEqual({ code: 0, stdout: `${JSON.stringify({ ...report, drill })}\n`, stderr: "" });
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(["profile", "chapters", "concepts", "misconceptions", "streak", "totals", "due", "drill"]);
    expect(json.drill).toEqual([
      { key: "isn", kind: "concept", box: 1, due: NOW - 1000, right: 1, wrong: 2, last: NOW - DAY },
      { key: "handshake", kind: "concept", box: 3, due: NOW + 3 * DAY, right: 5, wrong: 0, last: NOW - DAY },
    ]);
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

describe("stats: the drill's reviews", () => {
  /** A drill puzzle on isn and handshake, answered at `at`: the first answer wrong (falling for ack-is-seq), or not. */
  function drilled(home: string, at: number, wrong: boolean): void {
    const answer = (correct: boolean) => ({
      puzzleId: "drill-1",
      question: 0,
      chosen: { kind: "number", value: 1 } as const,
      correct,
      misconception: correct ? undefined : "ack-is-seq",
      hint: false,
      ms: 5000,
      points: correct ? 100 : 0,
    });
    const answers = [answer(!wrong), answer(true)];
    const result = {
      levelId: "drill-1",
      score: 100,
      maxScore: 200,
      stars: 1 as const,
      correct: answers.filter((a) => a.correct).length,
      total: 2,
      ms: 10_000,
      review: [],
      concepts: ["isn", "handshake"],
      answers,
    };
    SaveFile.open(home, () => at).store().recordDrill(result, { concepts: ["isn", "handshake"], misconceptions: ["ack-is-seq"] });
  }

  const section = (text: string) => {
    const lines = text.split("\n");
    const from = lines.indexOf("Drill reviews, most urgent first");
    return lines.slice(from + 1, lines.indexOf("", from));
  };

  it("a missed puzzle: its concepts and the misconception fallen for, in box 0, due in a minute", async () => {
    const home = tempHome();
    drilled(home, NOW, true);
    const r = await stats([], home);
    expect(r.code).toBe(0);
    expect(section(r.stdout)).toEqual([
      "  handshake   the three-way handshake     box 0, due in 1 minute",
      "  isn         initial sequence numbers    box 0, due in 1 minute",
      "  ack-is-seq  a misconception fallen for  box 0, due in 1 minute",
    ]);
    expect(r.stdout).toContain("\nDrill    nothing due for review\n");
  });

  it("right answers move them up a box at a time, each waiting longer; once due, they say so", async () => {
    const home = tempHome();
    drilled(home, NOW - 30 * 60_000, true);
    drilled(home, NOW - 20 * 60_000, false);
    drilled(home, NOW - 5 * 60_000, false);
    const r = await stats([], home);
    expect(section(r.stdout)).toEqual([
      "  handshake   the three-way handshake     box 2, due in 1 day",
      "  isn         initial sequence numbers    box 2, due in 1 day",
      "  ack-is-seq  a misconception fallen for  box 2, due in 1 day",
    ]);
    const due = await tcpTutor(["stats"], { home, builtinLevels: VALID_PACK, now: NOW + 2 * DAY });
    expect(section(due.stdout)).toEqual([
      "  handshake   the three-way handshake     box 2, due now",
      "  isn         initial sequence numbers    box 2, due now",
      "  ack-is-seq  a misconception fallen for  box 2, due now",
    ]);
    expect(due.stdout).toContain("\nDrill    3 concepts due for review: ");
  });

  it("the most urgent first: the lowest box, then the longest overdue", async () => {
    const home = tempHome();
    const memory = (box: number, due: number) => ({ box, due, right: 1, wrong: 1, last: NOW - DAY });
    const drill = {
      handshake: memory(3, NOW - DAY),
      isn: memory(1, NOW - 60_000),
      "seq-ack": memory(1, NOW - 2 * 60_000),
      "time-wait": memory(0, NOW + 30_000),
      "misconception:ack-is-seq": memory(4, NOW + 7 * DAY),
    };
    seedSave(home, { ana: { ...ANA, drill } }, "ana");
    expect(section((await stats([], home)).stdout)).toEqual([
      "  seq-ack     seq and ack arithmetic      box 1, due now",
      "  isn         initial sequence numbers    box 1, due now",
      "  handshake   the three-way handshake     box 3, due now",
      "  time-wait   TIME_WAIT                   box 0, due in 30 seconds",
      "  ack-is-seq  a misconception fallen for  box 4, due in 7 days",
    ]);
  });

  it("the ten most urgent, then how many more", async () => {
    const home = tempHome();
    const drill = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`c${String(i).padStart(2, "0")}`, { box: 1, due: NOW + i * 60_000, right: 1, wrong: 0, last: NOW }]),
    );
    seedSave(home, { ana: { ...ANA, drill } }, "ana");
    const lines = section((await stats([], home)).stdout);
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe("  c00  c00  box 1, due now");
    expect(lines[9]).toBe("  c09  c09  box 1, due in 9 minutes");
    expect(lines[10]).toBe("  … and 2 more (tcp-tutor stats --json lists them all)");
  });
});

describe("the text's pieces", () => {
  it.each([
    [0, "due now"],
    [-5000, "due now"],
    [1, "due in 1 second"],
    [44_600, "due in 45 seconds"],
    [59_700, "due in 1 minute"],
    [10 * 60_000, "due in 10 minutes"],
    [59 * 60_000 + 45_000, "due in 1 hour"],
    [5 * 3_600_000, "due in 5 hours"],
    [DAY, "due in 1 day"],
    [3 * DAY - 1000, "due in 3 days"],
    [21 * DAY, "due in 21 days"],
  ])("due in %i ms: %s", (ms, text) => {
    expect(dueText(ms)).toBe(text);
  });

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
