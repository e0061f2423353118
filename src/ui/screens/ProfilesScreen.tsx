import { assertNever } from "../../engine";
import { type ChoiceItem, ChoiceList } from "../components/ChoiceList";
import { FRAME_ROWS, Frame } from "../components/Frame";
import { type Line, Lines } from "../components/Lines";
import type { Catalogue } from "../i18n";
import { clampLines } from "../layout";
import { type ProfileItem, profileItems } from "../state/app";
import type { Theme } from "../theme";
import { wrap } from "../text";

export interface ProfilesScreenProps {
  readonly names: readonly string[];
  readonly cursor: number;
  /** The profile being played. */
  readonly current: string;
  /** The title of the level left in the middle, which switching drops. */
  readonly suspended: string | undefined;
  /** Why reading the profiles, or the last switch, failed. */
  readonly error: { readonly what: "profiles" | "switch"; readonly message: string } | undefined;
  readonly t: Catalogue;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

function itemLabel(item: ProfileItem, current: string, t: Catalogue): string {
  switch (item.kind) {
    case "profile":
      return item.name === current ? t.profiles.current(item.name) : item.name;
    case "new":
      return t.profiles.create;
    case "back":
      return t.profiles.back;
    default:
      return assertNever(item);
  }
}

/** Pure: the list's items, how many rows it may take, and the lines under it (what switching does, or an error). */
export function profilesLayout(props: ProfilesScreenProps): {
  readonly items: ChoiceItem[];
  readonly rows: number;
  readonly below: Line[];
} {
  const { names, current, suspended, error, t, theme, width, height } = props;
  const items = profileItems(names).map((item) => ({ label: itemLabel(item, current, t) }));
  const notes: Line[] = [
    ...(error === undefined
      ? wrap(t.profiles.note, width).map((text) => [{ text, dim: theme.dim }])
      : wrap(
          error.what === "profiles" ? t.profiles.listFailed(error.message) : t.profiles.switchFailed(error.message),
          width,
        ).map((text) => [{ text, color: theme.bad }])),
    ...(suspended === undefined ? [] : wrap(t.profiles.dropsSuspended(suspended), width)),
  ];
  const body = height - FRAME_ROWS;
  // The list keeps at least three rows (it scrolls); the notes get the rest.
  const rows = Math.max(Math.min(3, items.length), Math.min(items.length, body - 1 - notes.length));
  const room = body - rows - 1;
  const kept = notes.length <= room ? notes : clampLines(notes.map(lineText), room, width);
  return { items, rows, below: kept.length === 0 ? [] : ["", ...kept] };
}

function lineText(line: Line): string {
  return typeof line === "string" ? line : line.map((p) => p.text).join("");
}

/** The profiles, the one being played marked; "New profile…" to type a name. */
export function ProfilesScreen(props: ProfilesScreenProps) {
  const { cursor, t, theme, width } = props;
  const { items, rows, below } = profilesLayout(props);
  return (
    <Frame
      title={t.profiles.title}
      hints={["move", "pick", "choose", "help", "back"]}
      t={t}
      theme={theme}
      width={width}
    >
      <ChoiceList items={items} cursor={cursor} numbered theme={theme} width={width} rows={rows} />
      <Lines lines={below} />
    </Frame>
  );
}
