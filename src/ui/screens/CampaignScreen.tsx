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

/** One line per chapter: its title, a bar of the stars earned out of all its stars, stars and levels done. */
export function chapterLines(props: Omit<CampaignScreenProps, "cursor" | "theme" | "height">): string[] {
  const { chapters, progress, lang, t, width } = props;
  const rows = chapters.map((c) => {
    const s = chapterSummary(c, progress);
    return {
      title: c.title[lang],
      right: [
        progressBar(s.stars, s.maxStars, BAR),
        padStart(t.campaign.stars(s.stars, s.maxStars), 8),
        ` ${t.campaign.levels(s.done, s.total)}`,
      ].join(" "),
    };
  });
  const right = Math.max(0, ...rows.map((r) => widthOf(r.right)));
  // "❯ 1. " before each line, two spaces between the title and the rest.
  const titleWidth = Math.max(8, Math.min(Math.max(0, ...rows.map((r) => widthOf(r.title))), width - 5 - 2 - right));
  return rows.map((r) => `${padEnd(cut(r.title, titleWidth), titleWidth)}  ${r.right}`);
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
