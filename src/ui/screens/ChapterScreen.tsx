import type { LoadedChapter } from "../../levels/loader";
import { chapterSummary, isUnlocked, type ProgressMap } from "../campaign";
import { type ChoiceItem, ChoiceList } from "../components/ChoiceList";
import { FRAME_ROWS, Frame } from "../components/Frame";
import { Lines } from "../components/Lines";
import { starText } from "../format";
import type { Catalogue, Lang } from "../i18n";
import { spread } from "../layout";
import type { Theme } from "../theme";
import { cut, padEnd, widthOf, wrap } from "../text";

export interface ChapterScreenProps {
  readonly chapters: readonly LoadedChapter[];
  readonly chapter: number;
  readonly progress: ProgressMap;
  readonly cursor: number;
  /** The player tried to open the locked level under the cursor. */
  readonly locked: boolean;
  readonly lang: Lang;
  readonly t: Catalogue;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

/** A chapter's levels: stars and best score, or locked. */
export function levelItems(props: Omit<ChapterScreenProps, "cursor" | "locked" | "theme" | "height">): ChoiceItem[] {
  const { chapters, chapter, progress, lang, t, width } = props;
  const levels = chapters[chapter]?.levels ?? [];
  // Room for "❯ 1. ", "★★☆ " before the title and about 22 columns of best score after it.
  const titleWidth = Math.min(
    Math.max(0, ...levels.map((l) => widthOf(l.level.title[lang]))),
    Math.max(8, width - 5 - 4 - 22),
  );
  return levels.map((l, level) => {
    const open = isUnlocked(chapters, progress, { chapter, level });
    const p = progress.get(l.level.id);
    const title = padEnd(cut(l.level.title[lang], titleWidth), titleWidth);
    if (!open) return { label: `${" ".repeat(3)} ${title}  ${t.campaign.locked}`, disabled: true };
    const best = p ? t.campaign.best(p.bestScore, p.maxScore) : t.campaign.notPlayed;
    return { label: `${starText(p?.stars ?? 0)} ${title}  ${best}` };
  });
}

export function ChapterScreen(props: ChapterScreenProps) {
  const { chapters, chapter, progress, cursor, locked, lang, t, theme, width, height } = props;
  const c = chapters[chapter];
  const summary = c ? chapterSummary(c, progress) : undefined;
  const title = spread(c?.title[lang] ?? "", summary ? t.campaign.stars(summary.stars, summary.maxStars) : "", width);
  const items = levelItems(props);
  const previous = c?.levels[cursor - 1]?.level.title[lang];
  const notice = locked && previous !== undefined ? wrap(t.campaign.lockedWhy(previous), width) : [];
  return (
    <Frame title={title} hints={["move", "pick", "choose", "help", "back"]} t={t} theme={theme} width={width}>
      {items.length === 0 ? <Lines lines={wrap(t.campaign.empty, width)} /> : null}
      <ChoiceList
        items={items}
        cursor={cursor}
        numbered
        theme={theme}
        width={width}
        rows={height - FRAME_ROWS - (notice.length > 0 ? notice.length + 1 : 0)}
      />
      {notice.length > 0 ? <Lines lines={["", ...notice.map((text) => [{ text, color: theme.bad }])]} /> : null}
    </Frame>
  );
}
