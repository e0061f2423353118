import { renderToString } from "ink";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type Lang,
  type PlayState,
  playReducer,
  questionsOf,
  questionView,
  result,
  startLevel,
} from "../../../src/game";
import { type InterviewEntry, interviewPuzzles, interviewSummary } from "../../../src/game/drill";
import { sameAnswer } from "../../../src/levels/answer";
import { type LoadedChapter, type LoadedLevel, loadPack } from "../../../src/levels/loader";
import { emptyProfile } from "../../../src/store/profile";
import { statsReport } from "../../../src/store/stats";
import { FRAME_ROWS } from "../../../src/ui/components/Frame";
import type { Line } from "../../../src/ui/components/Lines";
import { CATALOGUES } from "../../../src/ui/i18n";
import { frameOf, type Size } from "../../../src/ui/layout";
import { diagramLines } from "../../../src/ui/screens/DiagramScreen";
import { drillLabel, drillMenuLayout, TopicsScreen } from "../../../src/ui/screens/DrillMenuScreen";
import { type DrillLayout, DrillScreen, drillLayout, interviewLayout } from "../../../src/ui/screens/DrillScreen";
import { InterviewSummaryScreen, interviewSummaryBody } from "../../../src/ui/screens/InterviewSummaryScreen";
import { helpLines } from "../../../src/ui/screens/HelpScreen";
import { introBody } from "../../../src/ui/screens/IntroScreen";
import { MenuScreen, type MenuScreenProps, menuLayout } from "../../../src/ui/screens/MenuScreen";
import { NewProfileScreen, newProfileBody } from "../../../src/ui/screens/NewProfileScreen";
import { PlayScreen, type PlayScreenProps, playLayout } from "../../../src/ui/screens/PlayScreen";
import { profilesLayout } from "../../../src/ui/screens/ProfilesScreen";
import { resultBody } from "../../../src/ui/screens/ResultScreen";
import { SettingsScreen } from "../../../src/ui/screens/SettingsScreen";
import { StatsScreen, statsBody } from "../../../src/ui/screens/StatsScreen";
import { DRILL_ITEMS, MENU_ITEMS, type PlayScreen as PlayScreenState } from "../../../src/ui/state/app";
import {
  type DrillScreen as DrillState,
  drillPuzzle,
  type InterviewScreen as InterviewState,
  startInterview,
} from "../../../src/ui/state/drill";
import type { NameProblem } from "../../../src/ui/state/profileName";
import { widthOf, wrap } from "../../../src/ui/text";
import { themeFor } from "../../../src/ui/theme";
import { realFs } from "../../fixtures/realFs";
import { playedProfile } from "./playedProfile";

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
/** A store's message at its longest: a path, an error code, a system message. */
const HOME = "/home/a-student-with-a-long-name/.config/tcp-tutor";
const SAVE_ERROR = `cannot use the save file ${HOME}/progress.json: EACCES: permission denied, open '${HOME}/progress.json.tmp'`;
/** A notice of the CLI's at its longest. */
const MOVED =
  `the save file ${HOME}/progress.json is not valid JSON (Unexpected token } in JSON at position 1234): ` +
  `it was moved to ${HOME}/progress.json.2025-03-14T12-00-00.bad and progress starts fresh`;

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
  return chapter.levels.flatMap((level) => levelStates(level, lang));
}

