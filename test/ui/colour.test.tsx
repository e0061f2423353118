import "./asInTerminal";
import { restoreColorEnv } from "./forceColor";
import { cleanup } from "ink-testing-library";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type LoadedChapter, loadPack } from "../../src/levels/loader";
import { memoryProgressStore } from "../../src/store/progress";
import { App } from "../../src/ui/app";
import { realFs } from "../fixtures/realFs";
import { frame, KEY, press, renderAt } from "./inkHarness";

let chapters: readonly LoadedChapter[];
beforeAll(async () => {
  chapters = (await loadPack("levels", realFs)).chapters;
});
afterEach(cleanup);
afterAll(restoreColorEnv);

const ESC = "\u001B[";
const plain = (s: string) => s.replace(/\u001B\[[0-9;]*m/g, "");

const app = (color: boolean) =>
  renderAt(
    <App chapters={chapters} store={memoryProgressStore()} lang="en" color={color} notices={[]} now={() => 0} />,
  );

describe("colour", () => {
  it("on: colours, and the same text as without", async () => {
    const on = await app(true);
    const off = await app(false);
    expect(frame(on)).toContain(ESC);
    expect(plain(frame(on))).toBe(frame(off));
  });

  it("off (NO_COLOR, --no-color, settings): not one escape sequence, the pointer still says which item", async () => {
    const r = await app(false);
    expect(frame(r)).not.toContain(ESC);
    expect(frame(r)).toContain("❯ 1. Continue");
  });

  it("the settings switch it while playing on", async () => {
    const r = await app(true);
    await press(r, "6", (f) => f.includes("Colour: on"));
    const f = await press(r, "2", (x) => x.includes("Colour: off"));
    expect(f).not.toContain(ESC);
    expect(await press(r, "2", (x) => x.includes("Colour: on"))).toContain(ESC);
  });

  it("right and wrong are words and symbols, not colour alone", async () => {
    const r = await app(true);
    await press(r, KEY.ENTER);
    await press(r, KEY.ENTER, (f) => f.includes("Question 1 of 5"));
    expect(plain(await press(r, "4", (f) => f.includes("Right")))).toContain("✓ Right");
  });
});
