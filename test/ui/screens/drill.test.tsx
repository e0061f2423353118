import "../asInTerminal";
import { cleanup } from "ink-testing-library";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { type LoadedChapter, loadPack } from "../../../src/levels/loader";
import { memoryProgressStore } from "../../../src/store/progress";
import { App } from "../../../src/ui/app";
import type { GameStart } from "../../../src/ui/session";
import { realFs } from "../../fixtures/realFs";
import { frame, KEY, press, renderAt, waitFor } from "../inkHarness";

/**
 * The drill's screens as players see them, exact frames (issue 6): the drill menu, a drill question with its status
 * line, the interview's countdown redrawn by the timer, and its summary. The puzzles come from fixed seeds.
 */
let chapters: readonly LoadedChapter[];
beforeAll(async () => {
  chapters = (await loadPack("levels", realFs)).chapters;
});
afterEach(cleanup);

const NOW = Date.UTC(2025, 2, 14, 12);

/** The app on a clock the test moves (`clock.now`), opened on `start`. */
async function app(lang: "en" | "zh-CN", start?: GameStart, columns = 80, rows = 24) {
  const clock = { now: NOW };
  const store = memoryProgressStore({ now: () => clock.now });
  const r = await renderAt(
    <App
      chapters={chapters}
      store={store}
      lang={lang}
      color={false}
      notices={[]}
      start={start}
      now={() => clock.now}
    />,
    columns,
    rows,
  );
  return { r, clock, store };
}

const lines = (...ls: string[]) => ls.join("\n");
const DRILL: GameStart = { kind: "drill", seed: 42, options: {} };
const INTERVIEW: GameStart = { kind: "interview", seed: 42, count: 3, minutes: 2 };

describe("the drill menu", () => {
  it("from the title menu: how the drill adapts, the endless drill, by topic, the interview round", async () => {
    const { r } = await app("en");
    expect(await press(r, "3")).toBe(
      lines(
        "Drill",
        "",
        "Generated puzzles, without end. Each concept sits in a box from 0 to 5: a miss",
        "puts it in box 0, back within minutes; each right answer moves it up a box, and",
        "it comes back later and later (box 5: in three weeks).",
        "",
        "❯ 1. Endless drill: every topic",
        "  2. Endless drill: one topic…",
        "  3. Interview round: 10 puzzles in 5 min",
        "  4. Back",
        "",
        "↑↓ move · 1–9 pick · Enter choose · ? help · Esc back",
      ),
    );
    expect(await press(r, "2")).toBe(
      lines(
        "Drill one topic",
        "",
        "❯ 1. The three-way handshake",
        "  2. Sending data",
        "  3. Closing: four, three or crossing FINs",
        "  4. Half-close",
        "  5. TIME_WAIT",
        "  6. Resets",
        "  7. Losses and Linux timers",
        "  8. Back",
        "",
        "↑↓ move · 1–9 pick · Enter choose · ? help · Esc back",
      ),
    );
    expect(await press(r, KEY.ESCAPE)).toContain("❯ 2. Endless drill: one topic…");
    expect(await press(r, KEY.ESCAPE)).toContain("❯ 3. Drill");
  });

  it("in Chinese", async () => {
    const { r } = await app("zh-CN");
    expect(await press(r, "3")).toBe(
      lines(
        "练习",
        "",
        "自动生成的题目，永无止境。每个概念都放在 0 到 5 号盒子里：答错就回到 0 号盒，几",
        "分钟内再考；每答对一次升一盒，隔得越来越久再考（5 号盒：三周后）。",
        "",
        "❯ 1. 无尽练习：全部主题",
        "  2. 无尽练习：选一个主题…",
        "  3. 面试模拟：5 分钟内 10 道题",
        "  4. 返回",
        "",
        "↑↓ 移动 · 1–9 直接选 · Enter 选择 · ? 帮助 · Esc 返回",
      ),
    );
    expect(await press(r, "2")).toContain("  3. 关闭：四次、三次与交错的 FIN\n  4. 半关闭");
  });
});

