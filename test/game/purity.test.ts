import { describe, expect, it } from "vitest";
import { importTarget, impureLines, importsOf, sourcesIn } from "../fixtures/sources";

const game = sourcesIn("game");

describe("src/game stays pure", () => {
  it("is checked folder and subfolders alike", () => {
    expect(game.map((s) => s.file)).toEqual(expect.arrayContaining(["session.ts", "drill/generate.ts", "drill/schedule.ts"]));
  });

  it("imports only the engine, the levels and its own modules; the loader for its types only", () => {
    const bad = importsOf(game).filter(({ file, spec, typeOnly }) => {
      const target = importTarget("game", file, spec);
      if (target === "levels/loader") return !typeOnly;
      return !(target.startsWith("game/") || target === "engine" || target.startsWith("levels/"));
    });
    expect(bad.map((i) => `${i.file}: ${i.spec}`)).toEqual([]);
  });

  it("uses no clock, no Math.random, no process, no I/O", () => {
    expect(impureLines(game)).toEqual([]);
  });
});
