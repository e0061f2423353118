/**
 * Colours by role, or none at all when colour is off (NO_COLOR, --no-color, the settings screen). Nothing is said
 * by colour alone: every coloured thing also has a symbol or a word (❯, ✓, ✗, [C], ★).
 */
export interface Theme {
  readonly color: boolean;
  readonly accent: string | undefined;
  readonly selected: string | undefined;
  readonly good: string | undefined;
  readonly bad: string | undefined;
  readonly client: string | undefined;
  readonly server: string | undefined;
  /** Bold for titles, prompts and verdicts; dim for secondary lines (key hints). Off with colour: no escapes at all. */
  readonly bold: boolean;
  readonly dim: boolean;
}

export function themeFor(color: boolean): Theme {
  return color
    ? {
        color,
        accent: "cyan",
        selected: "cyan",
        good: "green",
        bad: "red",
        client: "blue",
        server: "magenta",
        bold: true,
        dim: true,
      }
    : {
        color,
        accent: undefined,
        selected: undefined,
        good: undefined,
        bad: undefined,
        client: undefined,
        server: undefined,
        bold: false,
        dim: false,
      };
}
