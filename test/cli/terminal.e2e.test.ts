/**
 * End to end, in a real pseudo-terminal: tmux runs the built program (dist/tcp-tutor.mjs, as `npm start` does),
 * the test sends keys and reads the screen with capture-pane, polling for each expected frame.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { questionView, startLevel } from "../../src/game";
import { loadPack } from "../../src/levels/loader";
import { SaveFile } from "../../src/store/saveFile";
import { realFs } from "../fixtures/realFs";
import { BUNDLE, ensureBuilt, ROOT, Terminals, terminalEnv, tmuxOrFail } from "../fixtures/tmux";

const SESSION = "game";
const terminals = new Terminals();
const waitForScreen = (ok: (screen: string) => boolean, what: string, timeout = 5000) =>
  terminals.waitFor(SESSION, ok, what, timeout);
const send = (...keys: string[]) => terminals.send(SESSION, ...keys);

const tmuxPath = tmuxOrFail();

describe.skipIf(!tmuxPath)("the built game in a real terminal (tmux, 80×24)", () => {
  let thirdChoice = "";
  /** The game's save directory (TCP_TUTOR_HOME): a temporary one, never the real home's. */
  let home = "";

  beforeAll(async () => {
    ensureBuilt();
    const pack = await loadPack(join(ROOT, "levels"), realFs);
    const level = pack.chapters[0]?.levels[0];
    if (!level) throw new Error("the built-in pack has no first level");
    thirdChoice = questionView(startLevel(level, "en", 0))?.choices[2]?.label ?? "";

    // English, colour on; CI as the test runs (the program must draw all the same); the save in a temporary home.
    home = mkdtempSync(join(tmpdir(), "tcp-tutor-e2e-home-"));
    terminals.open(SESSION, `node ${JSON.stringify(BUNDLE)}`, terminalEnv(home));
  }, 60_000);

  afterAll(() => {
    terminals.close();
    if (home !== "") rmSync(home, { recursive: true, force: true });
  });

  it("plays the first level to its result screen, then quits cleanly", async () => {
    const menu = await waitForScreen((s) => s.includes("Continue: The first SYN"), "the main menu");
    expect(menu.split("\n")[0]).toBe("tcp-tutor");

    send("Enter");
    await waitForScreen((s) => s.includes("Difficulty"), "the level's introduction");
    send("Enter");
    await waitForScreen((s) => s.includes("Question 1 of 5"), "the first question");

    // Down, Down, Enter in one write: the third choice is the one answered.
    send("Down", "Down", "Enter");
    const first = await waitForScreen((s) => /[✓✗] (Right|Wrong)/.test(s), "the first answer's verdict");
    if (first.includes("Wrong")) expect(first).toContain(`you chose ${thirdChoice}`);

    for (let n = 2; n <= 5; n++) {
      send("Enter");
      await waitForScreen((s) => s.includes(`Question ${n} of 5`), `question ${n}`);
      send("1");
      await waitForScreen(
        (s) => s.includes(`Question ${n} of 5`) && /[✓✗] (Right|Wrong)/.test(s),
        `the verdict on question ${n}`,
      );
    }
    send("Enter");
    const result = await waitForScreen((s) => s.includes("Level complete: The first SYN"), "the result screen");
    expect(result).toMatch(/Score +\d+ \/ \d+/);
    expect(result).toMatch(/Stars +[★☆]{3}/);
    expect(result).toMatch(/Accuracy +\d of 5 right/);
    expect(result).toContain("Retry this level");
    // Drawn from the top: no frame was ever taller than the terminal (it would have scrolled).
    expect(result.split("\n")[0]).toBe("Level complete: The first SYN");

    send("C-c");
    const after = await waitForScreen((s) => /exit status \d+/.test(s), "the program to exit");
    expect(after).toMatch(/exit status 0\n/);
    // The game's last frame is gone: nothing of it is left on the screen.
    expect(after).not.toContain("Level complete");
    // The level played is saved, where TCP_TUTOR_HOME said.
    expect(readdirSync(home)).toContain("progress.json");
    const saved = SaveFile.open(home).profile("default");
    expect(saved.levels["handshake-first-syn"]).toMatchObject({ attempts: 1 });
    expect(saved.totals.answered).toBe(5);
  }, 20_000);
});
