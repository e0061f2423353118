import type { StatsReport } from "../../store/stats";
import { FRAME_ROWS, Frame } from "../components/Frame";
import { type Line, Lines } from "../components/Lines";
import { progressBar } from "../format";
import type { Catalogue, Lang } from "../i18n";
import { clampLines, spread } from "../layout";
import type { Theme } from "../theme";
import { cut, padEnd, padStart, widthOf, wrap } from "../text";
import { chapterTable } from "./CampaignScreen";

export interface StatsScreenProps {
  readonly report: StatsReport;
  readonly lang: Lang;
  readonly t: Catalogue;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

const BAR = 10;
/** Before each concept, under its heading. */
const INDENT = "  ";

/** Short facts on as few lines as they fit: "Day streak: 2 (best 5) · Levels: 3/40 · …". */
export function packFacts(facts: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const fact of facts) {
    const joined = line === "" ? fact : `${line} · ${fact}`;
    if (widthOf(joined) <= width) line = joined;
    else {
      if (line !== "") lines.push(line);
      line = cut(fact, width);
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** The weakest concepts first, one per line: name, a bar of its accuracy, the percentage, right answers of all. */
export function conceptLines(report: StatsReport, t: Catalogue, width: number, count: number): string[] {
  const rows = report.concepts.slice(0, Math.max(0, count)).map((c) => {
    const total = c.right + c.wrong;
    const percent = padStart(`${Math.round(100 * c.accuracy)}%`, 4);
    return {
      name: c.concept,
      right: `${progressBar(c.right, total, BAR)} ${percent}  ${t.stats.conceptAnswers(c.right, total)}`,
    };
  });
  const right = Math.max(0, ...rows.map((r) => widthOf(r.right)));
  const longest = Math.max(0, ...rows.map((r) => widthOf(r.name)));
  const nameWidth = Math.max(8, Math.min(longest, width - INDENT.length - 2 - right));
  return rows.map((r) => cut(`${INDENT}${padEnd(cut(r.name, nameWidth), nameWidth)}  ${r.right}`, width));
}

/**
 * Pure: the body. The streak and totals first, then each chapter's progress, then the weakest concepts, as many as
 * the height leaves room for (at least one: the chapters give way to it when there are many).
 */
export function statsBody({ report, lang, t, theme, width, height }: StatsScreenProps): Line[] {
  const { totals, streak } = report;
  const facts = packFacts(
    [
      t.stats.streak(streak.current, streak.best),
      t.stats.levels(totals.levelsCompleted, totals.levels),
      t.stats.stars(totals.stars, totals.maxStars),
      t.stats.answers(totals.answered, totals.accuracy),
      t.stats.points(totals.points),
      t.stats.time(totals.ms),
    ],
    width,
  );
  const chapters = chapterTable(
    report.chapters.map((c) => ({
      title: c.title[lang],
      stars: c.stars,
      maxStars: c.maxStars,
      done: c.completed,
      total: c.levels,
    })),
    t,
    width,
    0,
  );
  const rows = height - FRAME_ROWS;
  const none = report.concepts.length === 0 ? wrap(t.stats.noAnswers, width) : [];
  // The concepts' block: the heading and at least one concept, or the words saying there is none yet.
  const conceptsMin = none.length > 0 ? Math.min(2, none.length) : 2;
  const chapterRows = Math.max(1, Math.min(chapters.length, rows - facts.length - 2 - conceptsMin));
  const left = rows - facts.length - 1 - chapterRows - 1;
  const concepts: Line[] =
    none.length > 0
      ? clampLines(none, left, width).map((text) => [{ text, dim: theme.dim }])
      : left < 2
        ? []
        : [[{ text: t.stats.weakest, bold: theme.bold }], ...conceptLines(report, t, width, left - 1)];
  return [...facts, "", ...clampLines(chapters, chapterRows, width), ...(concepts.length > 0 ? ["", ...concepts] : [])];
}

/** The profile's statistics: the same report as `tcp-tutor stats`. */
export function StatsScreen(props: StatsScreenProps) {
  const { report, t, theme, width } = props;
  return (
    <Frame
      title={spread(t.stats.title, t.menu.playing(report.profile), width)}
      hints={["back"]}
      t={t}
      theme={theme}
      width={width}
    >
      <Lines lines={statsBody(props)} />
    </Frame>
  );
}
