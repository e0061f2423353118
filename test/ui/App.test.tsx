import "./asInTerminal";
import { cleanup } from "ink-testing-library";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { questionView, startLevel } from "../../src/game";
import { type LoadedChapter, loadPack } from "../../src/levels/loader";
import { memoryProgressStore, type ProgressStore } from "../../src/store/progress";
import { SaveError } from "../../src/store/saveFile";
import { App } from "../../src/ui/app";
import { renderLadder } from "../../src/ui/ladder";
import { widthOf } from "../../src/ui/text";
import { realFs } from "../fixtures/realFs";
import { frame, KEY, press, type Rendered, renderAt, resize, waitFor } from "./inkHarness";

let chapters: readonly LoadedChapter[];
beforeAll(async () => {
  chapters = (await loadPack("levels", realFs)).chapters;
});
afterEach(cleanup);

/** The app on the built-in pack, nothing played yet, on a clock that stands still (answer times are 0). */
function app(lang: "en" | "zh-CN" = "en", columns = 80, rows = 24): Promise<Rendered> {
  return renderAt(
    <App chapters={chapters} store={memoryProgressStore()} lang={lang} color={false} notices={[]} now={() => 0} />,
    columns,
    rows,
  );
}

const firstLevel = () => chapters[0]?.levels[0] ?? expect.unreachable("the built-in pack has levels");
/** The first question of the first level, as the game poses it. */
const firstQuestion = (lang: "en" | "zh-CN" = "en") =>
  questionView(startLevel(firstLevel(), lang, 0)) ?? expect.unreachable();

/** From the main menu to the first level's first question: Continue, then start. */
async function toFirstQuestion(r: Rendered, started = "Question 1 of 5"): Promise<string> {
  await press(r, KEY.ENTER, (f) => f.includes(firstLevel().level.intro.en.slice(0, 20)) || f.includes("难度"));
  return press(r, KEY.ENTER, (f) => f.includes(started));
}

describe("the title screen", () => {
  it("the main menu at 80×24, exactly", async () => {
    const r = await app();
    expect(frame(r)).toBe(
      [
        "tcp-tutor",
        "",
        "Learn the TCP state machine by predicting it.",
        "Profile: default",
        "",
        "❯ 1. Continue: The first SYN",
        "  2. Campaign",
        "  3. Drill",
        "  4. Challenge",
        "  5. Stats",
        "  6. Settings",
        "  7. Profile",
        "  8. Help",
        "  9. Quit",
        "",
        "↑↓ move · 1–9 pick · Enter choose · ? help · Ctrl+C quit",
      ].join("\n"),
    );
  });

  it("in Chinese", async () => {
    const r = await app("zh-CN");
    const lines = frame(r).split("\n");
    expect(lines.slice(0, 7)).toEqual([
      "tcp-tutor",
      "",
      "通过预测来学习 TCP 状态机。",
      "档案：default",
      "",
      "❯ 1. 继续：第一个 SYN",
      "  2. 闯关",
    ]);
    expect(lines).toContain("  7. 切换档案");
    expect(lines.at(-1)).toBe("↑↓ 移动 · 1–9 直接选 · Enter 选择 · ? 帮助 · Ctrl+C 退出");
  });

  it("4: the challenge says how to play one (from the command line); Esc goes back", async () => {
    const r = await app();
    const frame = await press(r, "4");
    expect(frame).toContain("You play it with: tcp-tutor challenge CODE --name YOUR-NAME");
    expect(frame).toContain("Your teacher makes a code with: tcp-tutor challenge new");
    expect(await press(r, KEY.ESCAPE)).toContain("❯ 4.");
  });

  it("the challenge's how-to in Chinese too", async () => {
    const r = await app("zh-CN");
    expect(await press(r, "4")).toContain("你用这条命令参加：tcp-tutor challenge 挑战码 --name 你的名字");
  });
});

