import { Text } from "ink";

/** A run of text in one style. */
export interface Piece {
  readonly text: string;
  readonly color?: string | undefined;
  readonly bold?: boolean;
  readonly dim?: boolean;
  readonly inverse?: boolean;
}

/** One row of the screen: plain text, or pieces in different styles. */
export type Line = string | readonly Piece[];

/**
 * Rows of text, one per line, already measured and cut to the frame by the screen: never wrapped again here, so
 * the frame's height is exactly the number of lines.
 */
export function Lines({ lines }: { readonly lines: readonly Line[] }) {
  return (
    <>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {typeof line === "string" ? blankAsSpace(line) : line.map((p, j) => <PieceText key={j} piece={p} />)}
        </Text>
      ))}
    </>
  );
}

function PieceText({ piece }: { readonly piece: Piece }) {
  return (
    <Text
      {...(piece.color === undefined ? {} : { color: piece.color })}
      bold={piece.bold ?? false}
      dimColor={piece.dim ?? false}
      inverse={piece.inverse ?? false}
    >
      {piece.text}
    </Text>
  );
}

/** An empty Text takes no row in Ink: a blank line is a space. */
function blankAsSpace(text: string): string {
  return text === "" ? " " : text;
}
