import type { ChoiceItem } from "../components/ChoiceList";
import { ChoiceList } from "../components/ChoiceList";
import { Frame } from "../components/Frame";
import { Lines } from "../components/Lines";
import type { Catalogue } from "../i18n";
import { MENU_ITEMS, type MenuItem } from "../state/app";
import type { Theme } from "../theme";
import { cut } from "../text";

export interface MenuScreenProps {
  readonly cursor: number;
  /** What Continue does, in words ("Continue: The first SYN"); undefined when there is nothing to continue. */
  readonly continueLabel: string | undefined;
  readonly t: Catalogue;
  readonly theme: Theme;
  readonly width: number;
}

export function menuLabel(item: MenuItem, t: Catalogue, continueLabel: string | undefined): string {
  return item === "continue" ? (continueLabel ?? t.menu.continue) : t.menu[item];
}

/** The title screen and main menu. */
export function MenuScreen({ cursor, continueLabel, t, theme, width }: MenuScreenProps) {
  const items: ChoiceItem[] = MENU_ITEMS.map((item) => ({ label: menuLabel(item, t, continueLabel) }));
  return (
    <Frame title={t.title} hints={["move", "pick", "choose", "help", "quit"]} t={t} theme={theme} width={width}>
      <Lines lines={[cut(t.tagline, width), ""]} />
      <ChoiceList items={items} cursor={cursor} numbered theme={theme} width={width} />
    </Frame>
  );
}
