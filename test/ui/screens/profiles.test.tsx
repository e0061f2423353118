import "../asInTerminal";
import { cleanup } from "ink-testing-library";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { type LoadedChapter, loadPack } from "../../../src/levels/loader";
import { emptyProfile } from "../../../src/store/profile";
import { memoryProgressStore, type ProgressStore } from "../../../src/store/progress";
import { SaveError } from "../../../src/store/saveFile";
import type { Profile } from "../../../src/store/schema";
import { App } from "../../../src/ui/app";
import { realFs } from "../../fixtures/realFs";
import { frame, KEY, press, type Rendered, renderAt } from "../inkHarness";

let chapters: readonly LoadedChapter[];
beforeAll(async () => {
  chapters = (await loadPack("levels", realFs)).chapters;
});
afterEach(cleanup);

/** The game on a save with two profiles, "ana" (who plays in Chinese) and "default", playing "default". */
function app(lang: "en" | "zh-CN" = "en", columns = 80, rows = 24): Promise<Rendered> {
  const ana: Profile = { ...emptyProfile(0), settings: { lang: "zh-CN" } };
  const store = memoryProgressStore({ now: () => 0, profiles: new Map([["ana", ana]]) });
  return renderAt(
    <App chapters={chapters} store={store} lang={lang} color={false} notices={[]} now={() => 0} />,
    columns,
    rows,
  );
}

describe("the profile switcher", () => {
  it("lists every profile, the one played marked and under the cursor", async () => {
    const r = await app();
    expect(await press(r, "7", (f) => f.includes("Profiles"))).toBe(
      [
        "Profiles",
        "",
        "  1. ana",
        "❯ 2. default (playing)",
        "  3. New profile…",
        "  4. Back",
        "",
        "Each profile keeps its own progress and settings.",
        "",
        "↑↓ move · 1–9 pick · Enter choose · ? help · Esc back",
      ].join("\n"),
    );
  });

  it("in Chinese", async () => {
    const r = await app("zh-CN");
    expect(await press(r, "7", (f) => f.includes("新建档案"))).toBe(
      [
        "档案",
        "",
        "  1. ana",
        "❯ 2. default（当前）",
        "  3. 新建档案…",
        "  4. 返回",
        "",
        "每个档案各自保存进度和设置。",
        "",
        "↑↓ 移动 · 1–9 直接选 · Enter 选择 · ? 帮助 · Esc 返回",
      ].join("\n"),
    );
  });

  it("choosing a profile plays it, in its own language: the menu says which", async () => {
    const r = await app();
    await press(r, "7", (f) => f.includes("Profiles"));
    const f = await press(r, "1", (x) => x.includes("档案：ana"));
    const lines = f.split("\n");
    expect(lines.slice(0, 4)).toEqual(["tcp-tutor", "", "通过预测来学习 TCP 状态机。", "档案：ana"]);
    expect(f).toContain("❯ 7. 切换档案");
  });

  it("warns that switching drops the level left in the middle", async () => {
    const r = await app();
    await press(r, KEY.ENTER, (f) => f.includes("Difficulty"));
    await press(r, KEY.ENTER, (f) => f.includes("Question 1 of 5"));
    await press(r, KEY.ESCAPE, (f) => f.includes("The first SYN"));
    await press(r, KEY.ESCAPE, (f) => f.includes("Campaign"));
    await press(r, KEY.ESCAPE, (f) => f.includes("Resume"));
    expect(await press(r, "7", (f) => f.includes("Profiles"))).toContain(
      "Switching leaves “The first SYN” unfinished: its answers so far are not kept.",
    );
  });
});

