import { assertNever } from "../../engine";
import { INTERVIEW_COUNT, INTERVIEW_MINUTES, TOPIC_INFO, TOPICS } from "../../game/drill";
import { ChoiceList } from "../components/ChoiceList";
import { FRAME_ROWS, Frame } from "../components/Frame";
import { type Line, Lines } from "../components/Lines";
import type { Catalogue, Lang } from "../i18n";
import { clampLines } from "../layout";
import { DRILL_ITEMS, type DrillItem } from "../state/app";
import type { DrillTally } from "../state/drill";
import type { Theme } from "../theme";
import { wrap } from "../text";

export interface DrillMenuScreenProps {
  readonly cursor: number;
  /** The drill just left: what it came to. */
  readonly last?: DrillTally | undefined;
  /** Why the drill the command line asked for cannot be (English). */
  readonly problem?: string | undefined;
  readonly t: Catalogue;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

export function drillLabel(item: DrillItem, t: Catalogue): string {
  switch (item) {
    case "endless":
      return t.drill.endless;
    case "topic":
      return t.drill.byTopic;
    case "interview":
      return t.drill.interview(INTERVIEW_COUNT, INTERVIEW_MINUTES);
    case "back":
      return t.drill.back;
    default:
      return assertNever(item);
  }
}

/**
 * Pure: the lines over the items (how the drill adapts) and under them (the last drill, or why the one asked for
 * cannot be). Every item always shows; the words over them give way first.
 */
export function drillMenuLayout(props: DrillMenuScreenProps): { readonly above: Line[]; readonly below: Line[] } {
  const { last, problem, t, theme, width, height } = props;
  const note =
    problem !== undefined
      ? wrap(t.drill.problem(problem), width).map((text): Line => [{ text, color: theme.bad }])
      : last
        ? wrap(t.drill.last(last.puzzles, last.right, last.points), width)
        : [];
  const rows = height - FRAME_ROWS - DRILL_ITEMS.length;
  const below = note.length === 0 ? [] : ["", ...note].slice(0, Math.max(0, rows));
  const about = clampLines(wrap(t.drill.about, width), rows - below.length - 1, width);
  const above: Line[] = about.length === 0 ? [] : [...about.map((text): Line => [{ text, dim: theme.dim }]), ""];
  return { above, below };
}

/** The drill menu: the endless drill, on every topic or one, and the interview round. */
export function DrillMenuScreen(props: DrillMenuScreenProps) {
  const { cursor, t, theme, width } = props;
  const { above, below } = drillMenuLayout(props);
  const items = DRILL_ITEMS.map((item) => ({ label: drillLabel(item, t) }));
  return (
    <Frame title={t.menu.drill} hints={["move", "pick", "choose", "help", "back"]} t={t} theme={theme} width={width}>
      <Lines lines={above} />
      <ChoiceList items={items} cursor={cursor} numbered theme={theme} width={width} />
      <Lines lines={below} />
    </Frame>
  );
}

/** The topics to drill, by their names in the player's language, then Back. */
export function TopicsScreen(props: {
  readonly cursor: number;
  readonly lang: Lang;
  readonly t: Catalogue;
  readonly theme: Theme;
  readonly width: number;
}) {
  const { cursor, lang, t, theme, width } = props;
  const items = [...TOPICS.map((topic) => ({ label: TOPIC_INFO[topic].title[lang] })), { label: t.drill.back }];
  return (
    <Frame
      title={t.drill.topicsTitle}
      hints={["move", "pick", "choose", "help", "back"]}
      t={t}
      theme={theme}
      width={width}
    >
      <ChoiceList items={items} cursor={cursor} numbered theme={theme} width={width} />
    </Frame>
  );
}
