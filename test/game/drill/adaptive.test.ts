import { describe, expect, it } from "vitest";
import {
  drillConcepts,
  drillTargets,
  generateDrillPuzzle,
  type Memories,
  memoryRows,
  misconceptionKey,
  nextDrillPuzzle,
  recordDrillResult,
} from "../../../src/game/drill";
import { misconception } from "../../../src/levels/misconceptions";

const MIN = 60_000;
const T0 = 1_750_000_000_000;
const right = { correct: true, misconception: undefined };

describe("what the drill may ask about", () => {
  it("the concepts under the options, and the misconceptions already fallen for", () => {
    expect(drillTargets({})).toEqual(drillConcepts());
    const fell: Memories = { [misconceptionKey("fin-takes-no-number")]: { box: 0, due: T0, right: 0, wrong: 1, last: T0 } };
    expect(drillTargets(fell)).toEqual([...drillConcepts(), "misconception:fin-takes-no-number"]);
    expect(drillTargets(fell, { topic: "timers" })).not.toContain("misconception:fin-takes-no-number");
  });
});

describe("nextDrillPuzzle", () => {
  it("asks about the concept that is due", () => {
    const memories: Memories = { closing: { box: 0, due: T0 - 1, right: 0, wrong: 1, last: T0 - MIN } };
    const next = nextDrillPuzzle({ seed: 3, index: 0, memories, now: T0 });
    expect(next.target).toBe("closing");
    expect(next.puzzle.concepts).toContain("closing");
  });

  it("offers the misconception that is due among the choices", () => {
    const key = misconceptionKey("time-wait-is-one-msl");
    const memories: Memories = { [key]: { box: 0, due: T0 - 1, right: 0, wrong: 1, last: T0 - MIN } };
    const next = nextDrillPuzzle({ seed: 3, index: 0, memories, now: T0 });
    expect(next.target).toBe(key);
    expect(next.puzzle.misconceptions).toContain("time-wait-is-one-msl");
  });

  it("is the same for the same seed, position, memories and time", () => {
    const args = { seed: 11, index: 4, memories: {}, now: T0, options: { topic: "close" as const } };
    expect(nextDrillPuzzle(args)).toEqual(nextDrillPuzzle(args));
    expect(nextDrillPuzzle(args).puzzle.topic).toBe("close");
  });
});

describe("an endless drill, one puzzle every 20 seconds", () => {
  /** Plays `count` puzzles; the player misses the puzzle at `missAt` and gets every other one right. */
  function drill(count: number, missAt: number) {
    let memories: Memories = {};
    const targets: (string | undefined)[] = [];
    const concepts: (readonly string[])[] = [];
    for (let i = 0; i < count; i++) {
      const now = T0 + i * 20_000;
      const { target, puzzle } = nextDrillPuzzle({ seed: 2024, index: i, memories, now });
      targets.push(target);
      concepts.push(puzzle.concepts);
      const answers = puzzle.level.puzzles[0]!.questions.map(() => (i === missAt ? { correct: false, misconception: undefined } : right));
      memories = recordDrillResult(memories, puzzle, answers, now);
    }
    return { targets, concepts, memories };
  }

  it("brings a missed concept back one minute later (three puzzles on), then lets it rest for ten minutes", () => {
    const { targets, concepts } = drill(34, 2);
    // Puzzle 2 (at 0:40) is missed: its concepts go to box 0, due at 1:40, which is puzzle 5.
    expect(concepts[2]).toContain(targets[2]);
    expect(targets.slice(3, 5).filter((t) => concepts[2]?.includes(t as string))).toEqual([]);
    const back = targets[5] as string;
    expect(concepts[2]).toContain(back);
    // Answered right at 1:40, it is in box 1, due ten minutes later: not asked again before then (puzzle 35).
    expect(targets.slice(6)).not.toContain(back);
  });

  it("one that is always answered right fades out: it climbs a box each time it comes up", () => {
    const { memories } = drill(20, -1);
    for (const m of Object.values(memories)) expect(m.box).toBeGreaterThanOrEqual(1);
    expect(Object.values(memories).some((m) => m.box >= 2)).toBe(true);
  });
});

describe("recordDrillResult", () => {
  const ladder = generateDrillPuzzle(5, { topic: "close", difficulty: 4, target: "four-way-close" });

  it("counts a whole puzzle once: a ladder answered right moves its concepts up one box, not one per segment", () => {
    expect(ladder.kind).toBe("ladder");
    const answers = ladder.level.puzzles[0]!.questions.map(() => right);
    expect(answers.length).toBeGreaterThan(2);
    const after = recordDrillResult({}, ladder, answers, T0);
    for (const c of ladder.concepts) expect(after[c]).toEqual({ box: 1, due: T0 + 10 * MIN, right: 1, wrong: 0, last: T0 });
  });

  it("a misconception fallen for is remembered as missed; avoided later, it climbs like a concept", () => {
    const m = ladder.misconceptions[0] as string;
    const answers = ladder.level.puzzles[0]!.questions.map((_, i) => (i === 0 ? { correct: false, misconception: m } : right));
    const fell = recordDrillResult({}, ladder, answers, T0);
    expect(fell[misconceptionKey(m)]).toEqual({ box: 0, due: T0 + MIN, right: 0, wrong: 1, last: T0 });
    for (const c of ladder.concepts) expect(fell[c]?.box).toBe(0);
    // Misconceptions offered but never fallen for are not remembered at all.
    expect(Object.keys(fell).filter((k) => k.startsWith("misconception:"))).toEqual([misconceptionKey(m)]);

    const avoided = recordDrillResult(fell, ladder, ladder.level.puzzles[0]!.questions.map(() => right), T0 + 2 * MIN);
    expect(avoided[misconceptionKey(m)]).toEqual({ box: 1, due: T0 + 12 * MIN, right: 1, wrong: 1, last: T0 + 2 * MIN });
  });
});

describe("memoryRows, for `tcp-tutor stats`", () => {
  it("lists what is due first, then the rest by due time, with names in the player's language", () => {
    const memories: Memories = {
      "time-wait": { box: 3, due: T0 + 2 * MIN, right: 3, wrong: 1, last: T0 - MIN },
      [misconceptionKey("fin-takes-no-number")]: { box: 0, due: T0 - 1, right: 0, wrong: 2, last: T0 - MIN },
      fin: { box: 1, due: T0 + MIN, right: 1, wrong: 0, last: T0 - MIN },
    };
    expect(memoryRows(memories, T0, "zh-CN")).toEqual([
      {
        key: "misconception:fin-takes-no-number",
        kind: "misconception",
        name: misconception("fin-takes-no-number")?.explain["zh-CN"],
        box: 0,
        dueIn: 0,
        right: 0,
        wrong: 2,
      },
      { key: "fin", kind: "concept", name: "FIN 的编号", box: 1, dueIn: MIN, right: 1, wrong: 0 },
      { key: "time-wait", kind: "concept", name: "TIME_WAIT 状态", box: 3, dueIn: 2 * MIN, right: 3, wrong: 1 },
    ]);
  });
});
