import { Box } from "ink";
import type { ReactNode } from "react";
import type { Catalogue } from "../i18n";
import type { Theme } from "../theme";
import { cut } from "../text";
import { type Hint, KeyHints } from "./KeyHints";
import { Lines } from "./Lines";

/** Rows a frame takes around its body: the title and a blank line above, a blank line and the key hints below. */
export const FRAME_ROWS = 4;

export interface FrameProps {
  /** The title line, already laid out (see layout.spread for a right-hand part). */
  readonly title: string;
  readonly hints: readonly Hint[];
  readonly t: Catalogue;
  readonly theme: Theme;
  readonly width: number;
  readonly children: ReactNode;
}

/** Every screen's frame: title, body, key hints. The body must fit in the height less FRAME_ROWS. */
export function Frame({ title, hints, t, theme, width, children }: FrameProps) {
  return (
    <Box flexDirection="column">
      <Lines lines={[[{ text: cut(title, width), bold: theme.bold, color: theme.accent }], ""]} />
      {children}
      <Lines lines={[""]} />
      <KeyHints hints={hints} t={t} theme={theme} width={width} />
    </Box>
  );
}
