import "../asInTerminal";
import { cleanup } from "ink-testing-library";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { type LoadedChapter, loadPack } from "../../../src/levels/loader";
import { memoryProgressStore } from "../../../src/store/progress";
import type { Profile } from "../../../src/store/schema";
import { App } from "../../../src/ui/app";
import { realFs } from "../../fixtures/realFs";
import { KEY, press, type Rendered, renderAt } from "../inkHarness";
import { playedProfile } from "./playedProfile";

let chapters: readonly LoadedChapter[];
beforeAll(async () => {
  chapters = (await loadPack("levels", realFs)).chapters;
});
afterEach(cleanup);

function app(profile: Profile | undefined, lang: "en" | "zh-CN", columns = 80, rows = 24): Promise<Rendered> {
  const store = memoryProgressStore({ now: () => 0, profiles: new Map(profile ? [["default", profile]] : []) });
  return renderAt(
    <App chapters={chapters} store={store} lang={lang} color={false} notices={[]} now={() => 0} />,
    columns,
    rows,
  );
}

describe("the stats screen", () => {
  it("streak and totals, each chapter's progress, the weakest concepts as many as fit: 80×24", async () => {
    const r = await app(playedProfile(chapters), "en");
    expect(await press(r, "5", (f) => f.includes("Weakest"))).toBe(
      [
        "Stats                                                           Profile: default",
        "",
        "Day streak: 2 (best 5) · Levels: 4/40 · Stars: 9/120 · Answers: 54, 63% right",
        "Points: 4321 · Time: 12 min 34 s",
        "",
        "The three-way handshake  [████░░░░░░]   6/15 ★  3/5 levels",
        "Sending data             [██░░░░░░░░]   3/15 ★  1/5 levels",
        "The four-way close       [░░░░░░░░░░]   0/15 ★  0/5 levels",
        "Half-close               [░░░░░░░░░░]   0/15 ★  0/5 levels",
        "TIME_WAIT                [░░░░░░░░░░]   0/15 ★  0/5 levels",
        "Other ways to close      [░░░░░░░░░░]   0/15 ★  0/5 levels",
        "Resets                   [░░░░░░░░░░]   0/15 ★  0/5 levels",
        "Linux timers and tuning  [░░░░░░░░░░]   0/15 ★  0/5 levels",
        "",
        "Weakest concepts",
        "  time-wait  [███░░░░░░░]  25%  2/8 right",
        "  rst        [█████░░░░░]  50%  4/8 right",
        "  fin        [██████░░░░]  60%  3/5 right",
        "  seq-ack    [███████░░░]  70%  7/10 right",
        "  handshake  [████████░░]  80%  12/15 right",
        "  isn        [████████░░]  83%  5/6 right",
        "",
        "Esc back",
      ].join("\n"),
    );
    expect(await press(r, KEY.ESCAPE)).toContain("❯ 5. Stats");
  });

  it("in Chinese, at 60×20: fewer concepts fit", async () => {
    const r = await app(playedProfile(chapters), "zh-CN", 60, 20);
    expect(await press(r, "5", (f) => f.includes("最薄弱"))).toBe(
      [
        "统计                                           档案：default",
        "",
        "连续天数：2（最长 5） · 关卡：4/40 · 星：9/120",
        "答题：54，正确率 63% · 得分：4321 · 用时：12 分 34 秒",
        "",
        "三次握手            [████░░░░░░]   6/15 ★  3/5 关",
        "数据传输            [██░░░░░░░░]   3/15 ★  1/5 关",
        "四次挥手            [░░░░░░░░░░]   0/15 ★  0/5 关",
        "半关闭              [░░░░░░░░░░]   0/15 ★  0/5 关",
        "TIME_WAIT 状态      [░░░░░░░░░░]   0/15 ★  0/5 关",
        "关闭的其他形式      [░░░░░░░░░░]   0/15 ★  0/5 关",
        "RST 复位            [░░░░░░░░░░]   0/15 ★  0/5 关",
        "Linux 定时器与调优  [░░░░░░░░░░]   0/15 ★  0/5 关",
        "",
        "最薄弱的概念",
        "  time-wait  [███░░░░░░░]  25%  答对 2/8",
        "  rst        [█████░░░░░]  50%  答对 4/8",
        "",
        "Esc 返回",
      ].join("\n"),
    );
  });

  it("nothing played yet says where the concepts will be", async () => {
    const r = await app(undefined, "en");
    const f = await press(r, "5", (x) => x.includes("Stats"));
    expect(f).toContain("Day streak: 0 (best 0) · Levels: 0/40 · Stars: 0/120 · Answers: 0, 0% right");
    expect(f).toContain("No answers yet: once you play, the concepts to practise most are listed here.");
  });

  it("a level just finished counts at once", async () => {
    const r = await app(undefined, "en");
    await press(r, KEY.ENTER, (f) => f.includes("Difficulty"));
    await press(r, KEY.ENTER, (f) => f.includes("Question 1 of 5"));
    for (let n = 1; n <= 5; n++) {
      await press(r, "1", (f) => f.includes("Wrong") || f.includes("Right"));
      await press(r, KEY.ENTER, (f) => f.includes(n < 5 ? `Question ${n + 1} of 5` : "Level complete"));
    }
    for (const on of ["The first SYN", "Campaign", "Continue"]) await press(r, KEY.ESCAPE, (f) => f.includes(on));
    const f = await press(r, "5", (x) => x.includes("Stats"));
    expect(f).toMatch(/Answers: 5, \d+% right/);
    expect(f).toContain("Weakest concepts");
  });
});