describe("the endless drill", () => {
  it("the introduction, then the question under the status line: topic, tally, difficulty, concept, box", async () => {
    const { r } = await app("en", DRILL);
    expect(frame(r)).toBe(
      lines(
        "Drill › Half-close                                      0 done · 0 right · 0 pts",
        "",
        "Difficulty 1 of 5 · FIN_WAIT_1 (new)",
        "",
        "Closing one direction",
        "A connection (client ISN 58300, server ISN 63700). The client sends 809 bytes.",
        "Then the client calls shutdown(SHUT_WR): it will send nothing more, but keeps",
        "reading. A second later the server writes 945 bytes, then 1042, and then closes.",
        "",
        "Enter continue · ? help · Esc back",
      ),
    );
    expect(await press(r, KEY.ENTER)).toBe(
      lines(
        "Drill › Half-close                                      0 done · 0 right · 0 pts",
        "",
        "Difficulty 1 of 5 · FIN_WAIT_1 (new)",
        "",
        "               client                                          server",
        "⋮ 3 earlier lines",
        "                  │          SYN+ACK seq=63700 ack=58301          │ SYN_RECEIVED",
        "                  │◀──────────────────────────────────────────────│",
        "      ESTABLISHED │            ACK seq=58301 ack=63701            │",
        "                  │──────────────────────────────────────────────▶│",
        "                  │      PSH+ACK seq=58301 ack=63701 len=809      │ ESTABLISHED",
        "                  │──────────────────────────────────────────────▶│",
        "                  │            ACK seq=63701 ack=59110            │",
        "                  │◀──────────────────────────────────────────────│",
        "",
        "Next: The client calls shutdown(SHUT_WR).",
        "What state does the client enter next?",
        "❯ 1. CLOSE_WAIT",
        "  2. ESTABLISHED",
        "  3. FIN_WAIT_1",
        "  4. FIN_WAIT_2",
        "",
        "↑↓ move · 1–9 pick · Enter choose · s state diagram · ? help · Esc back",
      ),
    );
  });

  it("the feedback as in the campaign; the concept's new box; Esc: the menu says what the drill came to", async () => {
    const { r, store } = await app("en", DRILL);
    await press(r, KEY.ENTER);
    const f = (await press(r, "1")).split("\n");
    expect(f.slice(0, 3)).toEqual([
      "Drill › Half-close                                      1 done · 0 right · 0 pts",
      "",
      "Difficulty 1 of 5 · FIN_WAIT_1 (new → box 0)",
    ]);
    expect(f).toContain("✗ Wrong · you chose CLOSE_WAIT");
    expect(f).toContain("Answer: FIN_WAIT_1");
    expect(f.at(-1)).toBe("Enter continue · s state diagram · ? help · Esc back");
    expect(store.load().drill["fin-wait-1"]).toMatchObject({ box: 0, wrong: 1 });
    const next = await press(r, KEY.ENTER);
    expect(next.split("\n")[0]).toMatch(/^Drill › .* {2,}1 done · 0 right · 0 pts$/);
    expect(await press(r, KEY.ESCAPE)).toContain("❯ 1. Endless drill: every topic\n  2. Endless drill: one topic…");
    expect(frame(r)).toContain("  4. Back\n\nLast drill: 1 puzzle, 0 right, 0 points.\n");
  });

  it("in Chinese", async () => {
    const { r } = await app("zh-CN", DRILL);
    expect(await press(r, KEY.ENTER)).toBe(
      lines(
        "练习 › 半关闭                                             已做 0 · 答对 0 · 0 分",
        "",
        "难度 1/5 · FIN_WAIT_1 状态（新）",
        "",
        "               客户端                                          服务器",
        "⋮ 前面还有 3 行",
        "                  │          SYN+ACK seq=63700 ack=58301          │ SYN_RECEIVED",
        "                  │◀──────────────────────────────────────────────│",
        "      ESTABLISHED │            ACK seq=58301 ack=63701            │",
        "                  │──────────────────────────────────────────────▶│",
        "                  │      PSH+ACK seq=58301 ack=63701 len=809      │ ESTABLISHED",
        "                  │──────────────────────────────────────────────▶│",
        "                  │            ACK seq=63701 ack=59110            │",
        "                  │◀──────────────────────────────────────────────│",
        "",
        "接下来：客户端调用 shutdown(SHUT_WR)。",
        "客户端接下来进入什么状态？",
        "❯ 1. CLOSE_WAIT",
        "  2. ESTABLISHED",
        "  3. FIN_WAIT_1",
        "  4. FIN_WAIT_2",
        "",
        "↑↓ 移动 · 1–9 直接选 · Enter 选择 · s 状态图 · ? 帮助 · Esc 返回",
      ),
    );
    expect((await press(r, "3")).split("\n").slice(0, 3)).toEqual([
      "练习 › 半关闭                                           已做 1 · 答对 1 · 120 分",
      "",
      "难度 1/5 · FIN_WAIT_1 状态（新 → 1 号盒）",
    ]);
  });
});

