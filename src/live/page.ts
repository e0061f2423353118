/**
 * The projector page served at `http://ADDR:PORT/` by `tcp-tutor host` (issue 8): one self-contained HTML document
 * that watches the round over the `/watch` WebSocket and draws each ProjectorView (src/game/live/view.ts).
 *
 * Self-contained because the server sends it with `default-src 'none'; script-src 'unsafe-inline';
 * style-src 'unsafe-inline'; connect-src 'self'`: no file, font or image is fetched, the style and the script are
 * inline. The markup holds no data: the script fills it from the views, as text (page/script.ts).
 */
import { SCRIPT } from "./page/script";
import { STYLES } from "./page/styles";

/**
 * One section per phase (CSS shows the one body[data-phase] names; #connecting until the first view), the banner
 * over them all. Labels carry data-t, the key of the page's own word the script writes in the view's language.
 */
const BODY = `
<div id="banner" role="alert" hidden><span data-t="lost"></span></div>
<section id="connecting"><p data-t="connecting"></p></section>
<section id="lobby">
  <p class="label" id="join-label" data-t="join"></p>
  <p id="cmd" class="mono">tcp-tutor join <span id="join-address"></span> --pin <span id="join-pin" class="pin-arg"></span></p>
  <div><p class="label" data-t="pin"></p><p id="pin"></p></div>
  <p id="players"></p>
  <p id="waiting" data-t="waiting"></p>
  <ul id="names"></ul>
</section>
<section id="stage">
  <div id="main">
    <div id="head">
      <p id="qnum"></p>
      <p id="answered"></p>
      <p id="timer"><span id="seconds"></span><span class="unit" data-t="seconds"></span></p>
    </div>
    <div id="timebar"><div></div></div>
    <p id="next" hidden></p>
    <h1 id="prompt"></h1>
    <ol id="choices"></ol>
    <div id="reveal-box"><p id="explain"></p><ul id="cites"></ul></div>
    <div id="ladder-box"><pre id="ladder" class="mono"></pre></div>
  </div>
  <aside id="board">
    <h2 data-t="leaderboard"></h2>
    <div class="row head"><span></span><span></span><span class="score" data-t="score"></span><span class="right" data-t="correct"></span></div>
    <ol id="leaders" class="rows"></ol>
  </aside>
</section>
<section id="final">
  <h1 data-t="final"></h1>
  <div class="row head" id="final-head"><span></span><span></span><span class="score" data-t="score"></span><span class="right" data-t="correct"></span></div>
  <ol id="final-list" class="rows"></ol>
</section>
<span id="probe" class="mono" aria-hidden="true">0000000000</span>
`;

/** The whole document: about 20 KB, the same on every request. */
export function projectorPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>tcp-tutor</title>
<style>${STYLES}</style>
</head>
<body>${BODY}<script>${SCRIPT}</script>
</body>
</html>
`;
}
