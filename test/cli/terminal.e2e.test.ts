/**
 * End to end, in a real pseudo-terminal: tmux runs the built program (dist/tcp-tutor.mjs, as `npm start` does),
 * the test sends keys and reads the screen with capture-pane, polling for each expected frame.
 */
import { execFileSync, execSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { questionView, startLevel } from "../../src/game";
import { loadPack } from "../../src/levels/loader";
import { SaveFile } from "../../src/store/saveFile";
import { realFs } from "../fixtures/realFs";

const ROOT = join(import.meta.dirname, "../..");
const BUNDLE = join(ROOT, "dist/tcp-tutor.mjs");
const SOCKET = `tcp-tutor-e2e-${process.pid}`;
const SESSION = "game";

/** tmux, installed when missing where the project's CI runs (Debian, as root); undefined if it cannot be had. */
function ensureTmux(): string | undefined {
  const has = () => spawnSync("sh", ["-c", "command -v tmux"], { encoding: "utf8" }).stdout.trim() || undefined;
  const found = has();
  if (found) return found;
  if (process.getuid?.() === 0 && spawnSync("sh", ["-c", "command -v apt-get"]).status === 0) {
    spawnSync("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux"], {
      stdio: "ignore",
      timeout: 180_000,
    });
  }
  return has();
}

/** The newest modification time among the files the bundle is built from. */
function newestSource(): number {
  const newest = (path: string): number => {
    const s = statSync(path);
    if (!s.isDirectory()) return s.mtimeMs;
    return Math.max(s.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
  };
  return Math.max(newest(join(ROOT, "src")), newest(join(ROOT, "package.json")));
}

function tmux(...args: string[]): string {
  return execFileSync("tmux", ["-L", SOCKET, "-f", "/dev/null", ...args], { encoding: "utf8" });
}

const screen = (): string => tmux("capture-pane", "-p", "-t", SESSION);

/** Polls the screen (every 25 ms) until it satisfies `ok`; fails with the last screen after `timeout` ms. */
async function waitForScreen(ok: (screen: string) => boolean, what: string, timeout = 5000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const s = screen();
    if (ok(s)) return s;
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}; the screen:\n${s}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Sends keys by tmux's names (Enter, Down, C-c) or as literal text, in one write. */
const send = (...keys: string[]) => tmux("send-keys", "-t", SESSION, ...keys);

const tmuxPath = ensureTmux();
const inCi =
  process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false" && process.env.CI !== "0";
if (!tmuxPath && inCi) {
  throw new Error(
    "tmux is missing and could not be installed (apt-get install tmux): the end-to-end test needs it in CI",
  );
}

describe.skipIf(!tmuxPath)("the built game in a real terminal (tmux, 80×24)", () => {
  let thirdChoice = "";
  /** The game's save directory (TCP_TUTOR_HOME): a temporary one, never the real home's. */
  let home = "";

  beforeAll(async () => {
    if (!existsSync(BUNDLE) || statSync(BUNDLE).mtimeMs < newestSource()) {
      execSync("npm run build", { cwd: ROOT, stdio: "ignore" });
    }
    const pack = await loadPack(join(ROOT, "levels"), realFs);
    const level = pack.chapters[0]?.levels[0];
    if (!level) throw new Error("the built-in pack has no first level");
    thirdChoice = questionView(startLevel(level, "en", 0))?.choices[2]?.label ?? "";

    // English, colour on; CI as the test runs (the program must draw all the same); the save in a temporary home.
    home = mkdtempSync(join(tmpdir(), "tcp-tutor-e2e-home-"));
    const { NO_COLOR: _, ...inherited } = process.env;
    const env = { ...inherited, LANG: "C.UTF-8", LC_ALL: "C.UTF-8", TERM: "xterm-256color", TCP_TUTOR_HOME: home };
    execFileSync(
      "tmux",
      [
        "-L",
        SOCKET,
        "-f",
        "/dev/null",
        "new-session",
        "-d",
        "-s",
        SESSION,
        "-x",
        "80",
        "-y",
        "24",
        // The shell reports the game's exit status on the screen once the game has gone, and keeps the pane open.
        `node ${JSON.stringify(BUNDLE)}; printf 'exit status %s\\n' "$?"; sleep 60`,
      ],
      { env, cwd: ROOT },
    );
  }, 60_000);

  afterAll(() => {
    spawnSync("tmux", ["-L", SOCKET, "kill-server"]);
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
