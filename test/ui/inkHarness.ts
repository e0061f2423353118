import "./asInTerminal";
import { render } from "ink-testing-library";
import type { ReactElement } from "react";

/** Named keys, as a terminal sends them. */
export const KEY = {
  UP: "\u001B[A",
  DOWN: "\u001B[B",
  ENTER: "\r",
  ESCAPE: "\u001B",
  SPACE: " ",
  CTRL_C: "\u0003",
} as const;

export type Rendered = ReturnType<typeof render>;

/** Renders at a terminal size (ink-testing-library's own is 100 columns and no rows: the app takes 24). */
export async function renderAt(tree: ReactElement, columns = 80, rows = 24): Promise<Rendered> {
  const r = render(tree);
  resize(r, columns, rows);
  await waitFor(r, () => true);
  return r;
}

/** Changes the terminal's size the way a terminal does: new columns and rows, then a 'resize' event. */
export function resize(r: Rendered, columns: number, rows: number): void {
  Object.defineProperty(r.stdout, "columns", { value: columns, configurable: true });
  Object.defineProperty(r.stdout, "rows", { value: rows, configurable: true });
  r.stdout.emit("resize");
}

/** The frame on screen now. */
export function frame(r: Rendered): string {
  return r.lastFrame() ?? "";
}

/**
 * Waits until the frame satisfies `ok`, polling (never a fixed sleep): Ink draws after React has applied the
 * keys, a moment after they are written. Fails with the last frame after `timeout` ms.
 */
export async function waitFor(r: Rendered, ok: (frame: string) => boolean, timeout = 2000): Promise<string> {
  const start = Date.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const f = frame(r);
    if (ok(f)) return f;
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for the frame; the last one:\n${f}`);
  }
}

/** Writes keys (one chunk) and waits for the frame to change and satisfy `ok`. */
export async function press(r: Rendered, keys: string, ok: (frame: string) => boolean = () => true): Promise<string> {
  const before = frame(r);
  r.stdin.write(keys);
  return waitFor(r, (f) => f !== before && ok(f));
}
