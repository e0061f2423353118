import { describe, expect, it } from "vitest";
import { impureLines, importsOf, sourcesIn } from "../fixtures/sources";

const engine = sourcesIn("engine");

describe("the engine stays pure and self-contained", () => {
  it("has source files to check", () => {
    expect(engine.length).toBeGreaterThan(10);
  });

  it("imports only its own modules (./…)", () => {
    const outside = importsOf(engine).filter((i) => !i.spec.startsWith("./"));
    expect(outside.map((i) => `${i.file}: ${i.spec}`)).toEqual([]);
  });

  it("uses no clock, no Math.random, no process, no I/O", () => {
    expect(impureLines(engine)).toEqual([]);
  });
});

describe("src/levels imports only the engine and its own modules", () => {
  it("points only at ./, ../engine, zod and yaml; only the loader (and schema writer) touch files", () => {
    const bad = importsOf(sourcesIn("levels")).filter(({ file, spec }) => {
      if (spec.startsWith("./") || spec === "../engine" || spec === "zod" || spec === "yaml") return false;
      return !(spec.startsWith("node:") && (file === "loader.ts" || file === "writeSchemas.ts"));
    });
    expect(bad.map((i) => `${i.file}: ${i.spec}`)).toEqual([]);
  });
});
