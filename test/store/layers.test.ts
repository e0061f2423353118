import { describe, expect, it } from "vitest";
import { importsOf, sourcesIn } from "../fixtures/sources";

describe("src/store sits at the edge, below the UI and the CLI", () => {
  it("imports its own modules, the game's and the levels' types and schema, the drill scheduler, the challenge replay, node, conf, env-paths and zod only", () => {
    const allowed = (spec: string, typeOnly: boolean) =>
      spec.startsWith("./") ||
      spec.startsWith("node:") ||
      ["conf", "env-paths", "zod", "../levels/schema"].includes(spec) ||
      // The drill's scheduler decides how a drill answer moves its concept between boxes: a pure function.
      spec === "../game/drill" ||
      // A challenge result file is verified by replaying it: the round's generator and the game's scoring.
      spec === "../game/challenge" ||
      (typeOnly && (spec === "../game" || spec === "../levels/loader"));
    const bad = importsOf(sourcesIn("store")).filter((i) => !allowed(i.spec, i.typeOnly));
    expect(bad.map((i) => `${i.file}: ${i.spec}`)).toEqual([]);
  });
});
