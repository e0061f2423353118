import { assertNever } from "../../engine";
import { ChoiceList } from "../components/ChoiceList";
import { Frame } from "../components/Frame";
import { Lines } from "../components/Lines";
import type { Catalogue } from "../i18n";
import { SETTINGS_ITEMS, type SettingsItem } from "../state/app";
import type { Theme } from "../theme";
import { wrap } from "../text";

export interface SettingsScreenProps {
  readonly cursor: number;
  readonly color: boolean;
  readonly t: Catalogue;
  readonly theme: Theme;
  readonly width: number;
}

function settingLabel(item: SettingsItem, t: Catalogue, color: boolean): string {
  switch (item) {
    case "language":
      return t.settings.language(t.langName);
    case "colour":
      return t.settings.colour(color);
    case "back":
      return t.settings.back;
    default:
      return assertNever(item);
  }
}

/** Language and colour, each switched by choosing it. */
export function SettingsScreen({ cursor, color, t, theme, width }: SettingsScreenProps) {
  const items = SETTINGS_ITEMS.map((item) => ({ label: settingLabel(item, t, color) }));
  return (
    <Frame
      title={t.settings.title}
      hints={["move", "pick", "choose", "help", "back"]}
      t={t}
      theme={theme}
      width={width}
    >
      <ChoiceList items={items} cursor={cursor} numbered theme={theme} width={width} />
      <Lines lines={["", ...wrap(t.settings.note, width).map((text) => [{ text, dim: theme.dim }])]} />
    </Frame>
  );
}
