import type { Catalogue } from "../i18n";
import { type Command, primaryKey } from "../keys";
import type { Theme } from "../theme";
import { cut } from "../text";
import { Lines } from "./Lines";

/** A command, or "move" (or "scroll", on a screen that scrolls) for up and down together. */
export type Hint = Command | "move" | "scroll";

/** "↑↓ move · Enter choose · ? help · Esc back": the keys of the screen, from the one key table. */
export function keyHints(hints: readonly Hint[], t: Catalogue): string {
  const names = t.help.keyNames;
  return hints
    .map((h) => {
      const keys = h === "move" || h === "scroll" ? `${primaryKey("up", names)}${primaryKey("down", names)}` : primaryKey(h, names);
      return `${keys} ${t.help.hints[h]}`;
    })
    .join(" · ");
}

export function KeyHints(props: {
  readonly hints: readonly Hint[];
  readonly t: Catalogue;
  readonly theme: Theme;
  readonly width: number;
}) {
  return <Lines lines={[[{ text: cut(keyHints(props.hints, props.t), props.width), dim: props.theme.dim }]]} />;
}
