import type { Trace } from "../../engine";
import { type FeedbackView, feedbackView, progressView, type QuestionView, questionView } from "../../game";
import type { LoadedChapter } from "../../levels/loader";
import { ChoiceList, choiceLines } from "../components/ChoiceList";
import { FRAME_ROWS, Frame } from "../components/Frame";
import type { Hint } from "../components/KeyHints";
import { type Line, Lines } from "../components/Lines";
import type { Catalogue, Lang } from "../i18n";
import { renderLadder } from "../ladder";
import { clampLines, LADDER_WIDTH, ladderTail, spread } from "../layout";
import type { PlayScreen as PlayScreenState } from "../state/app";
import { type Playing, type PlayRules, PRACTICE_RULES } from "../state/play";
import type { Theme } from "../theme";
import { wrap } from "../text";
import { DiagramScreen } from "./DiagramScreen";

export interface PlayScreenProps {
  readonly screen: PlayScreenState;
  readonly chapter: LoadedChapter;
  readonly lang: Lang;
  readonly t: Catalogue;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

/** A question being played anywhere (campaign, drill, interview), with the frame's title laid out by its screen. */
export interface QuestionFrameProps {
  readonly play: Playing;
  readonly title: string;
  /** Lines over the ladder: the drill's status line. */
  readonly head?: readonly Line[];
  readonly rules: PlayRules;
  readonly t: Catalogue;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

/** What the play screen draws: the frame's title and key hints around the body, or the state diagram instead. */
export type PlayLayout =
  | {
      readonly kind: "frame";
      readonly title: string;
      readonly hints: readonly Hint[];
      readonly body: readonly Line[];
      /** Where the answer choices sit in body, drawn by the choice list rather than as plain lines. */
      readonly choices?: { readonly start: number; readonly count: number };
    }
  | { readonly kind: "diagram"; readonly shown: Trace };

/** A campaign level's question: the chapter and level in the title, the question's number and the score. */
export function PlayScreen(props: PlayScreenProps) {
  return <QuestionFrame {...playFrameProps(props)} />;
}

export function playLayout(props: PlayScreenProps): PlayLayout {
  return questionLayout(playFrameProps(props));
}

function playFrameProps({ screen, chapter, lang, t, theme, width, height }: PlayScreenProps): QuestionFrameProps {
  const game = screen.game;
  const progress = progressView(game);
  const number = Math.min(game.current + 1, progress.total);
  const status = `${t.play.question(number, progress.total)} · ${t.play.score(progress.score)}`;
  const title = spread(`${chapter.title[lang]} › ${game.level.level.title[lang]}`, status, width);
  return { play: screen, title, rules: PRACTICE_RULES, t, theme, width, height };
}

/**
 * The play screen: the scenario so far as a ladder, then the question and its choices, or the verdict on the
 * answer and its explanation. The text comes first; the ladder gets the rows left, showing its latest lines.
 */
export function QuestionFrame(props: QuestionFrameProps) {
  const { t, theme, width, height } = props;
  const layout = questionLayout(props);
  const question = questionView(props.play.game);
  if (layout.kind === "diagram")
    return <DiagramScreen shown={layout.shown} t={t} theme={theme} width={width} height={height} />;
  return (
    <Frame title={layout.title} hints={layout.hints} t={t} theme={theme} width={width}>
      {layout.choices && question ? (
        <>
          <Lines lines={layout.body.slice(0, layout.choices.start)} />
          <ChoiceList items={question.choices} cursor={props.play.cursor} numbered theme={theme} width={width} />
          <Lines lines={layout.body.slice(layout.choices.start + layout.choices.count)} />
        </>
      ) : (
        <Lines lines={layout.body} />
      )}
    </Frame>
  );
}

/** Pure: every line of the frame's body is known here, so its height is exactly body.length + FRAME_ROWS. */
export function questionLayout(props: QuestionFrameProps): PlayLayout {
  const { play, title, head = [], rules, t, theme, width, height } = props;
  const game = play.game;
  const question = questionView(game);
  const feedback = feedbackView(game);
  const shown = question?.shown ?? feedback?.shown;
  if (play.diagram && shown) return { kind: "diagram", shown };

  // The head is set apart from the ladder by a blank line.
  const top = head.length > 0 ? [...head, ""] : [];
  const rows = height - FRAME_ROWS - top.length;
  const asked = question ? questionLines(question, play.cursor, t, theme, width) : undefined;
  const text = asked ? asked.lines : feedback ? feedbackLines(feedback, play.chosen, t, theme, width, rows) : [];
  const diagram = rules.diagram ? (["diagram"] as const) : [];
  const hints: Hint[] = question
    ? [
        "move",
        "pick",
        "choose",
        ...(rules.hint && question.hint !== undefined && !question.hintShown ? (["hint"] as const) : []),
        ...diagram,
        "help",
        "back",
      ]
    : ["advance", ...diagram, "help", "back"];
  const ladder = shown
    ? ladderTail(
        renderLadder(shown, { width: Math.min(width, LADDER_WIDTH), text: t.ladder }),
        rows - text.length - 1,
        t.play.earlier,
      )
    : [];
  const above = ladder.length > 0 ? [...top, ...ladder, ""] : top;
  const body = [...above, ...text].slice(0, Math.max(0, height - FRAME_ROWS));
  const start = above.length + (asked?.choiceStart ?? 0);
  const choices = asked && start + asked.choiceCount <= body.length ? { start, count: asked.choiceCount } : undefined;
  return { kind: "frame", title, hints, body, ...(choices ? { choices } : {}) };
}

function questionLines(
  q: QuestionView,
  cursor: number,
  t: Catalogue,
  theme: Theme,
  width: number,
): { readonly lines: Line[]; readonly choiceStart: number; readonly choiceCount: number } {
  const next = q.next === undefined ? [] : wrap(t.play.next(q.next), width);
  const prompt = wrap(q.prompt, width).map((text): Line => [{ text, bold: theme.bold }]);
  const choices = choiceLines({ items: q.choices, cursor, numbered: true, theme, width });
  const hint = q.hintShown && q.hint !== undefined ? wrap(t.play.hint(q.hint), width) : [];
  return {
    lines: [...next, ...prompt, ...choices, ...(hint.length > 0 ? ["", ...hint] : [])],
    choiceStart: next.length + prompt.length,
    choiceCount: choices.length,
  };
}

/** The verdict in words and a symbol, the right answer, the misconception, the explanation and its sources. */
function feedbackLines(
  f: FeedbackView,
  chosen: string | undefined,
  t: Catalogue,
  theme: Theme,
  width: number,
  rows: number,
): Line[] {
  const verdict: Line = f.correct
    ? [{ text: t.play.right, color: theme.good, bold: theme.bold }, { text: ` · ${t.play.points(f.points)}` }]
    : [
        { text: t.play.wrong, color: theme.bad, bold: theme.bold },
        { text: chosen === undefined ? "" : ` · ${t.play.youChose(chosen)}` },
      ];
  const answer = wrap(t.play.answer(f.answer), width).map((text): Line => [{ text, bold: theme.bold }]);
  const misconception =
    !f.correct && f.misconception !== undefined ? wrap(t.play.misconception(f.misconception), width) : [];
  const cite = wrap(t.play.cite(f.cite), width).map((text): Line => [{ text, dim: theme.dim }]);
  const fixed = 1 + answer.length + misconception.length + cite.length;
  // The explanation gives way when the terminal is short: everything else is kept.
  const explain = clampLines(wrap(f.explain, width), Math.max(1, rows - fixed), width);
  return [verdict, ...answer, ...misconception, ...explain, ...cite];
}