describe("fast typing never chooses what the player did not", () => {
  it("↓ ↓ ↓ Enter in ONE chunk on the menu opens the fourth item", async () => {
    const r = await app();
    expect(await press(r, `${KEY.DOWN}${KEY.DOWN}${KEY.DOWN}${KEY.ENTER}`)).toContain(
      "You play it with: tcp-tutor challenge CODE",
    );
  });

  it("↓ ↓ Enter in ONE chunk on a question submits the third choice", async () => {
    const r = await app();
    await toFirstQuestion(r);
    const third = firstQuestion().choices[2]?.label ?? expect.unreachable();
    r.stdin.write(`${KEY.DOWN}${KEY.DOWN}${KEY.ENTER}`);
    const f = await waitFor(r, (x) => x.includes("Wrong") || x.includes("Right"));
    expect(f).toContain(`you chose ${third}`);
  });

  it("Esc and a key in one chunk (as terminals send Alt+key) are both applied", async () => {
    const r = await app();
    await press(r, "?", (f) => f.includes("Keys"));
    expect(await press(r, `${KEY.ESCAPE}4`, (f) => f.includes("You play it"))).toContain(
      "You play it with: tcp-tutor challenge CODE",
    );
  });

  it("j j Enter typed as one chunk of text does the same", async () => {
    const r = await app();
    await toFirstQuestion(r);
    const third = firstQuestion().choices[2]?.label ?? expect.unreachable();
    expect(await press(r, "jj\r", (f) => f.includes("you chose"))).toContain(`you chose ${third}`);
  });
});

describe("playing a level", () => {
  it("the question: the ladder so far (exact lines), what happens next, the prompt, the numbered choices", async () => {
    const r = await app();
    const f = await toFirstQuestion(r);
    const q = firstQuestion();
    const lines = f.split("\n");
    expect(lines[0]).toBe(`The three-way handshake › The first SYN${" ".repeat(18)}Question 1 of 5 · 0 pts`);
    const ladder = renderLadder(q.shown, { width: 80 });
    expect(ladder).toEqual([
      "               client                                          server",
      "           CLOSED │                                               │ CLOSED",
      "t=0s              │                                               │ LISTEN",
    ]);
    expect(lines.slice(2, 2 + ladder.length)).toEqual(ladder);
    expect(f).toContain(`Next: ${q.next}`);
    expect(f).toContain("❯ 1. ESTABLISHED\n  2. LISTEN\n  3. SYN_RECEIVED\n  4. SYN_SENT");
    expect(lines.at(-1)).toBe("↑↓ move · 1–9 pick · Enter choose · h hint · s state diagram · ? help · Esc back");
    expect(lines.length).toBeLessThanOrEqual(23);
  });

  it("arrows and j/k move the pointer; Enter answers; right in words, the answer, the explanation, its sources", async () => {
    const r = await app();
    await toFirstQuestion(r);
    expect(await press(r, KEY.DOWN)).toContain("❯ 2. LISTEN");
    expect(await press(r, "k")).toContain("❯ 1. ESTABLISHED");
    await press(r, KEY.UP, (f) => f.includes("❯ 4. SYN_SENT"));
    const f = await press(r, KEY.ENTER, (x) => x.includes("Right"));
    expect(f).toContain("✓ Right · +120 points");
    expect(f).toContain("Answer: SYN_SENT");
    expect(f).toContain("connect() sends a SYN carrying the client's ISN, 1000");
    expect(f).toContain("Source: RFC 9293 §3.5 · RFC 9293 §3.3.2");
    // The diagram grows: the client's new state is drawn.
    expect(f).toContain("         SYN_SENT │");
    expect(f.split("\n").at(-1)).toBe("Enter continue · s state diagram · ? help · Esc back");
  });

  it("a wrong choice: ✗ Wrong, what was chosen, the right answer and the misconception behind the choice", async () => {
    const r = await app();
    await toFirstQuestion(r);
    await press(r, "4", (f) => f.includes("Right"));
    await press(r, KEY.ENTER, (f) => f.includes("Question 2 of 5"));
    // The server's state after the SYN: ESTABLISHED is the misconception that skips SYN_RECEIVED.
    const f = await press(r, "1", (x) => x.includes("Wrong"));
    expect(f).toContain("✗ Wrong · you chose ESTABLISHED");
    expect(f).toContain("Answer: SYN_RECEIVED");
    expect(f).toMatch(/Misconception: \S/);
  });

  it("Enter and space advance; the level ends on its result screen", async () => {
    const r = await app();
    await toFirstQuestion(r);
    for (let n = 1; n <= 5; n++) {
      await press(r, "1", (f) => f.includes("Wrong") || f.includes("Right"));
      const next =
        n < 5 ? (f: string) => f.includes(`Question ${n + 1} of 5`) : (f: string) => f.includes("Level complete");
      await press(r, n % 2 === 0 ? KEY.SPACE : KEY.ENTER, next);
    }
    const f = frame(r);
    expect(f).toContain("Level complete: The first SYN");
    expect(f).toMatch(/Score +\d+ \/ 720/);
    expect(f).toMatch(/Stars +[★☆]{3} {2}\d of 3/);
    expect(f).toMatch(/Accuracy +\d of 5 right \(\d+%\)/);
    expect(f).toMatch(/Time +0 s/);
    expect(f).toContain("To review:");
    expect(f).toContain("Retry this level");
  });

  it("h shows the hint and costs half the points", async () => {
    const r = await app();
    await toFirstQuestion(r);
    const f = await press(r, "h", (x) => x.includes("Hint:"));
    expect(f).toContain("Hint: The state is named after what the client has just done.");
    expect(f).not.toContain("h hint");
    expect(await press(r, "4", (x) => x.includes("Right"))).toContain("✓ Right · +60 points");
  });

  it("s shows the state diagram with both sides' states marked [C] and [S]; s again hides it", async () => {
    const r = await app();
    await toFirstQuestion(r);
    const f = await press(r, "s", (x) => x.includes("RFC 9293"));
    expect(f).toContain("[C] client: CLOSED    [S] server: LISTEN");
    expect(f).toContain("[C] CLOSED");
    expect(f).toContain("LISTEN [S]");
    expect(f.split("\n").length).toBeLessThanOrEqual(23);
    expect(f.split("\n").every((l) => widthOf(l) <= 80)).toBe(true);
    expect(await press(r, "s")).toContain("Question 1 of 5");
  });

  it("Esc leaves the level; Continue resumes it where it was", async () => {
    const r = await app();
    await toFirstQuestion(r);
    await press(r, "4", (f) => f.includes("Right"));
    await press(r, KEY.ENTER, (f) => f.includes("Question 2 of 5"));
    expect(await press(r, KEY.ESCAPE)).toContain("❯ 1. ☆☆☆ The first SYN");
    await press(r, KEY.ESCAPE, (f) => f.includes("Campaign"));
    expect(await press(r, KEY.ESCAPE)).toContain("  1. Resume: The first SYN (question 2 of 5)");
    expect(await press(r, "1")).toContain("Question 2 of 5 · 120 pts");
  });

  it("plays in Chinese, the ladder lined up by display width", async () => {
    const r = await app("zh-CN");
    const f = await toFirstQuestion(r, "第 1/5 题");
    const lines = f.split("\n");
    expect(lines[2]).toBe("               客户端                                          服务器");
    expect(f).toContain(`接下来：${firstQuestion("zh-CN").next}`);
    expect(lines.every((l) => widthOf(l) <= 80)).toBe(true);
    const g = await press(r, "4", (x) => x.includes("答对了"));
    expect(g).toContain("✓ 答对了 · +120 分");
    expect(g).toContain("正确答案：SYN_SENT");
    expect(g).toContain("出处：RFC 9293 §3.5 · RFC 9293 §3.3.2");
  });
});

