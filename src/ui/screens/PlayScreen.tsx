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

/**
 * The play screen: the scenario so far as a ladder, then the question and its choices, or the verdict on the
 * answer and its explanation. The text comes first; the ladder gets the rows left, showing its latest lines.
 */
export function PlayScreen(props: PlayScreenProps) {
  const { t, theme, width, height } = props;
  const layout = playLayout(props);
  const question = questionView(props.screen.game);
  if (layout.kind === "diagram")
    return <DiagramScreen shown={layout.shown} t={t} theme={theme} width={width} height={height} />;
  return (
    <Frame title={layout.title} hints={layout.hints} t={t} theme={theme} width={width}>
      {layout.choices && question ? (
        <>
          <Lines lines={layout.body.slice(0, layout.choices.start)} />
          <ChoiceList items={question.choices} cursor={props.screen.cursor} numbered theme={theme} width={width} />
          <Lines lines={layout.body.slice(layout.choices.start + layout.choices.count)} />
        </>
      ) : (
        <Lines lines={layout.body} />
      )}
    </Frame>
  );
}

/** Pure: every line of the frame's body is known here, so its height is exactly body.length + FRAME_ROWS. */
export function playLayout({ screen, chapter, lang, t, theme, width, height }: PlayScreenProps): PlayLayout {
  const game = screen.game;
  const question = questionView(game);
  const feedback = feedbackView(game);
  const shown = question?.shown ?? feedback?.shown;
  if (screen.diagram && shown) return { kind: "diagram", shown };

  const progress = progressView(game);
  const number = Math.min(game.current + 1, progress.total);
  const status = `${t.play.question(number, progress.total)} · ${t.play.score(progress.score)}`;
  const title = spread(`${chapter.title[lang]} › ${game.level.level.title[lang]}`, status, width);
  const rows = height - FRAME_ROWS;
  const asked = question ? questionLines(question, screen.cursor, t, theme, width) : undefined;
  const text = asked
    ? asked.lines
    : feedback
      ? feedbackLines(feedback, screen.chosen, t, theme, width, rows)
      : [];
  const hints: Hint[] = question
    ? [
        "move",
        "pick",
        "choose",
        ...(question.hint !== undefined && !question.hintShown ? (["hint"] as const) : []),
        "diagram",
        "help",
        "back",
      ]
    : ["advance", "diagram", "help", "back"];
  const ladder = shown
    ? ladderTail(
        renderLadder(shown, { width: Math.min(width, LADDER_WIDTH), text: t.ladder }),
        rows - text.length - 1,
        t.play.earlier,
      )
    : [];
  const head = ladder.length > 0 ? [...ladder, ""] : [];
  const body = [...head, ...text].slice(0, Math.max(0, rows));
  const start = head.length + (asked?.choiceStart ?? 0);
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
