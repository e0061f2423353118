import { Box, useApp, useInput } from "ink";
import { useEffect, useReducer, useRef } from "react";
import { assertNever } from "../engine";
import { type Lang, progressView } from "../game";
import type { LoadedChapter } from "../levels/loader";
import type { ProgressStore } from "../store/progress";
import { continueTarget, levelAt, nextLevel, progressSnapshot } from "./campaign";
import { useTerminalSize } from "./hooks/useTerminalSize";
import { type Catalogue, CATALOGUES } from "./i18n";
import { is, keysOf } from "./keys";
import { frameOf, isTooSmall, type Size } from "./layout";
import { CampaignScreen } from "./screens/CampaignScreen";
import { ChapterScreen } from "./screens/ChapterScreen";
import { HelpScreen } from "./screens/HelpScreen";
import { IntroScreen } from "./screens/IntroScreen";
import { MenuScreen } from "./screens/MenuScreen";
import { PlayScreen } from "./screens/PlayScreen";
import { ResultScreen } from "./screens/ResultScreen";
import { SettingsScreen } from "./screens/SettingsScreen";
import { SoonScreen } from "./screens/SoonScreen";
import { TooSmallScreen } from "./screens/TooSmallScreen";
import { type AppState, appReducer, initialState, resultItems, type Screen } from "./state/app";
import { type Theme, themeFor } from "./theme";

export interface AppProps {
  readonly chapters: readonly LoadedChapter[];
  readonly store: ProgressStore;
  readonly lang: Lang;
  readonly color: boolean;
  /** The clock, in milliseconds; tests pass their own. */
  readonly now?: () => number;
}

/**
 * The game: one reducer holds the whole UI state (state/app.ts) and receives every key, in order; the screens
 * only draw it. The app's own effects: saving each level result to the store, and exiting when the player quits.
 */
export function App({ chapters, store, lang, color, now = Date.now }: AppProps) {
  const [state, dispatch] = useReducer(appReducer, undefined, () =>
    initialState({ chapters, lang, color, progress: progressSnapshot(chapters, store) }),
  );
  const size = useTerminalSize();
  const { exit } = useApp();
  const tooSmall = isTooSmall(size);
  // Read by the input handler, which Ink may still hold from an earlier render: the frame on screen is this one.
  const tooSmallNow = useRef(tooSmall);
  tooSmallNow.current = tooSmall;

  useInput((input, key) => {
    for (const k of keysOf(input, key)) {
      // Too small to see anything: only Ctrl+C (quit) acts, so that no key does what the player cannot see.
      if (tooSmallNow.current && !is(k, "quit")) continue;
      dispatch({ type: "key", key: k, now: now() });
    }
  });

  const finished = state.screen.kind === "result" ? state.screen.result : undefined;
  useEffect(() => {
    if (finished) store.record(finished);
  }, [finished, store]);

  const quitting = state.screen.kind === "quit";
  useEffect(() => {
    // The frame is empty by now, so quitting leaves the terminal as it was.
    if (quitting) exit();
  }, [quitting, exit]);

  if (quitting) return null;
  const t = CATALOGUES[state.lang];
  if (tooSmall) return <TooSmallScreen size={size} t={t} />;
  return (
    <Box flexDirection="column">
      <ScreenView state={state} screen={state.screen} t={t} theme={themeFor(state.color)} size={size} />
    </Box>
  );
}

interface ScreenViewProps {
  readonly state: AppState;
  readonly screen: Screen;
  readonly t: Catalogue;
  readonly theme: Theme;
  readonly size: Size;
}

/** The open screen, with what it needs from the state. */
function ScreenView({ state, screen, t, theme, size }: ScreenViewProps) {
  const { width, height } = frameOf(size);
  const { chapters, lang, progress } = state;
  switch (screen.kind) {
    case "menu":
      return (
        <MenuScreen cursor={screen.cursor} continueLabel={continueLabel(state, t)} t={t} theme={theme} width={width} />
      );
    case "campaign":
      return (
        <CampaignScreen
          chapters={chapters}
          progress={progress}
          cursor={screen.cursor}
          lang={lang}
          t={t}
          theme={theme}
          width={width}
          height={height}
        />
      );
    case "chapter":
      return (
        <ChapterScreen
          chapters={chapters}
          chapter={screen.chapter}
          progress={progress}
          cursor={screen.cursor}
          locked={screen.locked === true}
          lang={lang}
          t={t}
          theme={theme}
          width={width}
          height={height}
        />
      );
    case "intro": {
      const chapter = chapters[screen.at.chapter];
      const level = levelAt(chapters, screen.at);
      if (!chapter || !level) return null;
      return (
        <IntroScreen chapter={chapter} level={level} lang={lang} t={t} theme={theme} width={width} height={height} />
      );
    }
    case "play": {
      const chapter = chapters[screen.at.chapter];
      if (!chapter) return null;
      return (
        <PlayScreen screen={screen} chapter={chapter} lang={lang} t={t} theme={theme} width={width} height={height} />
      );
    }
    case "result": {
      const level = levelAt(chapters, screen.at);
      const next = nextLevel(chapters, screen.at);
      if (!level) return null;
      return (
        <ResultScreen
          result={screen.result}
          level={level}
          next={next ? levelAt(chapters, next) : undefined}
          items={resultItems(state, screen.at)}
          cursor={screen.cursor}
          lang={lang}
          t={t}
          theme={theme}
          width={width}
          height={height}
        />
      );
    }
    case "help":
      return <HelpScreen t={t} theme={theme} width={width} height={height} />;
    case "settings":
      return <SettingsScreen cursor={screen.cursor} color={state.color} t={t} theme={theme} width={width} />;
    case "soon":
      return <SoonScreen feature={screen.feature} t={t} theme={theme} width={width} />;
    case "quit":
      return null;
    default:
      return assertNever(screen);
  }
}

/** "Resume: … (question 3 of 5)" for a level left in the middle, else "Continue: <the level to play next>". */
function continueLabel(state: AppState, t: Catalogue): string | undefined {
  const { suspended } = state;
  if (suspended) {
    const { total } = progressView(suspended.game);
    return t.menu.resume(
      suspended.game.level.level.title[state.lang],
      Math.min(suspended.game.current + 1, total),
      total,
    );
  }
  const at = continueTarget(state.chapters, state.progress);
  const level = at ? levelAt(state.chapters, at) : undefined;
  return level ? t.menu.continueTo(level.level.title[state.lang]) : undefined;
}
