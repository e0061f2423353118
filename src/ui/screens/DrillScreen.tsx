import { type Lang, questionsOf } from "../../game";
import { conceptName, type DrillPuzzle, type Memories, misconceptionOfKey, TOPIC_INFO } from "../../game/drill";
import { FRAME_ROWS, Frame } from "../components/Frame";
import type { Hint } from "../components/KeyHints";
import { type Line, Lines } from "../components/Lines";
import { clockText } from "../format";
import type { Catalogue } from "../i18n";
import { clampLines, spread } from "../layout";
import type { DrillScreen as DrillState, InterviewScreen as InterviewState } from "../state/drill";
import { interviewLeft } from "../state/drill";
import { INTERVIEW_RULES, type Playing, PRACTICE_RULES, type PlayRules } from "../state/play";
import type { Theme } from "../theme";
import { cut, wrap } from "../text";
import { type PlayLayout, QuestionFrame, questionLayout } from "./PlayScreen";
import { packFacts } from "./StatsScreen";

/**
 * The endless drill and the interview round: each puzzle's introduction (the scenario, which the questions rely
 * on: a sysctl, a lost segment), then its questions on the play screen, under a title and a status line of their
 * own.
 */

interface Common {
  readonly lang: Lang;
  readonly t: Catalogue;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

export interface DrillScreenProps extends Common {
  readonly screen: DrillState;
  /** The profile's memories as they are now: the box the puzzle's concept moved to, once answered. */
  readonly memories: Memories;
}

export interface InterviewScreenProps extends Common {
  readonly screen: InterviewState;
}

/** What the drill's screens draw: a puzzle's introduction, or its question (the play screen's layout). */
export type DrillLayout =
  | { readonly kind: "intro"; readonly title: string; readonly hints: readonly Hint[]; readonly body: readonly Line[] }
  | PlayLayout;

/** Pure: what the drill's screen draws, every line known (fit.test.tsx checks them against the terminal). */
export function drillLayout(props: DrillScreenProps): DrillLayout {
  return layout(props, drillParts(props));
}

export function interviewLayout(props: InterviewScreenProps): DrillLayout {
  return layout(props, interviewParts(props));
}

/** The title (topic; the drill's tally) and the status line: difficulty, the concept asked and its box. */
function drillParts(props: DrillScreenProps): Parts {
  const { screen, memories, lang, t, width } = props;
  const { puzzle, tally, target } = screen;
  const title = spread(
    t.drill.heading(TOPIC_INFO[puzzle.topic].title[lang]),
    t.drill.tally(tally.puzzles, tally.right, tally.points),
    width,
  );
  const memory =
    target === undefined
      ? []
      : [
          t.drill.memory(
            misconceptionOfKey(target) === undefined ? conceptName(target, lang) : t.drill.trap,
            screen.box,
            screen.recorded ? memories[target]?.box : undefined,
          ),
        ];
  const head = statusLines(props, [t.intro.difficulty(puzzle.difficulty), ...memory], screen.play, screen.saveError);
  return { title, head, puzzle, play: screen.play, rules: PRACTICE_RULES, note: undefined };
}

/** The title (topic; the puzzle's number and the countdown) and the status line: difficulty. */
function interviewParts(props: InterviewScreenProps): Parts {
  const { screen, lang, t, width } = props;
  const puzzle = screen.puzzles[Math.min(screen.index, screen.puzzles.length - 1)] as DrillPuzzle;
  const number = t.interview.puzzle(screen.index + 1, screen.puzzles.length);
  const { challenge } = screen;
  const left = interviewLeft(screen);
  const time =
    left === Number.POSITIVE_INFINITY
      ? t.challenge.elapsed(clockText(Math.max(0, screen.now - screen.startedAt)))
      : t.interview.left(clockText(left));
  const heading =
    challenge === undefined
      ? t.interview.heading(TOPIC_INFO[puzzle.topic].title[lang])
      : t.challenge.heading(challenge.code, challenge.name);
  const title = spread(heading, `${number} · ${time}`, width);
  // A challenge's topic is not in its title: it goes on the status line.
  const facts = [...(challenge ? [TOPIC_INFO[puzzle.topic].title[lang]] : []), t.intro.difficulty(puzzle.difficulty)];
  const head = statusLines(props, facts, screen.play, screen.saveError);
  const note = challenge === undefined ? t.interview.rules : t.challenge.rules;
  return { title, head, puzzle, play: screen.play, rules: INTERVIEW_RULES, note };
}

/** The status facts on as few lines as they fit (two at most), the question's number in a ladder; a save's failure. */
function statusLines(
  { t, theme, width }: Common,
  facts: readonly string[],
  play: Playing | undefined,
  saveError: string | undefined,
): Line[] {
  const total = play ? questionsOf(play.game.level).length : 0;
  const number = play && total > 1 ? [t.drill.question(Math.min(play.game.current + 1, total), total)] : [];
  const status = clampLines(packFacts([...facts, ...number], width), 2, width).map(
    (text): Line => [{ text, dim: theme.dim }],
  );
  const error: Line[] =
    saveError === undefined ? [] : [[{ text: cut(t.drill.notSaved(saveError), width), color: theme.bad }]];
  return [...status, ...error];
}

interface Parts {
  readonly title: string;
  readonly head: readonly Line[];
  readonly puzzle: DrillPuzzle;
  readonly play: Playing | undefined;
  readonly rules: PlayRules;
  /** Over the introduction, while it fits: what the round leaves out. */
  readonly note: string | undefined;
}

type IntroLayout = Extract<DrillLayout, { kind: "intro" }>;

function layout(props: Common, parts: Parts): DrillLayout {
  const { t, theme, width, height } = props;
  const { title, head, play, rules } = parts;
  return play ? questionLayout({ play, title, head, rules, t, theme, width, height }) : introLayout(props, parts);
}

/** The puzzle's name and its scenario, under the status line. */
function introLayout(props: Common, parts: Parts): IntroLayout {
  const { lang, theme, width, height } = props;
  const { title, head, puzzle, note } = parts;
  const rows = height - FRAME_ROWS;
  const name: Line = [{ text: cut(puzzle.level.level.title[lang], width), bold: theme.bold }];
  const intro = wrap(puzzle.level.level.intro[lang], width);
  const noted = note === undefined ? [] : [...wrap(note, width).map((text): Line => [{ text, dim: theme.dim }]), ""];
  // The scenario is what the questions rely on: the note gives way to it, and it is cut only as a last resort.
  const room = rows - head.length - 2;
  const shown = noted.length + intro.length <= room ? noted : [];
  const body = [...head, "", ...shown, name, ...clampLines(intro, room - shown.length, width)];
  return { kind: "intro", title, hints: ["advance", "help", "back"], body };
}

/** A puzzle's introduction, or its question on the play screen's frame. */
function PuzzleFrame({ props, parts }: { readonly props: Common; readonly parts: Parts }) {
  const { t, theme, width, height } = props;
  const { play, title, head, rules } = parts;
  if (play) return <QuestionFrame {...{ play, title, head, rules, t, theme, width, height }} />;
  const l = introLayout(props, parts);
  return (
    <Frame title={l.title} hints={l.hints} t={t} theme={theme} width={width}>
      <Lines lines={l.body} />
    </Frame>
  );
}

/** The endless drill: a puzzle's introduction, then its questions. */
export function DrillScreen(props: DrillScreenProps) {
  return <PuzzleFrame props={props} parts={drillParts(props)} />;
}

/** The interview round: the same against the clock, with no hint and no feedback. */
export function InterviewScreen(props: InterviewScreenProps) {
  return <PuzzleFrame props={props} parts={interviewParts(props)} />;
}
