import { describe, expect, it } from "vitest";
import { impureLines, importsOf, sourcesIn } from "../fixtures/sources";

const game = sourcesIn("game");

describe("src/game stays pure", () => {
  it("imports only the engine, the levels and its own modules; the loader for its types only", () => {
    const bad = importsOf(game).filter(({ spec, typeOnly }) => {
      if (spec === "../levels/loader") return !typeOnly;
      return !(spec.startsWith("./") || spec === "../engine" || spec.startsWith("../levels/"));
    });
    expect(bad.map((i) => `${i.file}: ${i.spec}`)).toEqual([]);
  });

  it("uses no clock, no Math.random, no process, no I/O", () => {
    expect(impureLines(game)).toEqual([]);
  });
});