describe("the interview round", () => {
  /** The round at 60×20: the first question open, then the clock moved on and a timer tick awaited. */
  async function countdown(lang: "en" | "zh-CN") {
    const round = await app(lang, INTERVIEW, 60, 20);
    await press(round.r, KEY.ENTER);
    round.clock.now = NOW + 83_000;
    const f = await waitFor(round.r, (x) => x.includes("0:37"), 3000);
    return { ...round, f };
  }

  it("the countdown in the title, redrawn by the timer without a key; no hint, no diagram", async () => {
    const { f } = await countdown("en");
    expect(f).toBe(
      lines(
        "Interview › TIME_WAIT              Puzzle 1 of 3 · 0:37 left",
        "",
        "Difficulty 1 of 5",
        "",
        "                  client                   server",
        "⋮ 30 earlier lines",
        "t=1s                 │   FIN+ACK seq=58613    │ LAST_ACK",
        "                     │       ack=68611        │",
        "                     │◀───────────────────────│",
        "",
        "Next: Segment 10 (FIN+ACK seq=58613 ack=68611) arrives at",
        "the client.",
        "What state does the client enter next?",
        "❯ 1. CLOSED",
        "  2. FIN_WAIT_2",
        "  3. LAST_ACK",
        "  4. TIME_WAIT",
        "",
        "↑↓ move · 1–9 pick · Enter choose · ? help · Esc back",
      ),
    );
  });

  it("each introduction says what the round leaves out", async () => {
    const { r } = await app("en", INTERVIEW);
    expect(frame(r).split("\n").slice(0, 7)).toEqual([
      "Interview › TIME_WAIT                                  Puzzle 1 of 3 · 2:00 left",
      "",
      "Difficulty 1 of 5",
      "",
      "An interview round: no hints, and no feedback until the end. Each answer opens",
      "the next question; Esc ends the round early.",
      "",
    ]);
  });

  it("time up: the summary; score, answers, time, the weak concepts with what to read and their sources", async () => {
    const { r, clock } = await countdown("en");
    await press(r, "1", (x) => x.includes("Puzzle 2 of 3"));
    clock.now = NOW + 120_000;
    const f = await waitFor(r, (x) => x.includes("summary"), 3000);
    expect(f).toBe(
      lines(
        "Interview round: summary",
        "",
        "Score     0 points",
        "Accuracy  0 of 3 right (0%)",
        "Answered  1 of 3 questions",
        "Time      2 min: time ran out",
        "",
        "To read: 2 weak concepts",
        "✗ the active closer: 1 wrong, 0 right",
        "  The active closer does not close at once after its last",
        "  ACK: it waits in TIME_WAIT for 2MSL, in case that ACK is",
        "  lost and the peer's FIN comes again, and so old segments",
        "  die out.",
        "  TIME_WAIT. The client closed first, and now the server's",
        "  FIN arrives. The client acknowledges it and does not close",
        "  at once: it waits in TIME_WAIT, in case that last ACK is…",
        "⋮ 1 more below",
        "",
        "↑↓ scroll · Enter continue · ? help · Esc back",
      ),
    );
    const scrolled = await press(r, KEY.DOWN);
    expect(scrolled.split("\n").slice(7, 10)).toEqual([
      "To read: 2 weak concepts",
      "⋮ 1 more above",
      "✗ TIME_WAIT: 1 wrong, 0 right",
    ]);
    expect(await press(r, KEY.ENTER)).toContain("❯ 3. Interview round: 10 puzzles in 5 min");
  });

  it("in Chinese", async () => {
    const { r, clock, f } = await countdown("zh-CN");
    expect(f.split("\n").slice(0, 3)).toEqual([
      "面试 › TIME_WAIT 状态                  第 1/3 题 · 剩余 0:37",
      "",
      "难度 1/5",
    ]);
    await press(r, "1", (x) => x.includes("第 2/3 题"));
    clock.now = NOW + 120_000;
    expect(await waitFor(r, (x) => x.includes("总结"), 3000)).toBe(
      lines(
        "面试模拟：总结",
        "",
        "得分    0 分",
        "正确率  答对 0/3（0%）",
        "已答    1/3 问",
        "用时    2 分钟：时间到",
        "",
        "需要阅读：2 个薄弱概念",
        "✗ 主动关闭方：答错 1，答对 0",
        "  主动关闭方发出最后的 ACK 后并不立即关闭：它在 TIME_WAIT 中",
        "  等待 2MSL，以防这个 ACK 丢失、对方重发 FIN，也让旧连接的报",
        "  文在网络中消失。",
        "  TIME_WAIT。客户端先关闭，现在服务器的 FIN 到了。客户端确认",
        "  这个 FIN，但不会立即关闭：它在 TIME_WAIT 中等待，以防最后",
        "  这个 ACK 丢失、对方再发 FIN。",
        "  出处：RFC 9293 §3.6 · RFC 9293 §3.10.7.4",
        "⋮ 下面还有 1 个",
        "",
        "↑↓ 滚动 · Enter 继续 · ? 帮助 · Esc 返回",
      ),
    );
  });

  it("Esc ends the round early, to its summary", async () => {
    const { r, clock } = await app("en", INTERVIEW);
    await press(r, KEY.ENTER);
    clock.now = NOW + 12_000;
    const f = await press(r, KEY.ESCAPE, (x) => x.includes("summary"));
    expect(f).toContain(
      "Answered  0 of 3 questions\nTime      12 s of 2 min\n\nNothing to read: every answer given was right.",
    );
    expect(await press(r, KEY.ESCAPE)).toContain("❯ 3. Interview round");
    expect(await press(r, KEY.ESCAPE)).toContain("❯ 3. Drill");
  });
});