function levelStates(level: LoadedLevel, lang: Lang): { state: PlayState; chosen?: string }[] {
  const out: { state: PlayState; chosen?: string }[] = [];
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
        for (const saveError of [undefined, SAVE_ERROR]) {
          const body = resultBody({
            result: r,
            level,
            next: level,
            items: ["retry", "levels"],
            cursor: 0,
            saveError,
            lang,
            t,
            theme,
            width,
            height,
          });
          expectFits(["title", "", ...body, "", "hints"], size, `${level.level.id} result`);
          if (saveError) expect(body.map(text).join("\n")).toContain(t.result.notSaved("cannot use"));
        }
      }
    }
  });

  it.each(LANGS)("help, in %s", (lang) => {
    const lines = helpLines(CATALOGUES[lang], width);
    expect(lines.map((l) => widthOf(l)).every((w) => w <= width)).toBe(true);
  });

  it.each(LANGS)("the menu, with no notice, one, or many long ones, in %s", (lang) => {
    const t = CATALOGUES[lang];
    for (const notices of [[], [MOVED], [MOVED, MOVED, MOVED]]) {
      const props: MenuScreenProps = {
        cursor: 0,
        continueLabel: t.menu.continueTo("A very long level title that goes on and on and on and on"),
        profileName: "张".repeat(32),
        notices,
        t,
        theme,
        width,
        height,
      };
      const { above, below } = menuLayout(props);
      expectFits(["title", "", ...above, ...MENU_ITEMS.map(String), ...below, "", "hints"], size, "menu");
      if (notices.length > 0) expect(below.map(text).join(" ")).toContain(t.menu.notice("").trim());
    }
  });

  it.each(LANGS)("the profiles: few, or more than fit, a level left in the middle, an error, in %s", (lang) => {
    const t = CATALOGUES[lang];
    for (const names of [["default"], Array.from({ length: 30 }, (_, i) => `${"档".repeat(32)}${i}`)]) {
      for (const error of [undefined, { what: "switch" as const, message: SAVE_ERROR }]) {
        const { items, rows, below } = profilesLayout({
          names,
          cursor: 0,
          current: names[0] ?? "",
          suspended: "A level with a very long title indeed, longer than a line of sixty",
          error,
          t,
          theme,
          width,
          height,
        });
        expect(items.length).toBe(names.length + 2);
        expectFits(["title", "", ...Array(rows).fill("item"), ...below, "", "hints"], size, "profiles");
      }
    }
  });

  it.each(LANGS)("a new profile's name: empty, too long, with each problem, an error, in %s", (lang) => {
    const t = CATALOGUES[lang];
    const problems: (NameProblem | undefined)[] = [
      undefined,
      { kind: "empty" },
      { kind: "start" },
      { kind: "char", char: "😀" },
      { kind: "tooLong", max: 32 },
      { kind: "rule" },
      { kind: "exists", name: "张".repeat(32) },
    ];
    for (const text of ["", "张".repeat(40), "a".repeat(40)]) {
      for (const problem of problems) {
        for (const error of [undefined, SAVE_ERROR]) {
          const body = newProfileBody({ text, problem, error, t, theme, width, height });
          expectFits(["title", "", ...body, "", "hints"], size, `new profile ${text} ${problem?.kind}`);
        }
      }
    }
  });

  it.each(LANGS)("the stats: nothing played, some way in, every concept answered, in %s", (lang) => {
    const t = CATALOGUES[lang];
    const everything = {
      ...playedProfile(chapters),
      concepts: Object.fromEntries(
        chapters.flatMap((c) => c.levels.flatMap((l) => l.level.concepts)).map((c) => [c, { right: 1, wrong: 12345 }]),
      ),
      totals: { plays: 99999, answered: 999999, correct: 99999, hints: 999, ms: 99_999_999, points: 9_999_999 },
    };
    for (const profile of [emptyProfile(0), playedProfile(chapters), everything]) {
      const report = statsReport(chapters, "张".repeat(32), profile, 0);
      const body = statsBody({ report, lang, t, theme, width, height });
      expectFits(["title", "", ...body, "", "hints"], size, "stats");
      if (profile.totals.answered > 0) expect(body.map(text)).toContain(t.stats.weakest);
    }
  });

  it.each(LANGS)("the settings, saved or with the store's error, in %s", (lang) => {
    for (const saveError of [undefined, `${SAVE_ERROR} ${SAVE_ERROR}`]) {
      const drawn = renderToString(
        <SettingsScreen
          cursor={0}
          color
          profileName={"张".repeat(32)}
          saveError={saveError}
          t={CATALOGUES[lang]}
          theme={theme}
          width={width}
          height={height}
        />,
        { columns: size.columns },
      ).split("\n");
      expectFits(drawn, size, "settings");
    }
  });

  it("Ink draws the new screens' layouts as they are", () => {
    const t = CATALOGUES["zh-CN"];
    const report = statsReport(chapters, "ana", playedProfile(chapters), 0);
    const stats = statsBody({ report, lang: "zh-CN", t, theme, width, height });
    const screen = <StatsScreen report={report} lang="zh-CN" t={t} theme={theme} width={width} height={height} />;
    const drawn = renderToString(screen, { columns: size.columns }).split("\n");
    expect(drawn.slice(2, -2)).toEqual(stats.map((l) => text(l).trimEnd()));
    const menu: MenuScreenProps = {
      cursor: 0,
      continueLabel: undefined,
      profileName: "ana",
      notices: [MOVED],
      t,
      theme,
      width,
      height,
    };
    const { above, below } = menuLayout(menu);
    expect(renderToString(<MenuScreen {...menu} />, { columns: size.columns }).split("\n").length).toBe(
      FRAME_ROWS + above.length + MENU_ITEMS.length + below.length,
    );
    const problem = { kind: "char", char: " " } as const;
    const typed = { text: "张三 x", problem, error: undefined, t, theme, width, height };
    expect(renderToString(<NewProfileScreen {...typed} />, { columns: size.columns }).split("\n").length).toBe(
      FRAME_ROWS + newProfileBody(typed).length,
    );
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

/** The drill's screens: 20 generated puzzles of each kind, every state they show, both languages, both sizes. */
const SEEDS = Array.from({ length: 20 }, (_, i) => 1000 + 7919 * i);
const TALLY = { puzzles: 12345, right: 12000, points: 9_999_999 };

/** A drill on its puzzle `seed`, chosen for a concept the profile remembers, in box 3. */
function drillStates(seed: number, lang: Lang): DrillState[] {
  const fresh = drillPuzzle(seed, {}, 0, {}, 0, TALLY);
  const target = fresh.target ?? expect.unreachable();
  const remembered = drillPuzzle(seed, {}, 0, { [target]: { box: 3, due: 0, right: 3, wrong: 9, last: 0 } }, 0, TALLY);
  const out: DrillState[] = [fresh, { ...remembered, saveError: SAVE_ERROR }];
  for (const { state, chosen } of levelStates(remembered.puzzle.level, lang)) {
    const play = { game: state, cursor: 0, diagram: false, ...(chosen === undefined ? {} : { chosen }) };
    out.push({ ...remembered, play, recorded: state.phase === "feedback" });
    out.push({ ...remembered, play, recorded: state.phase === "feedback", saveError: SAVE_ERROR });
  }
  return out;
}

/** Every state of an interview round: each puzzle's introduction and each of its questions. */
function interviewStates(seed: number, lang: Lang): InterviewState[] {
  const round = startInterview({ seed, count: 10, minutes: 5 }, 0);
  return round.puzzles.flatMap((puzzle, index) => {
    const at = { ...round, index, saveError: SAVE_ERROR };
    let game = startLevel(puzzle.level, lang, 0);
    const states: InterviewState[] = [at];
    while (game.phase !== "done") {
      states.push({ ...at, play: { game, cursor: 0, diagram: false } });
      game = playReducer(playReducer(game, { type: "answer", choice: 0, now: 0 }), { type: "next", now: 0 });
    }
    return states;
  });
}

/** A round with every answer wrong: the most weak concepts, each with the most to read. */
function wrongRound(seed: number, lang: Lang): InterviewEntry[] {
  return interviewPuzzles({ seed, count: 10 }).map((puzzle) => {
    let game = startLevel(puzzle.level, lang, 0);
    while (game.phase !== "done") {
      const slot = questionsOf(game.level)[game.current] ?? expect.unreachable();
      const wrong = slot.question.choices.findIndex((c) => !sameAnswer(c.answer, slot.question.correct));
      game = playReducer(playReducer(game, { type: "answer", choice: wrong, now: 0 }), { type: "next", now: 0 });
    }
    return { puzzle, answers: game.answers };
  });
}

function layoutLines(layout: DrillLayout): Line[] {
  if (layout.kind === "diagram") throw new Error("expected a frame");
  return [layout.title, "", ...layout.body, "", "hints"];
}

describe.each(SIZES)("the drill's screens fit $columns×$rows", (size) => {
  const { width, height } = frameOf(size);

  it.each(LANGS)("the drill menu: first, after a drill, with a problem; the topics, in %s", (lang) => {
    const t = CATALOGUES[lang];
    for (const extra of [{}, { last: TALLY }, { problem: MOVED }]) {
      const { above, below } = drillMenuLayout({ cursor: 0, ...extra, t, theme, width, height });
      const items = DRILL_ITEMS.map((i) => drillLabel(i, t));
      expectFits(["title", "", ...above, ...items, ...below, "", "hints"], size, "menu");
      if ("last" in extra) expect(below.map(text)).toContain(t.drill.last(TALLY.puzzles, TALLY.right, TALLY.points));
    }
    const topics = renderToString(<TopicsScreen cursor={0} lang={lang} t={t} theme={theme} width={width} />, {
      columns: size.columns,
    }).split("\n");
    expectFits(topics, size, "topics");
  });

  it.each(LANGS)("20 endless drill puzzles: introduction, questions, feedback, a save that failed, in %s", (lang) => {
    const t = CATALOGUES[lang];
    for (const seed of SEEDS) {
      for (const screen of drillStates(seed, lang)) {
        const layout = drillLayout({ screen, memories: {}, lang, t, theme, width, height });
        const game = screen.play?.game;
        const what = `drill seed ${seed} ${game ? `question ${game.current + 1} (${game.phase})` : "intro"}`;
        expectFits(layoutLines(layout), size, what);
        if (layout.kind === "intro") {
          // The scenario is never cut: the questions rely on it.
          const intro = wrap(screen.puzzle.level.level.intro[lang], width);
          expect(layout.body.slice(-intro.length).map(text), what).toEqual(intro);
        }
      }
    }
  });

  it.each(LANGS)("20 interview rounds: every introduction and question, in %s", (lang) => {
    const t = CATALOGUES[lang];
    for (const seed of SEEDS) {
      for (const screen of interviewStates(seed, lang)) {
        const layout = interviewLayout({ screen, lang, t, theme, width, height });
        expectFits(layoutLines(layout), size, `interview seed ${seed} puzzle ${screen.index + 1}`);
        expect(layout.kind === "diagram").toBe(false);
      }
    }
  });

  it.each(LANGS)("20 interview summaries, everything wrong, scrolled to each weak concept, in %s", (lang) => {
    const t = CATALOGUES[lang];
    for (const seed of SEEDS) {
      const entries = wrongRound(seed, lang);
      const weak = interviewSummary(entries, lang).weak.length;
      for (let scroll = 0; scroll < weak; scroll++) {
        for (const saveError of [undefined, SAVE_ERROR]) {
          const round = { entries, minutes: 5, elapsed: 300_000, timeUp: true };
          const props = { ...round, scroll, saveError, lang, t, theme, width, height };
          const body = interviewSummaryBody(props);
          expectFits(["title", "", ...body, "", "hints"], size, `summary seed ${seed} scroll ${scroll}`);
          // The concept scrolled to is shown.
          const name = interviewSummary(entries, lang).weak[scroll]?.name ?? expect.unreachable();
          expect(body.map(text).join("\n")).toContain(name);
        }
      }
    }
  });

  it("Ink draws the drill's layouts as they are", () => {
    const t = CATALOGUES["zh-CN"];
    const [, , screen] = drillStates(SEEDS[3] as number, "zh-CN");
    const props = { screen: screen as DrillState, memories: {}, lang: "zh-CN" as const, t, theme, width, height };
    const layout = drillLayout(props);
    if (layout.kind !== "frame") throw new Error("expected the question");
    const drawn = renderToString(<DrillScreen {...props} />, { columns: size.columns }).split("\n");
    expect(drawn.length).toBe(layout.body.length + FRAME_ROWS);
    expect(drawn.slice(2, 2 + layout.body.length)).toEqual(layout.body.map((l) => text(l).trimEnd()));
    const entries = wrongRound(SEEDS[0] as number, "zh-CN");
    const round = { entries, minutes: 5, elapsed: 1000, timeUp: false, scroll: 1 };
    const summary = { ...round, lang: "zh-CN" as const, t, theme, width, height };
    const lines = interviewSummaryBody(summary);
    const shown = renderToString(<InterviewSummaryScreen {...summary} />, { columns: size.columns }).split("\n");
    expect(shown.slice(2, -2)).toEqual(lines.map((l) => text(l).trimEnd()));
  });
});
