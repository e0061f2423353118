import { FRAME_ROWS, Frame } from "../components/Frame";
import { Lines } from "../components/Lines";
import type { Catalogue } from "../i18n";
import { COMMANDS, commandKeys } from "../keys";
import { clampLines } from "../layout";
import type { Theme } from "../theme";
import { padEnd, widthOf, wrap } from "../text";

export interface HelpScreenProps {
  readonly t: Catalogue;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

/** Every key, generated from the key table, after a few words on how to play. */
export function helpLines(t: Catalogue, width: number): string[] {
  const keys = COMMANDS.map((c) => commandKeys(c, t.help.keyNames));
  const keyWidth = Math.max(...keys.map(widthOf));
  // Each description beside its keys, wrapped under itself when the terminal is narrow.
  const indent = 2 + keyWidth + 3;
  const table = COMMANDS.flatMap((c, i) =>
    wrap(t.help.commands[c], width - indent).map(
      (line, j) => `${j === 0 ? `  ${padEnd(keys[i] as string, keyWidth)}   ` : " ".repeat(indent)}${line}`,
    ),
  );
  return [...t.help.howTo.flatMap((p) => wrap(p, width)), "", t.help.keys, ...table];
}

export function HelpScreen({ t, theme, width, height }: HelpScreenProps) {
  const lines = helpLines(t, width);
  // The keys matter most: on a short terminal the words on how to play give way first.
  const keysStart = lines.indexOf(t.help.keys);
  const body =
    lines.length <= height - FRAME_ROWS ? lines : clampLines(lines.slice(keysStart), height - FRAME_ROWS, width);
  return (
    <Frame title={t.help.title} hints={["back"]} t={t} theme={theme} width={width}>
      <Lines lines={body} />
    </Frame>
  );
}
