import type { LoadedChapter } from "../../levels/loader";
import { type ProgressMap, chapterSummary } from "../campaign";
import { ChoiceList } from "../components/ChoiceList";
import { FRAME_ROWS, Frame } from "../components/Frame";
import { progressBar } from "../format";
import type { Catalogue, Lang } from "../i18n";
import type { Theme } from "../theme";
import { cut, padEnd, padStart, widthOf } from "../text";

export interface CampaignScreenProps {
  readonly chapters: readonly LoadedChapter[];
  readonly progress: ProgressMap;
  readonly cursor: number;
  readonly lang: Lang;
  readonly t: Catalogue;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

const BAR = 10;

/** A chapter's progress as a table row shows it. */
export interface ChapterRow {
  readonly title: string;
  readonly stars: number;
  readonly maxStars: number;
  /** Levels with a star, of `total`. */
  readonly done: number;
  readonly total: number;
}

/**
 * One line per chapter: its title, a bar of the stars earned out of all its stars, stars and levels done; the
 * titles cut so that each line fits `width` after `indent` columns (the campaign's "❯ 1. ", say).
 */
export function chapterTable(rows: readonly ChapterRow[], t: Catalogue, width: number, indent: number): string[] {
  const cells = rows.map((r) => ({
    title: r.title,
    right: [
      progressBar(r.stars, r.maxStars, BAR),
      padStart(t.campaign.stars(r.stars, r.maxStars), 8),
      ` ${t.campaign.levels(r.done, r.total)}`,
    ].join(" "),
  }));
  const right = Math.max(0, ...cells.map((r) => widthOf(r.right)));
  // Two spaces between the title and the rest.
  const titleWidth = Math.max(
    8,
    Math.min(Math.max(0, ...cells.map((r) => widthOf(r.title))), width - indent - 2 - right),
  );
  return cells.map((r) => `${padEnd(cut(r.title, titleWidth), titleWidth)}  ${r.right}`);
}

/** The campaign's chapters, each with its progress. */
export function chapterLines(props: Omit<CampaignScreenProps, "cursor" | "theme" | "height">): string[] {
  const { chapters, progress, lang, t, width } = props;
  const rows = chapters.map((c) => ({ title: c.title[lang], ...chapterSummary(c, progress) }));
  return chapterTable(rows, t, width, 5);
}

/** The campaign's chapters with their progress. */
export function CampaignScreen(props: CampaignScreenProps) {
  const { cursor, t, theme, width, height } = props;
  const items = chapterLines(props).map((label) => ({ label }));
  return (
    <Frame
      title={t.campaign.title}
      hints={["move", "pick", "choose", "help", "back"]}
      t={t}
      theme={theme}
      width={width}
    >
      <ChoiceList items={items} cursor={cursor} numbered theme={theme} width={width} rows={height - FRAME_ROWS} />
    </Frame>
  );
}
