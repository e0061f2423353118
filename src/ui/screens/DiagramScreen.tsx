import type { Trace } from "../../engine";
import { keyHints } from "../components/KeyHints";
import { type Line, Lines, type Piece } from "../components/Lines";
import type { Catalogue } from "../i18n";
import { currentStates, DIAGRAM_HEIGHT, DIAGRAM_WIDTH, type Span, stateDiagram } from "../stateDiagram";
import type { Theme } from "../theme";
import { cut, wrap } from "../text";

export interface DiagramScreenProps {
  /** The scenario so far: each side's current state is its last state change in it. */
  readonly shown: Trace;
  readonly t: Catalogue;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

/** Title, legend, the diagram and the key hints, without blank lines: it fits 80×24. */
export const DIAGRAM_ROWS = DIAGRAM_HEIGHT + 3;

/** The RFC 9293 state diagram with both sides' current states marked [C] and [S]. */
export function DiagramScreen(props: DiagramScreenProps) {
  return <Lines lines={diagramLines(props)} />;
}

/** Every line of the diagram screen; a terminal too small for the diagram is told the size it needs. */
export function diagramLines({ shown, t, theme, width, height }: DiagramScreenProps): Line[] {
  const current = currentStates(shown);
  const fits = width >= DIAGRAM_WIDTH && height >= DIAGRAM_ROWS;
  const body: Line[] = fits
    ? stateDiagram(current).map((spans) => spans.map((s) => piece(s, theme)))
    : ["", ...wrap(t.diagram.tooSmall(DIAGRAM_WIDTH, DIAGRAM_ROWS + 1), width)];
  return [
    [{ text: cut(t.diagram.title, width), bold: theme.bold, color: theme.accent }],
    cut(t.diagram.legend(current.client, current.server), width),
    ...body,
    [{ text: cut(keyHints(["diagram", "back"], t), width), dim: theme.dim }],
  ];
}

function piece(s: Span, theme: Theme): Piece {
  if (s.current === undefined) return { text: s.text };
  const color = s.current === "client" ? theme.client : s.current === "server" ? theme.server : theme.accent;
  return { text: s.text, color, bold: theme.bold, inverse: theme.color && s.marker !== true };
}
