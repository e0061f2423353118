import { describe, expect, it } from "vitest";
import { seedRng } from "../../../src/engine";
import {
  afterAnswer,
  BOX_INTERVALS,
  type ConceptMemory,
  dueConcepts,
  type Memories,
  pickConcept,
  TOP_BOX,
} from "../../../src/game/drill";
import { DrillMemory } from "../../../src/store/schema";

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T0 = 1_750_000_000_000;

/** The memory after answering right/wrong in order, each answer at the given time. */
function replay(answers: readonly (readonly [boolean, number])[]): ConceptMemory | undefined {
  return answers.reduce<ConceptMemory | undefined>((m, [correct, now]) => afterAnswer(m, correct, now), undefined);
}

describe("Leitner boxes: the intervals", () => {
  it("are 1 min, 10 min, 1, 3, 7 and 21 days for boxes 0 to 5", () => {
    expect(BOX_INTERVALS).toEqual([MIN, 10 * MIN, DAY, 3 * DAY, 7 * DAY, 21 * DAY]);
    expect(TOP_BOX).toBe(5);
  });
});

describe("afterAnswer", () => {
  it("a first wrong answer: box 0, due in one minute", () => {
    expect(afterAnswer(undefined, false, T0)).toEqual({ box: 0, due: T0 + MIN, right: 0, wrong: 1, last: T0 });
  });

  it("a first right answer: box 1, due in ten minutes", () => {
    expect(afterAnswer(undefined, true, T0)).toEqual({ box: 1, due: T0 + 10 * MIN, right: 1, wrong: 0, last: T0 });
  });

  it("right after right climbs one box at a time, each due later: 10 min, 1 day, 3 days, 7 days, 21 days", () => {
    const times = [T0, T0 + 10 * MIN, T0 + DAY, T0 + 4 * DAY, T0 + 11 * DAY];
    const memories = times.map((_, i) => replay(times.slice(0, i + 1).map((t) => [true, t] as const)));
    expect(memories.map((m) => [m?.box, (m?.due ?? 0) - (m?.last ?? 0)])).toEqual([
      [1, 10 * MIN],
      [2, DAY],
      [3, 3 * DAY],
      [4, 7 * DAY],
      [5, 21 * DAY],
    ]);
  });

  it("stays in the top box, due every 21 days, however many more right answers", () => {
    const m = replay(Array.from({ length: 9 }, (_, i) => [true, T0 + i * 30 * DAY] as const));
    expect(m).toEqual({ box: 5, due: T0 + 8 * 30 * DAY + 21 * DAY, right: 9, wrong: 0, last: T0 + 8 * 30 * DAY });
  });

  it("one miss sends even the top box back to 0, due in a minute; the counts keep the history", () => {
    const known = replay(Array.from({ length: 6 }, (_, i) => [true, T0 + i * DAY] as const));
    expect(known?.box).toBe(5);
    expect(afterAnswer(known, false, T0 + 100 * DAY)).toEqual({
      box: 0,
      due: T0 + 100 * DAY + MIN,
      right: 6,
      wrong: 1,
      last: T0 + 100 * DAY,
    });
  });

  it("from box 0, a right answer goes to box 1 (10 min), not straight back to where it was", () => {
    const missed = replay([[true, T0], [true, T0 + DAY], [false, T0 + 2 * DAY]]);
    expect(afterAnswer(missed, true, T0 + 2 * DAY + MIN)).toMatchObject({ box: 1, due: T0 + 2 * DAY + 11 * MIN });
  });

  it("gives exactly the save file's DrillMemory (src/store/schema.ts)", () => {
    const m: DrillMemory = afterAnswer(afterAnswer(undefined, true, T0), false, T0 + 1);
    expect(DrillMemory.parse(m)).toEqual(m);
    expect(Object.keys(m).sort()).toEqual(["box", "due", "last", "right", "wrong"]);
  });
});

describe("dueConcepts", () => {
  const memories: Memories = {
    "time-wait": { box: 2, due: T0 - 5 * MIN, right: 2, wrong: 0, last: T0 - DAY },
    fin: { box: 0, due: T0 - MIN, right: 0, wrong: 1, last: T0 - 2 * MIN },
    rst: { box: 0, due: T0 - 3 * MIN, right: 1, wrong: 1, last: T0 - 4 * MIN },
    handshake: { box: 1, due: T0 + MIN, right: 1, wrong: 0, last: T0 - 9 * MIN },
    isn: { box: 2, due: T0, right: 2, wrong: 0, last: T0 - DAY },
  };

  it("lists what is due at `now` (due ≤ now), the lowest box first, then the longest overdue, then by name", () => {
    expect(dueConcepts(memories, T0)).toEqual(["rst", "fin", "time-wait", "isn"]);
  });

  it("a minute later, the concept due then joins", () => {
    expect(dueConcepts(memories, T0 + MIN)).toEqual(["rst", "fin", "handshake", "time-wait", "isn"]);
  });

  it("nothing is due before its time", () => {
    expect(dueConcepts(memories, T0 - 10 * MIN)).toEqual([]);
  });
});

describe("pickConcept", () => {
  const rng = seedRng(7);

  it("takes the most urgent due concept among those available, and leaves the generator as it was", () => {
    const memories: Memories = {
      fin: { box: 0, due: T0 - MIN, right: 0, wrong: 1, last: T0 - 2 * MIN },
      rst: { box: 0, due: T0 - 3 * MIN, right: 1, wrong: 1, last: T0 - 4 * MIN },
    };
    expect(pickConcept(memories, ["fin", "rst", "isn"], T0, rng)).toEqual({ concept: "rst", rng });
    expect(pickConcept(memories, ["fin", "isn"], T0, rng)).toEqual({ concept: "fin", rng });
  });

  it("with nothing due, brings in a new concept at random: the same one for the same generator", () => {
    const memories: Memories = { fin: { box: 3, due: T0 + DAY, right: 3, wrong: 0, last: T0 } };
    const a = pickConcept(memories, ["fin", "isn", "rst", "handshake"], T0, rng);
    expect(["handshake", "isn", "rst"]).toContain(a.concept);
    expect(a.rng).not.toEqual(rng);
    expect(pickConcept(memories, ["fin", "isn", "rst", "handshake"], T0, rng)).toEqual(a);
    const picked = new Set(Array.from({ length: 40 }, (_, i) => pickConcept(memories, ["fin", "isn", "rst", "handshake"], T0, seedRng(i)).concept));
    expect(picked).toEqual(new Set(["handshake", "isn", "rst"]));
  });

  it("with nothing due and nothing new, practises the one due soonest", () => {
    const memories: Memories = {
      fin: { box: 3, due: T0 + 3 * DAY, right: 3, wrong: 0, last: T0 },
      rst: { box: 2, due: T0 + DAY, right: 2, wrong: 0, last: T0 },
    };
    expect(pickConcept(memories, ["fin", "rst"], T0, rng)).toEqual({ concept: "rst", rng });
  });

  it("with nothing available, picks nothing", () => {
    expect(pickConcept({}, [], T0, rng)).toEqual({ concept: undefined, rng });
  });
});
