import { describe, expect, it } from "vitest";
import {
  emptyProfile,
  mergeProfiles,
  nextDay,
  withDay,
  withDrillResult,
  withLevelResult,
  withProgressErased,
  withSettings,
} from "../../src/store/profile";
import { levelResult } from "./results";

const T0 = 1_763_700_000_000;
const fresh = emptyProfile(T0);

describe("a finished level, saved", () => {
  it("first play: its score, stars, one attempt, completed with a star, the day played", () => {
    const p = withLevelResult(fresh, levelResult("handshake-first-syn", 750, { right: 3, wrong: 1 }), "2026-11-21");
    expect(p.levels["handshake-first-syn"]).toEqual({
      bestScore: 750,
      maxScore: 1000,
      stars: 2,
      attempts: 1,
      completed: true,
      lastPlayed: "2026-11-21",
    });
  });

  it("a worse play never takes points or stars away, and still counts as an attempt", () => {
    const good = withLevelResult(fresh, levelResult("a", 950), "2026-11-20");
    const worse = withLevelResult(good, levelResult("a", 100, { right: 0, wrong: 2 }), "2026-11-21");
    expect(worse.levels.a).toEqual({ ...good.levels.a, attempts: 2, lastPlayed: "2026-11-21" });
  });

  it("a play with no star is an attempt, not a completion", () => {
    expect(withLevelResult(fresh, levelResult("a", 100), "2026-11-21").levels.a).toMatchObject({
      stars: 0,
      attempts: 1,
      completed: false,
    });
  });

  it("every answer counts towards each of the level's concepts; misconceptions fallen for are counted", () => {
    const result = levelResult("a", 500, { right: 2, wrong: 3, misconception: "ack-is-seq", concepts: ["isn", "seq-ack"] });
    const p = withLevelResult(withLevelResult(fresh, result, "2026-11-21"), result, "2026-11-21");
    expect(p.concepts).toEqual({ isn: { right: 4, wrong: 6 }, "seq-ack": { right: 4, wrong: 6 } });
    expect(p.misconceptions).toEqual({ "ack-is-seq": 6 });
  });

  it("totals add up plays, answers, right answers, hints, time and points", () => {
    const p = withLevelResult(fresh, levelResult("a", 600, { right: 2, wrong: 1, hints: 1 }), "2026-11-21");
    expect(p.totals).toEqual({ plays: 1, answered: 3, correct: 2, hints: 1, ms: 3000, points: 600 });
  });
});

describe("the day streak", () => {
  const start = { current: 0, best: 0, lastDay: null };

  it("the first day played starts it at 1", () => {
    expect(withDay(start, "2026-11-21")).toEqual({ current: 1, best: 1, lastDay: "2026-11-21" });
  });

  it("another play the same day changes nothing; the next day adds one", () => {
    const one = withDay(start, "2026-11-21");
    expect(withDay(one, "2026-11-21")).toBe(one);
    expect(withDay(one, "2026-11-22")).toEqual({ current: 2, best: 2, lastDay: "2026-11-22" });
  });

  it("a day missed starts over at 1 and keeps the best", () => {
    const three = { current: 3, best: 3, lastDay: "2026-11-21" };
    expect(withDay(three, "2026-11-23")).toEqual({ current: 1, best: 3, lastDay: "2026-11-23" });
  });

  it("counts across the end of a month and of a year, leap days included", () => {
    expect(nextDay("2026-11-30")).toBe("2026-12-01");
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
    expect(nextDay("2028-02-28")).toBe("2028-02-29");
    expect(nextDay("2027-02-28")).toBe("2027-03-01");
    expect(withDay({ current: 5, best: 9, lastDay: "2026-12-31" }, "2027-01-01")).toEqual({
      current: 6,
      best: 9,
      lastDay: "2027-01-01",
    });
  });

  it("a clock set back to an earlier day keeps the streak as it is", () => {
    const s = { current: 4, best: 4, lastDay: "2026-11-21" };
    expect(withDay(s, "2026-11-19")).toBe(s);
  });

  it("a level finished with no answer (nothing to play) does not count as a day played", () => {
    const none = levelResult("a", 0, { right: 0 });
    expect(withLevelResult(fresh, none, "2026-11-21").streak).toEqual(start);
  });
});