describe("campaign, help, settings", () => {
  it("chapters with progress bars; a locked level says why", async () => {
    const r = await app();
    const f = await press(r, "2", (x) => x.includes("Campaign"));
    expect(f).toContain("❯ 1. The three-way handshake");
    expect(f).toContain("[░░░░░░░░░░]   0/15 ★  0/5 levels");
    const g = await press(r, KEY.ENTER, (x) => x.includes("The first SYN"));
    expect(g).toContain("❯ 1. ☆☆☆ The first SYN");
    expect(g).toMatch(/ {2}2\. {5}\S.*\(locked\)/);
    expect(await press(r, "2", (x) => x.includes("Locked:"))).toContain(
      "Locked: earn at least one star in “The first SYN” to open this level.",
    );
  });

  it("? shows every key from the key table; Esc returns to where it was", async () => {
    const r = await app();
    const f = await press(r, "?", (x) => x.includes("Keys"));
    for (const line of ["↑ k", "↓ j", "1–9", "Enter", "Enter Space", "h", "s", "?", "Esc q", "Ctrl+C"]) {
      expect(f.split("\n").some((l) => l.startsWith(`  ${line} `))).toBe(true);
    }
    expect(f).toContain("show the hint (halves the points of this answer)");
    expect(await press(r, KEY.ESCAPE)).toContain("❯ 1. Continue");
  });

  it("settings: the language switches every text at once", async () => {
    const r = await app();
    await press(r, "6", (f) => f.includes("Language: English"));
    const f = await press(r, KEY.ENTER, (x) => x.includes("语言"));
    expect(f).toContain("❯ 1. 语言：简体中文");
    expect(await press(r, KEY.ESCAPE)).toContain("❯ 6. 设置");
  });
});

