import { readdirSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import type { DrillOptions } from "../../src/game/drill";
import { output, tcpTutor } from "./tcpTutor";

/**
 * Options the generator cannot serve are a mistake on the command line. Every topic has every difficulty today, so
 * the generator's check is made to refuse one pair here, as it would for a topic without hard puzzles.
 */
const REASON = 'no drill puzzle for topic "timers" at difficulty 5 (difficulties available for timers: 1, 2, 3, 4)';

vi.mock("../../src/game/drill", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../src/game/drill")>()),
  checkDrillOptions: (o: DrillOptions) => (o.topic === "timers" && o.difficulty === 5 ? REASON : undefined),
}));

describe("drill options the generator cannot serve: its reason, exit 2, before anything else", () => {
  it.each([
    [["drill", "--topic", "timers", "--difficulty", "5"], true],
    [["drill", "--difficulty", "5", "--topic", "timers"], false],
    [["drill", "--print", "--topic", "timers", "--difficulty", "5", "--seed", "1"], false],
  ])("%j (terminal: %s)", async (argv, terminal) => {
    const r = await tcpTutor(argv, { terminal });
    expect(output(r)).toEqual({ code: 2, stdout: "", stderr: `drill: ${REASON} (see tcp-tutor --help)\n` });
    expect(r.played).toBeUndefined();
    expect(readdirSync(r.home)).toEqual([]);
  });

  it("the same topic at another difficulty, and an interview on it (its difficulty rises by itself), are fine", async () => {
    expect((await tcpTutor(["drill", "--topic", "timers", "--difficulty", "4"], { terminal: true })).code).toBe(0);
    expect((await tcpTutor(["drill", "--interview", "--topic", "timers", "--seed", "1"], { terminal: true })).code).toBe(0);
    expect((await tcpTutor(["drill", "--print", "--topic", "timers", "--seed", "1", "--count", "1"])).code).toBe(0);
  });
});
