import { Lines } from "../components/Lines";
import type { Catalogue } from "../i18n";
import { clampLines, MIN_COLUMNS, MIN_ROWS, type Size } from "../layout";
import { wrap } from "../text";

/** Instead of a garbled frame: the size the terminal is and the size the game needs. */
export function TooSmallScreen({ size, t }: { readonly size: Size; readonly t: Catalogue }) {
  const width = Math.max(1, size.columns);
  const lines = wrap(t.tooSmall(size.columns, size.rows, MIN_COLUMNS, MIN_ROWS), width);
  return <Lines lines={clampLines(lines, Math.max(1, size.rows - 1), width)} />;
}
