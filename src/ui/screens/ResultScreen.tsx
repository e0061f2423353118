import type { LevelResult } from "../../game";
import type { LoadedLevel } from "../../levels/loader";
import { choiceLines } from "../components/ChoiceList";
import { FRAME_ROWS, Frame } from "../components/Frame";
import { type Line, Lines } from "../components/Lines";
import { starText } from "../format";
import type { Catalogue, Lang } from "../i18n";
import { clampLines } from "../layout";
import type { ResultItem } from "../state/app";
import type { Theme } from "../theme";
import { padEnd, widthOf, wrap } from "../text";

export interface ResultScreenProps {
  readonly result: LevelResult;
  readonly level: LoadedLevel;
  readonly next: LoadedLevel | undefined;
  readonly items: readonly ResultItem[];
  readonly cursor: number;
  /** Why the store could not save the result, when it could not. */
  readonly saveError?: string | undefined;
  readonly lang: Lang;
  readonly t: Catalogue;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

/** A level's result: score, stars, accuracy, time, what to review; then next, retry or back to the levels. */
export function ResultScreen(props: ResultScreenProps) {
  const { level, lang, t, theme, width } = props;
  return (
    <Frame
      title={t.result.title(level.level.title[lang])}
      hints={["move", "pick", "choose", "help", "back"]}
      t={t}
      theme={theme}
      width={width}
    >
      <Lines lines={resultBody(props)} />
    </Frame>
  );
}

/**
 * Pure: the body's lines, the review cut so that the whole frame fits the height. A result the store could not save
 * says so first, where the review goes: the review gives way to it.
 */
export function resultBody(props: ResultScreenProps): Line[] {
  const { result: r, next, items, cursor, saveError, lang, t, theme, width, height } = props;
  const facts: [string, string][] = [
    [t.result.score, `${r.score} / ${r.maxScore}`],
    [t.result.stars, `${starText(r.stars)}  ${t.result.starsOf(r.stars)}`],
    [t.result.accuracy, t.result.accuracyOf(r.correct, r.total)],
    [t.result.time, t.result.duration(r.ms)],
  ];
  const labelWidth = Math.max(...facts.map(([label]) => widthOf(label))) + 2;
  const factLines: Line[] = facts.map(([label, value]) => [
    { text: padEnd(label, labelWidth), bold: theme.bold },
    { text: value },
  ]);
  const notice =
    r.stars === 0 && !items.includes("next") && next !== undefined ? ["", ...wrap(t.result.needStar, width)] : [];
  const choices = choiceLines({
    items: items.map((item) => ({
      label:
        item === "next"
          ? t.result.next(next?.level.title[lang] ?? "")
          : item === "retry"
            ? t.result.retry
            : t.result.levels,
    })),
    cursor,
    numbered: true,
    theme,
    width,
  });
  const review =
    r.review.length === 0
      ? [t.result.nothingToReview]
      : [
          t.result.review,
          ...r.review.flatMap((text) => wrap(text, width - 2).map((line, i) => `${i === 0 ? "•" : " "} ${line}`)),
        ];
  const notSaved = saveError === undefined ? [] : [...wrap(t.result.notSaved(saveError), width), ""];
  const reviewRows = height - FRAME_ROWS - factLines.length - 2 - choices.length - notice.length;
  const middle: Line[] = clampLines([...notSaved, ...review], Math.max(1, reviewRows), width).map((text, i) =>
    i < notSaved.length - 1 ? [{ text, color: theme.bad }] : text,
  );
  return [...factLines, "", ...middle, "", ...choices, ...notice];
}