describe("saving", () => {
  /** A store that cannot save, as with a full disk. */
  function fullDisk(): ProgressStore {
    const fail = (): never => {
      throw new SaveError("cannot use the save file /home/ana/.config/tcp-tutor/progress.json: ENOSPC: no space left");
    };
    return { ...memoryProgressStore(), record: fail, saveSettings: fail };
  }

  async function playFirstLevel(r: Rendered, done: string): Promise<string> {
    await toFirstQuestion(r, done === "过关" ? "第 1/5 题" : "Question 1 of 5");
    for (let n = 1; n <= 5; n++) {
      await press(r, "1", (f) => /[✓✗]/.test(f));
      await press(r, KEY.ENTER, (f) => f.includes(n < 5 ? `${n + 1}` : done));
    }
    return frame(r);
  }

  it("a result the store cannot save: one line on the result screen says why, and the game goes on", async () => {
    const r = await renderAt(
      <App chapters={chapters} store={fullDisk()} lang="en" color={false} notices={[]} now={() => 0} />,
    );
    const f = await playFirstLevel(r, "Level complete");
    const lines = f.split("\n");
    expect(lines.filter((l) => l.startsWith("Could not save this result:"))).toEqual([
      "Could not save this result: cannot use the save file",
    ]);
    expect(f).toContain(
      "Could not save this result: cannot use the save file\n" +
        "/home/ana/.config/tcp-tutor/progress.json: ENOSPC: no space left",
    );
    expect(lines.length).toBeLessThanOrEqual(23);
    expect(f).toContain("Retry this level");
    expect(await press(r, KEY.ESCAPE)).toContain("☆ The first SYN");
  });

  it("in Chinese", async () => {
    const r = await renderAt(
      <App chapters={chapters} store={fullDisk()} lang="zh-CN" color={false} notices={[]} now={() => 0} />,
    );
    expect(await playFirstLevel(r, "过关")).toContain("无法保存这次的成绩：cannot use the save file");
  });

  it("settings say where they are saved, or that they could not be", async () => {
    const r = await app();
    expect(await press(r, "6", (f) => f.includes("Settings"))).toContain(
      "Saved in the profile “default”: the game starts this way next time.",
    );
    const broken = await renderAt(
      <App chapters={chapters} store={fullDisk()} lang="en" color={false} notices={[]} now={() => 0} />,
    );
    await press(broken, "6", (f) => f.includes("Settings"));
    expect(await press(broken, "2", (f) => f.includes("Colour: on"))).toContain(
      "Could not save the settings: cannot use the save file",
    );
  });
});

describe("the terminal", () => {
  it("too small: says so instead of drawing, ignores keys but Ctrl+C, and redraws when resized", async () => {
    const r = await app();
    resize(r, 50, 15);
    const f = await waitFor(r, (x) => x.includes("needs at least"));
    expect(f).toBe(
      [
        "The terminal is 50×15; tcp-tutor needs at least",
        "60×20. Enlarge the window, or press Ctrl+C to",
        "quit.",
      ].join("\n"),
    );
    r.stdin.write("3");
    resize(r, 80, 24);
    expect(await waitFor(r, (x) => x.includes("Campaign"))).toContain("❯ 1. Continue");
  });

  it("adapts to a larger terminal: the play screen grows", async () => {
    const r = await app("en", 120, 40);
    const f = await toFirstQuestion(r);
    expect(f.split("\n")[0]).toMatch(/^The three-way handshake › The first SYN {2,}Question 1 of 5 · 0 pts$/);
    expect(widthOf(f.split("\n")[0] ?? "")).toBe(100);
  });

  it("q on the menu quits and leaves an empty frame", async () => {
    const r = await app();
    await press(r, "q", (f) => f === "");
  });

  it("Ctrl+C quits at once from the middle of a level", async () => {
    const r = await app();
    await toFirstQuestion(r);
    await press(r, KEY.CTRL_C, (f) => f === "");
  });
});
