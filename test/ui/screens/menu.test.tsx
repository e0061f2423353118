import "../asInTerminal";
import { cleanup } from "ink-testing-library";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { type LoadedChapter, loadPack } from "../../../src/levels/loader";
import { memoryProgressStore } from "../../../src/store/progress";
import { App } from "../../../src/ui/app";
import { realFs } from "../../fixtures/realFs";
import { frame, type Rendered, renderAt } from "../inkHarness";

let chapters: readonly LoadedChapter[];
beforeAll(async () => {
  chapters = (await loadPack("levels", realFs)).chapters;
});
afterEach(cleanup);

const MOVED =
  "the save file /home/ana/.config/tcp-tutor/progress.json is not valid JSON: it was moved to " +
  "/home/ana/.config/tcp-tutor/progress.json.bad and progress starts fresh";

function app(notices: string[], lang: "en" | "zh-CN" = "en", columns = 80, rows = 24): Promise<Rendered> {
  const store = memoryProgressStore({ profile: "ana", now: () => 0 });
  return renderAt(
    <App chapters={chapters} store={store} lang={lang} color={false} notices={notices} now={() => 0} />,
    columns,
    rows,
  );
}

describe("the title menu", () => {
  it("the profile played, and a notice about the save under the items, wrapped", async () => {
    const r = await app([MOVED]);
    expect(frame(r)).toBe(
      [
        "tcp-tutor",
        "",
        "Learn the TCP state machine by predicting it.",
        "Profile: ana",
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
        "Note: the save file /home/ana/.config/tcp-tutor/progress.json is not valid JSON:",
        "it was moved to /home/ana/.config/tcp-tutor/progress.json.bad and progress",
        "starts fresh",
        "",
        "↑↓ move · 1–9 pick · Enter choose · ? help · Ctrl+C quit",
      ].join("\n"),
    );
  });

  it("at 60×20, in Chinese: the tagline and the blank lines give way to the notice", async () => {
    const r = await app([MOVED], "zh-CN", 60, 20);
    expect(frame(r)).toBe(
      [
        "tcp-tutor",
        "",
        "档案：ana",
        "❯ 1. 继续：第一个 SYN",
        "  2. 闯关",
        "  3. 练习",
        "  4. 挑战",
        "  5. 统计",
        "  6. 设置",
        "  7. 切换档案",
        "  8. 帮助",
        "  9. 退出",
        "注意：the save file",
        "/home/ana/.config/tcp-tutor/progress.json is not valid JSON:",
        "it was moved to",
        "/home/ana/.config/tcp-tutor/progress.json.bad and progress",
        "starts fresh",
        "",
        "↑↓ 移动 · 1–9 直接选 · Enter 选择 · ? 帮助 · Ctrl+C 退出",
      ].join("\n"),
    );
  });
});
