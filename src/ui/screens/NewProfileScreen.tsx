import { assertNever } from "../../engine";
import { FRAME_ROWS, Frame } from "../components/Frame";
import { type Line, Lines } from "../components/Lines";
import type { Catalogue } from "../i18n";
import { clampLines } from "../layout";
import type { NameProblem } from "../state/profileName";
import type { Theme } from "../theme";
import { widthOf, wrap } from "../text";

export interface NewProfileScreenProps {
  readonly text: string;
  readonly problem: NameProblem | undefined;
  /** Why creating the profile failed in the store. */
  readonly error: string | undefined;
  readonly t: Catalogue;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

/** The cursor drawn after the typed text. */
const CURSOR = "█";

export function problemText(problem: NameProblem, t: Catalogue): string {
  switch (problem.kind) {
    case "empty":
      return t.newProfile.empty;
    case "start":
      return t.newProfile.start;
    case "char":
      return t.newProfile.char(problem.char);
    case "tooLong":
      return t.newProfile.tooLong(problem.max);
    case "rule":
      return t.newProfile.rule;
    case "exists":
      return t.newProfile.exists(problem.name);
    default:
      return assertNever(problem);
  }
}

/** "Name: ana█"; when the name is wider than the line, its end, where the typing is. */
export function fieldLine(text: string, t: Catalogue, width: number): string {
  const line = (shown: string) => `${t.newProfile.field(shown)}${CURSOR}`;
  if (widthOf(line(text)) <= width) return line(text);
  const chars = [...text];
  while (chars.length > 0 && widthOf(line(`…${chars.join("")}`)) > width) chars.shift();
  return line(`…${chars.join("")}`);
}

/** Pure: the field, what a name can be, and why the name typed cannot be used. */
export function newProfileBody(props: NewProfileScreenProps): Line[] {
  const { text, problem, error, t, theme, width, height } = props;
  const why =
    error !== undefined
      ? t.profiles.switchFailed(error)
      : problem === undefined
        ? undefined
        : problemText(problem, t);
  const lines: Line[] = [
    fieldLine(text, t, width),
    "",
    ...wrap(t.newProfile.rule, width).map((line) => [{ text: line, dim: theme.dim }]),
  ];
  const rows = height - FRAME_ROWS;
  if (why === undefined) return lines.slice(0, rows);
  const room = rows - lines.length - 1;
  return [...lines, "", ...clampLines(wrap(why, width), room, width).map((line) => [{ text: line, color: theme.bad }])];
}

/** A new profile's name, typed: letters of any script (Chinese too), digits, _ . - */
export function NewProfileScreen(props: NewProfileScreenProps) {
  const { t, theme, width } = props;
  return (
    <Frame title={t.newProfile.title} hints={["choose", "erase", "back"]} t={t} theme={theme} width={width}>
      <Lines lines={newProfileBody(props)} />
    </Frame>
  );
}
