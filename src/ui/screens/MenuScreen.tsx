import type { ChoiceItem } from "../components/ChoiceList";
import { ChoiceList } from "../components/ChoiceList";
import { FRAME_ROWS, Frame } from "../components/Frame";
import { type Line, Lines } from "../components/Lines";
import type { Catalogue } from "../i18n";
import { clampLines } from "../layout";
import { MENU_ITEMS, type MenuItem } from "../state/app";
import type { Theme } from "../theme";
import { cut, wrap } from "../text";

export interface MenuScreenProps {
  readonly cursor: number;
  /** What Continue does, in words ("Continue: The first SYN"); undefined when there is nothing to continue. */
  readonly continueLabel: string | undefined;
  /** The profile being played. */
  readonly profileName: string;
  /** Lines from the program about the save, in English. */
  readonly notices: readonly string[];
  readonly t: Catalogue;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

export function menuLabel(item: MenuItem, t: Catalogue, continueLabel: string | undefined): string {
  return item === "continue" ? (continueLabel ?? t.menu.continue) : t.menu[item];
}

/**
 * Pure: the lines above the menu's items (the tagline, the profile) and below them (the notices, each wrapped).
 * Every item always shows; notices that need more rows than are left take the tagline's, then those of the blank
 * lines around the items, and are cut last.
 */
export function menuLayout(props: MenuScreenProps): { readonly above: Line[]; readonly below: Line[] } {
  const { profileName, notices, t, theme, width, height } = props;
  const profile = cut(t.menu.playing(profileName), width);
  const notes = notices.flatMap((n) => wrap(t.menu.notice(n), width));
  const rows = height - FRAME_ROWS - MENU_ITEMS.length;
  // Above the items, and the rows between the items and the notices.
  const layouts: [Line[], number][] = [
    [[cut(t.tagline, width), profile, ""], 1],
    [[profile, ""], 1],
    [[profile], 1],
    [[profile], 0],
  ];
  const fits = ([above, gap]: [Line[], number]) => notes.length === 0 || above.length + gap + notes.length <= rows;
  const [above, gap] = layouts.find(fits) ?? [[profile], 0];
  const shown = clampLines(notes, rows - above.length - gap, width);
  const below: Line[] = [
    ...(shown.length > 0 && gap > 0 ? [""] : []),
    ...shown.map((text) => [{ text, color: theme.bad }]),
  ];
  return { above, below };
}

/** The title screen and main menu. */
export function MenuScreen(props: MenuScreenProps) {
  const { cursor, continueLabel, t, theme, width } = props;
  const items: ChoiceItem[] = MENU_ITEMS.map((item) => ({ label: menuLabel(item, t, continueLabel) }));
  const { above, below } = menuLayout(props);
  return (
    <Frame title={t.title} hints={["move", "pick", "choose", "help", "quit"]} t={t} theme={theme} width={width}>
      <Lines lines={above} />
      <ChoiceList items={items} cursor={cursor} numbered theme={theme} width={width} />
      <Lines lines={below} />
    </Frame>
  );
}
