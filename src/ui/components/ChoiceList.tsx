import SelectInput from "ink-select-input";
import type { Theme } from "../theme";
import { cut } from "../text";
import { type Line, Lines } from "./Lines";

export interface ChoiceItem {
  readonly label: string;
  /** Shown dimmed, with its reason in the label (a locked level). */
  readonly disabled?: boolean;
}

export interface ChoiceListProps {
  readonly items: readonly ChoiceItem[];
  readonly cursor: number;
  /** "1. ", "2. "…: the digit keys choose an item at once. */
  readonly numbered: boolean;
  readonly theme: Theme;
  readonly width: number;
  /** At most this many rows: a longer list shows the part around the cursor. */
  readonly rows?: number;
}

export const POINTER = "❯";

/**
 * A list of choices drawn by ink-select-input, as a controlled wrapper: ink-select-input keeps its highlight in
 * React state and reads keys with that state, so keys arriving in one chunk ("Down Down Enter" typed fast) act on
 * a stale row and submit a choice the player did not make. Here it only draws (isFocused false: it reads no keys);
 * the app's reducer applies every key in order (state/list.ts) and the cursor comes in as a prop, remounting the
 * list at the new row. The rows are exactly those of choiceLines, which the layout measures.
 */
export function ChoiceList(props: ChoiceListProps) {
  const { items, cursor, rows } = props;
  const [from, to] = visible(items.length, cursor, rows ?? items.length);
  const lines = choiceLines(props);
  const options = items.slice(from, to).map((_, j) => ({ key: String(from + j), label: String(j), value: from + j }));
  const Row = ({ label }: { readonly label: string }) => <Lines lines={[lines[Number(label)] ?? ""]} />;
  return (
    <SelectInput
      key={cursor}
      items={options}
      isFocused={false}
      initialIndex={cursor - from}
      indicatorComponent={NoIndicator}
      itemComponent={Row}
    />
  );
}

/** choiceLines draws the pointer itself, in the row's colour. */
function NoIndicator() {
  return null;
}

export function choiceLines({ items, cursor, numbered, theme, width, rows }: ChoiceListProps): Line[] {
  const [from, to] = visible(items.length, cursor, rows ?? items.length);
  return items.slice(from, to).map((item, j) => {
    const i = from + j;
    const selected = i === cursor;
    const text = cut(`${selected ? POINTER : " "} ${numbered && i < 9 ? `${i + 1}. ` : ""}${item.label}`, width);
    return [
      {
        text,
        color: selected ? theme.selected : undefined,
        bold: selected && theme.bold,
        dim: item.disabled === true && !selected && theme.dim,
      },
    ];
  });
}

/** The rows [from, to) of a list shown in `rows` rows: all of them, or a window that keeps the cursor in view. */
export function visible(count: number, cursor: number, rows: number): [number, number] {
  if (count <= rows) return [0, count];
  const from = Math.min(Math.max(0, cursor - Math.floor(rows / 2)), count - Math.max(1, rows));
  return [from, from + Math.max(1, rows)];
}
