import { assertNever } from "../../engine";
import { ChoiceList } from "../components/ChoiceList";
import { FRAME_ROWS, Frame } from "../components/Frame";
import { Lines } from "../components/Lines";
import type { Catalogue } from "../i18n";
import { clampLines } from "../layout";
import { SETTINGS_ITEMS, type SettingsItem } from "../state/app";
import type { Theme } from "../theme";
import { wrap } from "../text";

export interface SettingsScreenProps {
  readonly cursor: number;
  readonly color: boolean;
  /** The profile the settings are saved in. */
  readonly profileName: string;
  /** Why the store could not save the last change, when it could not (the change holds until the game quits). */
  readonly saveError?: string | undefined;
  readonly t: Catalogue;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
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

/** Language and colour, each switched by choosing it and saved in the profile. */
export function SettingsScreen(props: SettingsScreenProps) {
  const { cursor, color, profileName, saveError, t, theme, width, height } = props;
  const items = SETTINGS_ITEMS.map((item) => ({ label: settingLabel(item, t, color) }));
  const room = height - FRAME_ROWS - items.length - 1;
  const lines = (text: string) => clampLines(wrap(text, width), room, width);
  const note =
    saveError === undefined
      ? lines(t.settings.note(profileName)).map((text) => [{ text, dim: theme.dim }])
      : lines(t.settings.notSaved(saveError)).map((text) => [{ text, color: theme.bad }]);
  return (
    <Frame
      title={t.settings.title}
      hints={["move", "pick", "choose", "help", "back"]}
      t={t}
      theme={theme}
      width={width}
    >
      <ChoiceList items={items} cursor={cursor} numbered theme={theme} width={width} />
      <Lines lines={["", ...note]} />
    </Frame>
  );
}