describe("settings and reset", () => {
  it("saving one setting keeps the other", () => {
    const p = withSettings(withSettings(fresh, { lang: "zh-CN" }), { color: false });
    expect(p.settings).toEqual({ lang: "zh-CN", color: false });
  });

  it("erasing progress keeps the settings and nothing else", () => {
    const played = withSettings(withLevelResult(fresh, levelResult("a", 900), "2026-11-21"), { lang: "zh-CN" });
    expect(withProgressErased(played, T0 + 5)).toEqual({ ...emptyProfile(T0 + 5), settings: { lang: "zh-CN" } });
  });
});

describe("merging two copies of a profile (import)", () => {
  const a = withLevelResult(withLevelResult(fresh, levelResult("x", 900), "2026-11-20"), levelResult("y", 300), "2026-11-20");
  const b = withLevelResult(
    withLevelResult(withLevelResult(emptyProfile(T0 - 10), levelResult("x", 500), "2026-11-21"), levelResult("x", 400), "2026-11-21"),
    levelResult("z", 700, { misconception: "ack-is-seq", wrong: 1 }),
    "2026-11-21",
  );
  const merged = mergeProfiles(a, b);

  it("keeps the better result of each level and every level of both", () => {
    expect(merged.levels).toEqual({
      x: { bestScore: 900, maxScore: 1000, stars: 3, attempts: 2, completed: true, lastPlayed: "2026-11-21" },
      y: a.levels.y,
      z: b.levels.z,
    });
  });

  it("takes the larger of each counter, the earlier creation, the later streak", () => {
    expect(merged.totals.plays).toBe(3);
    expect(merged.created).toBe(T0 - 10);
    expect(merged.streak).toEqual({ current: 1, best: 1, lastDay: "2026-11-21" });
    expect(merged.misconceptions).toEqual({ "ack-is-seq": 1 });
  });

  it("is idempotent: importing the same file twice changes nothing more", () => {
    expect(mergeProfiles(merged, b)).toEqual(merged);
    expect(mergeProfiles(a, a)).toEqual(a);
  });

  it("keeps each challenge result once", () => {
    const c = { code: "K7Q-2MX", name: "ana", score: 10, maxScore: 20, correct: 1, total: 2, ms: 5, at: T0 };
    const one = { ...fresh, challenges: [c] };
    expect(mergeProfiles(one, one).challenges).toEqual([c]);
    expect(mergeProfiles(one, { ...fresh, challenges: [{ ...c, at: T0 + 1 }] }).challenges).toHaveLength(2);
  });
});

describe("a finished drill puzzle, saved", () => {
  const T = Date.UTC(2026, 10, 21, 12);
  const puzzle = { concepts: ["time-wait", "2msl"], misconceptions: ["server-enters-time-wait"] };

  it("a miss puts its concepts and the misconception fallen for in box 0, due again in a minute; no level record", () => {
    const result = levelResult("drill-42", 0, { right: 0, wrong: 1, misconception: "server-enters-time-wait", concepts: ["time-wait", "2msl"] });
    const p = withDrillResult(fresh, result, puzzle, T, "2026-11-21");
    const missed = { box: 0, due: T + 60_000, right: 0, wrong: 1, last: T };
    expect(p.drill).toEqual({ "time-wait": missed, "2msl": missed, "misconception:server-enters-time-wait": missed });
    expect(p.levels).toEqual({});
    expect(p.concepts).toEqual({ "time-wait": { right: 0, wrong: 1 }, "2msl": { right: 0, wrong: 1 } });
    expect(p.totals).toMatchObject({ plays: 1, answered: 1, correct: 0 });
    expect(p.streak.lastDay).toBe("2026-11-21");
  });

  it("a right answer moves each concept up a box, due later", () => {
    const result = levelResult("drill-42", 300, { right: 1, concepts: ["time-wait"] });
    const p = withDrillResult(fresh, result, { concepts: ["time-wait"], misconceptions: [] }, T, "2026-11-21");
    expect(p.drill["time-wait"]).toEqual({ box: 1, due: T + 10 * 60_000, right: 1, wrong: 0, last: T });
  });
});
