import { assertNever } from "../../engine";
import type { Lang } from "../../game";
import { type InterviewEntry, interviewSummary, type WeakConcept } from "../../game/drill";
import { FRAME_ROWS, Frame } from "../components/Frame";
import { type Line, type Piece, Lines } from "../components/Lines";
import type { Catalogue } from "../i18n";
import { clampLines } from "../layout";
import type { ChallengeOutcome } from "../state/drill";
import type { Theme } from "../theme";
import { cut, padEnd, widthOf, wrap } from "../text";

export interface InterviewSummaryScreenProps {
  readonly entries: readonly InterviewEntry[];
  readonly minutes: number;
  readonly elapsed: number;
  readonly timeUp: boolean;
  /** The first weak concept shown. */
  readonly scroll: number;
  readonly saveError?: string | undefined;
  /** A challenge's round: its score is the replay's, and its result file is shown. */
  readonly challenge?: ChallengeOutcome | undefined;
  readonly lang: Lang;
  readonly t: Catalogue;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

const INDENT = "  ";

/**
 * Pure: the body. The score, the answers right of every question of the round, the time; then the weak concepts,
 * weakest first, each with the explanations to read and their sources, from the one scrolled to, as many as fit
 * (one at least, cut if it must be), with how many more there are above and below.
 */
export function interviewSummaryBody(props: InterviewSummaryScreenProps): Line[] {
  const { entries, minutes, elapsed, timeUp, saveError, challenge, lang, t, theme, width, height } = props;
  const summary = interviewSummary(entries, lang);
  const submission = challenge !== undefined && challenge.status !== "problem" ? challenge.submission : undefined;
  // A challenge's score is the replay's (its streak runs across the round), as the teacher's scoreboard has it.
  const points = submission === undefined ? summary.points : submission.replay.score;
  const time =
    minutes === 0 ? t.challenge.untimed(t.result.duration(elapsed)) : t.interview.time(t.result.duration(elapsed), minutes, timeUp);
  const facts: [string, string][] = [
    [t.result.score, t.interview.points(points)],
    [t.result.accuracy, t.result.accuracyOf(summary.correct, summary.total)],
    ...(summary.answered < summary.total
      ? [[t.interview.answered, t.interview.answeredOf(summary.answered, summary.total)] as [string, string]]
      : []),
    [t.result.time, time],
    ...(challenge === undefined ? [] : [[t.challenge.result, challengeFile(challenge, t)] as [string, string]]),
  ];
  const labelWidth = Math.max(...facts.map(([label]) => widthOf(label))) + 2;
  // Every fact on one line, but the result file's path, which wraps: the student must be able to read all of it.
  const factLines = facts.flatMap(([label, value]): Line[] => {
    const room = Math.max(1, width - labelWidth);
    const lines = label === t.challenge.result ? wrap(value, room) : [cut(value, room)];
    return lines.map((text, i): Line => [
      { text: padEnd(i === 0 ? label : "", labelWidth), bold: theme.bold },
      { text, ...(label === t.challenge.result && challenge?.status !== "saved" ? { color: theme.bad } : {}) },
    ]);
  });
  const error = saveError === undefined ? [] : clampLines(wrap(t.drill.notSaved(saveError), width), 2, width);
  const weak = summary.weak;
  const heading =
    weak.length === 0
      ? wrap(t.interview.nothingWrong(summary.answered === summary.total), width)
      : [cut(t.interview.toRead(weak.length), width)];
  const top: Line[] = [
    ...factLines,
    ...error.map((text): Line => [{ text, color: theme.bad }]),
    "",
    ...heading.map((text): Line => [{ text, bold: theme.bold }]),
  ];
  return [...top, ...weakLines(props, weak, height - FRAME_ROWS - top.length)];
}

/** Where the result file is, or why it is not. */
function challengeFile(challenge: ChallengeOutcome, t: Catalogue): string {
  switch (challenge.status) {
    case "saving":
      return t.challenge.saving;
    case "saved":
      return t.challenge.saved(challenge.file);
    case "failed":
    case "problem":
      return t.challenge.notSaved(challenge.error);
    default:
      return assertNever(challenge);
  }
}

/** The weak concepts from the one scrolled to, in `rows` rows. */
function weakLines(props: InterviewSummaryScreenProps, weak: readonly WeakConcept[], rows: number): Line[] {
  const { scroll, t, theme, width } = props;
  const first = Math.min(Math.max(0, scroll), Math.max(0, weak.length - 1));
  const above: Line[] = first > 0 ? [[{ text: cut(t.interview.above(first), width), dim: theme.dim }]] : [];
  const room = rows - above.length;
  const shown: Line[] = [];
  let next = first;
  for (; next < weak.length; next++) {
    const block = weakBlock(props, weak[next] as WeakConcept);
    const gap: Line[] = shown.length > 0 ? [""] : [];
    // A line for "n more below" while others are left.
    const reserve = next + 1 < weak.length ? 1 : 0;
    if (shown.length + gap.length + block.length + reserve <= room) {
      shown.push(...gap, ...block);
      continue;
    }
    if (shown.length === 0) {
      shown.push(...clampBlock(block, Math.max(1, room - reserve), width));
      next++;
    }
    break;
  }
  const below: Line[] =
    next < weak.length ? [[{ text: cut(t.interview.below(weak.length - next), width), dim: theme.dim }]] : [];
  return [...above, ...shown, ...below];
}

/** "✗ name: 2 wrong, 1 right", what to read, the sources. */
function weakBlock({ t, theme, width }: InterviewSummaryScreenProps, w: WeakConcept): Line[] {
  const inner = width - INDENT.length;
  const name: Line = [
    { text: "✗ ", color: theme.bad, bold: theme.bold },
    { text: cut(t.interview.weak(w.name, w.wrong, w.right), width - 2), bold: theme.bold },
  ];
  const read = w.read.flatMap((text) => wrap(text, inner).map((line) => `${INDENT}${line}`));
  const cite =
    w.cite.length === 0
      ? []
      : wrap(t.play.cite(w.cite), inner).map((line): Line => [{ text: `${INDENT}${line}`, dim: theme.dim }]);
  return [name, ...read, ...cite];
}

/** At most `rows` lines, the last kept one ending in "…" (its style kept). */
function clampBlock(block: readonly Line[], rows: number, width: number): Line[] {
  if (block.length <= rows) return [...block];
  const kept = block.slice(0, rows);
  const last = kept[rows - 1] as Line;
  const pieces: readonly Piece[] = typeof last === "string" ? [{ text: last }] : last;
  const text = pieces.map((p) => p.text).join("");
  const [cutText] = clampLines([text, ""], 1, width);
  kept[rows - 1] = [{ ...(pieces[0] as Piece), text: cutText ?? "" }];
  return kept;
}

/** The round's summary: ↑↓ scroll the weak concepts; Enter or Esc goes back to the drill menu. */
export function InterviewSummaryScreen(props: InterviewSummaryScreenProps) {
  const { t, theme, width } = props;
  return (
    <Frame
      title={props.challenge === undefined ? t.interview.summaryTitle : t.challenge.summaryTitle}
      hints={["scroll", "advance", "help", "back"]}
      t={t}
      theme={theme}
      width={width}
    >
      <Lines lines={interviewSummaryBody(props)} />
    </Frame>
  );
}
