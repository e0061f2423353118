import { Box, useApp, useInput } from "ink";
import { useEffect, useRef, useState } from "react";
import { assertNever } from "../engine";
import { progressView } from "../game";
import { statsReport } from "../store/stats";
import { continueTarget, levelAt, nextLevel } from "./campaign";
import { useTerminalSize } from "./hooks/useTerminalSize";
import { type Catalogue, CATALOGUES } from "./i18n";
import { is, keysOf } from "./keys";
import { frameOf, isTooSmall, type Size } from "./layout";
import { CampaignScreen } from "./screens/CampaignScreen";
import { ChapterScreen } from "./screens/ChapterScreen";
import { DrillMenuScreen, TopicsScreen } from "./screens/DrillMenuScreen";
import { DrillScreen, InterviewScreen } from "./screens/DrillScreen";
import { HelpScreen } from "./screens/HelpScreen";
import { InterviewSummaryScreen } from "./screens/InterviewSummaryScreen";
import { IntroScreen } from "./screens/IntroScreen";
import { MenuScreen } from "./screens/MenuScreen";
import { NewProfileScreen } from "./screens/NewProfileScreen";
import { PlayScreen } from "./screens/PlayScreen";
import { ProfilesScreen } from "./screens/ProfilesScreen";
import { ResultScreen } from "./screens/ResultScreen";
import { SettingsScreen } from "./screens/SettingsScreen";
import { ChallengeInfoScreen } from "./screens/ChallengeInfoScreen";
import { StatsScreen } from "./screens/StatsScreen";
import { TooSmallScreen } from "./screens/TooSmallScreen";
import { type GameSetup, openSession, pressKey, tick } from "./session";
import { type AppState, resultItems, type Screen } from "./state/app";
import { type Theme, themeFor } from "./theme";

/** What the CLI hands the game, and the clock. */
export interface AppProps extends GameSetup {
  /** The clock, in milliseconds; tests pass their own. */
  readonly now?: () => number;
}

/** How often an interview's countdown is redrawn (ms). */
export const TICK_MS = 1000;

/**
 * The game: one reducer holds the whole UI state (state/app.ts) and receives every key, in order; the session
 * (session.ts) does what each key asks of the store before the next is read; the screens only draw the state. The
 * app's own effects: a timer while an interview's clock runs, and exiting when the player quits.
 */
export function App({ now = Date.now, ...setup }: AppProps) {
  const [opened] = useState(() => openSession({ ...setup, now: now() }));
  // Read and written by the input handler only, so that every key acts on what the key before it left.
  const session = useRef(opened);
  const [state, setState] = useState(opened.state);
  const size = useTerminalSize();
  const { exit } = useApp();
  const tooSmall = isTooSmall(size);
  // Read by the input handler, which Ink may still hold from an earlier render: the frame on screen is this one.
  const tooSmallNow = useRef(tooSmall);
  tooSmallNow.current = tooSmall;

  useInput((input, key) => {
    let s = session.current;
    for (const k of keysOf(input, key)) {
      // Too small to see anything: only Ctrl+C (quit) acts, so that no key does what the player cannot see.
      if (tooSmallNow.current && !is(k, "quit")) continue;
      s = pressKey(s, k, now());
    }
    session.current = s;
    setState(s.state);
  });

  // The timer reads the clock passed in the latest render (tests pass a new function each time).
  const clock = useRef(now);
  clock.current = now;
  const ticking = state.screen.kind === "interview";
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => {
      const s = tick(session.current, clock.current());
      if (s === session.current) return;
      session.current = s;
      setState(s.state);
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [ticking]);

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
  // What every screen is drawn with: its words, colours and room.
  const frame = { t, theme, width, height };
  const { chapters, lang, progress } = state;
  switch (screen.kind) {
    case "menu":
      return (
        <MenuScreen
          cursor={screen.cursor}
          continueLabel={continueLabel(state, t)}
          profileName={state.profileName}
          notices={state.notices}
          {...frame}
        />
      );
    case "campaign":
      return (
        <CampaignScreen
          chapters={chapters}
          progress={progress}
          cursor={screen.cursor}
          lang={lang}
          {...frame}
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
          {...frame}
        />
      );
    case "intro": {
      const chapter = chapters[screen.at.chapter];
      const level = levelAt(chapters, screen.at);
      if (!chapter || !level) return null;
      return (
        <IntroScreen chapter={chapter} level={level} lang={lang} {...frame} />
      );
    }
    case "play": {
      const chapter = chapters[screen.at.chapter];
      if (!chapter) return null;
      return (
        <PlayScreen screen={screen} chapter={chapter} lang={lang} {...frame} />
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
          saveError={screen.saveError}
          lang={lang}
          {...frame}
        />
      );
    }
    case "help":
      return <HelpScreen {...frame} />;
    case "settings":
      return (
        <SettingsScreen
          cursor={screen.cursor}
          color={state.color}
          profileName={state.profileName}
          saveError={screen.saveError}
          {...frame}
        />
      );
    case "stats": {
      const report = statsReport(chapters, state.profileName, state.profile, screen.now);
      return <StatsScreen report={report} lang={lang} {...frame} />;
    }
    case "profiles":
      return (
        <ProfilesScreen
          names={screen.names}
          cursor={screen.cursor}
          current={state.profileName}
          suspended={state.suspended ? levelAt(chapters, state.suspended.at)?.level.title[lang] : undefined}
          error={screen.error}
          {...frame}
        />
      );
    case "newProfile":
      return (
        <NewProfileScreen
          text={screen.text}
          problem={screen.problem}
          error={screen.error}
          {...frame}
        />
      );
    case "drillMenu":
      return (
        <DrillMenuScreen
          cursor={screen.cursor}
          last={screen.last}
          problem={screen.problem}
          {...frame}
        />
      );
    case "topics":
      return <TopicsScreen cursor={screen.cursor} lang={lang} {...frame} />;
    case "drill":
      return (
        <DrillScreen
          screen={screen}
          memories={state.profile.drill}
          lang={lang}
          {...frame}
        />
      );
    case "interview":
      return <InterviewScreen screen={screen} lang={lang} {...frame} />;
    case "interviewSummary":
      return (
        <InterviewSummaryScreen
          entries={screen.entries}
          minutes={screen.minutes}
          elapsed={screen.elapsed}
          timeUp={screen.timeUp}
          scroll={screen.scroll}
          saveError={screen.saveError}
          challenge={screen.challenge}
          lang={lang}
          {...frame}
        />
      );
    case "challengeInfo":
      return <ChallengeInfoScreen {...frame} />;
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