describe("what the store refuses, said on the screen", () => {
  const refusing = (): ProgressStore => {
    const store = memoryProgressStore({ now: () => 0, profiles: new Map([["ana", emptyProfile(0)]]) });
    return {
      ...store,
      switchTo: () => {
        throw new SaveError("cannot lock /x/progress.json.lock");
      },
    };
  };

  it("a switch: the list stays, the profile too", async () => {
    const r = await renderAt(
      <App chapters={chapters} store={refusing()} lang="en" color={false} notices={[]} now={() => 0} />,
    );
    await press(r, "7", (f) => f.includes("Profiles"));
    const f = await press(r, "1", (x) => x.includes("Could not"));
    expect(f).toContain("❯ 1. ana\n  2. default (playing)");
    expect(f).toContain("Could not switch profiles: cannot lock /x/progress.json.lock");
  });

  it("a new profile, in Chinese", async () => {
    const r = await renderAt(
      <App chapters={chapters} store={refusing()} lang="zh-CN" color={false} notices={[]} now={() => 0} />,
    );
    await press(r, "7", (f) => f.includes("新建档案"));
    await press(r, "3", (f) => f.includes("名称："));
    await press(r, "bo", (f) => f.includes("bo█"));
    expect(await press(r, KEY.ENTER, (f) => f.includes("无法"))).toContain(
      "无法切换档案：cannot lock /x/progress.json.lock",
    );
  });

  it("reading the profiles", async () => {
    const store: ProgressStore = {
      ...memoryProgressStore(),
      profiles: () => {
        throw new SaveError("cannot read /x/progress.json: EACCES");
      },
    };
    const r = await renderAt(<App chapters={chapters} store={store} lang="en" color={false} notices={[]} />);
    const f = await press(r, "7", (x) => x.includes("Profiles"));
    expect(f).toContain("❯ 1. default (playing)\n  2. New profile…");
    expect(f).toContain("Could not read the profiles: cannot read /x/progress.json: EACCES");
  });
});

describe("a new profile", () => {
  it("the name field, empty, with what a name can be", async () => {
    const r = await app("en", 60, 20);
    await press(r, "7", (f) => f.includes("Profiles"));
    expect(await press(r, "3", (f) => f.includes("New profile"))).toBe(
      [
        "New profile",
        "",
        "Name: █",
        "",
        "1 to 32 letters (of any script), digits, _ . or -, starting",
        "with a letter or a digit.",
        "",
        "Enter choose · Backspace erase · Esc back",
      ].join("\n"),
    );
  });

  it("Chinese typed, Backspace (DEL, as terminals send it), an invalid name refused, then created", async () => {
    const r = await app("zh-CN");
    await press(r, "7", (f) => f.includes("新建档案"));
    await press(r, "3", (f) => f.includes("名称："));
    expect(await press(r, "张三 ", (f) => f.includes("张三 █"))).toContain("名称：张三 █");
    expect(await press(r, KEY.ENTER, (f) => f.includes("不能"))).toBe(
      [
        "新建档案",
        "",
        "名称：张三 █",
        "",
        "1 到 32 个字符：字母（任何文字均可）、数字、_ . 或 -，以字母或数字开头。",
        "",
        "名称中不能有“ ”。",
        "",
        "Enter 选择 · 退格 删除 · Esc 返回",
      ].join("\n"),
    );
    expect(await press(r, "\u007f", (f) => f.includes("张三█"))).not.toContain("不能");
    const menu = await press(r, KEY.ENTER, (f) => f.includes("档案：张三"));
    expect(menu).toContain("❯ 7. 切换档案");
    expect(await press(r, "7", (f) => f.includes("新建档案"))).toContain("❯ 3. 张三（当前）");
  });

  it("q and ? type themselves; Esc goes back to the list", async () => {
    const r = await app();
    await press(r, "7", (f) => f.includes("Profiles"));
    await press(r, "3", (f) => f.includes("Name:"));
    expect(await press(r, "q?", (f) => f.includes("q?"))).toContain("Name: q?█");
    expect(await press(r, KEY.ESCAPE, (f) => f.includes("Profiles"))).toContain("❯ 3. New profile…");
    expect(frame(r)).not.toContain("q?");
  });
});
