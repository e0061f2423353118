import { renderToString } from "ink";
import { beforeAll, describe, expect, it } from "vitest";
import { type Lang, type PlayState, playReducer, questionView, result, startLevel } from "../../../src/game";
import { type LoadedChapter, loadPack } from "../../../src/levels/loader";
import { FRAME_ROWS } from "../../../src/ui/components/Frame";
import type { Line } from "../../../src/ui/components/Lines";
import { CATALOGUES } from "../../../src/ui/i18n";
import { frameOf, type Size } from "../../../src/ui/layout";
import { diagramLines } from "../../../src/ui/screens/DiagramScreen";
import { helpLines } from "../../../src/ui/screens/HelpScreen";
import { introBody } from "../../../src/ui/screens/IntroScreen";
import { PlayScreen, type PlayScreenProps, playLayout } from "../../../src/ui/screens/PlayScreen";
import { resultBody } from "../../../src/ui/screens/ResultScreen";
import type { PlayScreen as PlayScreenState } from "../../../src/ui/state/app";
import { widthOf } from "../../../src/ui/text";
import { themeFor } from "../../../src/ui/theme";
import { realFs } from "../../fixtures/realFs";

/**
 * Every screen of every level of the built-in pack, in both languages, at the smallest size the game draws in and
 * at 80×24: no frame is taller than the terminal less one row (Ink would clear the whole screen to draw it) and no
 * line is wider than the terminal. Checked on the screens' pure layouts (a frame is its title, a blank line, the
 * body, a blank line and the key hints), and once through Ink to show that the layout is what Ink draws.
 */
let chapters: readonly LoadedChapter[];
beforeAll(async () => {
  chapters = (await loadPack("levels", realFs)).chapters;
});

const SIZES: readonly Size[] = [
  { columns: 60, rows: 20 },
  { columns: 80, rows: 24 },
];
const LANGS: readonly Lang[] = ["en", "zh-CN"];
const theme = themeFor(false);

const text = (line: Line): string => (typeof line === "string" ? line : line.map((p) => p.text).join(""));

function expectFits(lines: readonly Line[], size: Size, what: string): void {
  expect(lines.length, what).toBeLessThanOrEqual(size.rows - 1);
  expect(
    lines.map(text).filter((l) => widthOf(l) > size.columns),
    what,
  ).toEqual([]);
}

/** Every state a level's play screen shows: each question (with its hint shown), the feedback on each answer. */
function playStates(chapter: LoadedChapter, lang: Lang): { state: PlayState; chosen?: string }[] {
  const out: { state: PlayState; chosen?: string }[] = [];
  for (const level of chapter.levels) {
    let s = startLevel(level, lang, 0);
    while (s.phase !== "done") {
      s = playReducer(s, { type: "hint" });
      out.push({ state: s });
      const q = questionView(s);
      // The widest choice, for the widest "you chose …" line.
      const choices = q?.choices ?? [];
      const widest = choices.reduce((a, c, i) => (widthOf(c.label) > widthOf(choices[a]?.label ?? "") ? i : a), 0);
      s = playReducer(s, { type: "answer", choice: widest, now: 0 });
      out.push({ state: s, chosen: choices[widest]?.label ?? "" });
      s = playReducer(s, { type: "next", now: 0 });
    }
  }
  return out;
}

function playProps(
  chapter: LoadedChapter,
  state: PlayState,
  chosen: string | undefined,
  lang: Lang,
  size: Size,
  diagram = false,
): PlayScreenProps {
  const screen: PlayScreenState = {
    kind: "play",
    at: { chapter: 0, level: 0 },
    game: state,
    cursor: 0,
    diagram,
    ...(chosen === undefined ? {} : { chosen }),
  };
  return { screen, chapter, lang, t: CATALOGUES[lang], theme, ...frameOf(size) };
}

describe.each(SIZES)("every screen fits $columns×$rows", (size) => {
  const { width, height } = frameOf(size);

  it.each(LANGS)("every question and every answer of every level, in %s", (lang) => {
    for (const chapter of chapters) {
      for (const { state, chosen } of playStates(chapter, lang)) {
        const layout = playLayout(playProps(chapter, state, chosen, lang, size));
        if (layout.kind !== "frame") throw new Error("expected the play frame");
        const what = `${state.level.level.id} question ${state.current + 1} (${state.phase})`;
        expectFits([layout.title, "", ...layout.body, "", "hints"], size, what);
        expect(layout.body.length + FRAME_ROWS, what).toBeLessThanOrEqual(height);
      }
    }
  });

  it.each(LANGS)("the state diagram, in %s", (lang) => {
    const level = chapters[0]?.levels[0];
    if (!level) throw new Error("no level");
    const shown = questionView(startLevel(level, lang, 0))?.shown ?? expect.unreachable();
    expectFits(diagramLines({ shown, t: CATALOGUES[lang], theme, width, height }), size, "diagram");
  });

  it.each(LANGS)("introductions and results (everything wrong: the longest review), in %s", (lang) => {
    const t = CATALOGUES[lang];
    for (const chapter of chapters) {
      for (const level of chapter.levels) {
        expectFits(
          ["title", "", ...introBody({ level, lang, t, width, height }), "", "hints"],
          size,
          `${level.level.id} introduction`,
        );
        let s = startLevel(level, lang, 0);
        while (s.phase !== "done")
          s = playReducer(playReducer(s, { type: "answer", choice: 0, now: 0 }), { type: "next", now: 0 });
        const r = result(s) ?? expect.unreachable();
        const body = resultBody({
          result: r,
          level,
          next: level,
          items: ["retry", "levels"],
          cursor: 0,
          lang,
          t,
          theme,
          width,
          height,
        });
        expectFits(["title", "", ...body, "", "hints"], size, `${level.level.id} result`);
      }
    }
  });

  it.each(LANGS)("help, in %s", (lang) => {
    const lines = helpLines(CATALOGUES[lang], width);
    expect(lines.map((l) => widthOf(l)).every((w) => w <= width)).toBe(true);
  });

  it("Ink draws the layout as it is: one row per line", () => {
    const chapter = chapters.find((c) => c.id === "time-wait") ?? expect.unreachable();
    const { state, chosen } = playStates(chapter, "zh-CN")[5] ?? expect.unreachable();
    const props = playProps(chapter, state, chosen, "zh-CN", size);
    const layout = playLayout(props);
    if (layout.kind !== "frame") throw new Error("expected the play frame");
    const drawn = renderToString(<PlayScreen {...props} />, { columns: size.columns }).split("\n");
    expect(drawn.length).toBe(layout.body.length + FRAME_ROWS);
    expect(drawn.slice(2, 2 + layout.body.length)).toEqual(layout.body.map((l) => text(l).trimEnd()));
  });
});
