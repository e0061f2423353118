/**
 * The projector page's stylesheet, inlined in the document (the CSP allows inline styles and nothing fetched).
 *
 * Sizes are in rem and the root font size follows the viewport (the smaller of 1.6 % of its width and 2.85 % of
 * its height), so 1280×720 and 1920×1080 show the same layout scaled, and nothing needs scrolling: a projector
 * page is never scrolled. Light text on a near-black background: it keeps its contrast on washed-out projectors
 * and does not light up a darkened room.
 */

/**
 * Monospace faces with box-drawing characters first (the ladder's arrows are one column wide in them), then faces
 * with CJK. The page also forces every non-ASCII run of the ladder to its width in columns (script.ts), so CJK
 * drawn by a fallback font still lines up.
 */
const MONO =
  '"DejaVu Sans Mono", "Cascadia Mono", Consolas, Menlo, "Liberation Mono", "Noto Sans Mono CJK SC", ' +
  '"Sarasa Mono SC", "WenQuanYi Zen Hei Mono", NSimSun, monospace';
const SANS =
  '"Noto Sans", "Segoe UI", "Helvetica Neue", Arial, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", ' +
  '"Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';
/** In Chinese the CJK faces come first, so Latin and Chinese in one line come from one family. */
const SANS_ZH =
  '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", ' +
  '"Noto Sans", Arial, sans-serif';

export const STYLES = `
:root {
  font-size: min(1.6vw, 2.85vh);
  color-scheme: dark;
  --bg: #0d1117; --panel: #161b22; --line: #30363d; --fg: #f0f3f6; --muted: #a8b3c1;
  --accent: #ffd33d; --good: #3fb950; --bad: #ff5c5c; --bar: rgba(88, 166, 255, 0.3);
}
* { box-sizing: border-box; margin: 0; padding: 0; }
html, body { height: 100%; }
body {
  background: var(--bg); color: var(--fg); font-family: ${SANS}; line-height: 1.25; overflow: hidden;
  font-variant-numeric: tabular-nums; display: flex; flex-direction: column; height: 100vh;
}
html:lang(zh) body { font-family: ${SANS_ZH}; }
.mono { font-family: ${MONO}; }
[hidden] { display: none !important; }

/* In the flow above the phase, not over it: the question and the clock stay readable while the page reconnects. */
#banner {
  flex: none; padding: 0.5rem 1rem; text-align: center;
  background: var(--bad); color: #000; font-size: 1.5rem; font-weight: 800;
}

section { display: none; flex: 1 1 0; min-height: 0; }
body:not([data-phase]) #connecting, body[data-phase="lobby"] #lobby, body[data-phase="finished"] #final {
  display: flex;
}
body[data-phase="question"] #stage, body[data-phase="reveal"] #stage { display: grid; }

#connecting { align-items: center; justify-content: center; font-size: 2rem; color: var(--muted); }

/* Lobby: the command to type and the PIN, big enough to read from the back row. */
#lobby {
  flex-direction: column; align-items: center; justify-content: center; gap: 1rem; padding: 2rem;
  text-align: center;
}
.label { font-size: 1.4rem; color: var(--muted); }
#cmd {
  font-size: 2rem; font-weight: 700; background: var(--panel); border: 2px solid var(--line);
  border-radius: 0.5rem; padding: 0.4rem 1.2rem; max-width: 94vw; overflow-wrap: anywhere;
}
#cmd .pin-arg { color: var(--accent); }
#pin {
  font-size: 9rem; font-weight: 900; line-height: 1; letter-spacing: 0.08em; color: var(--accent);
}
/* The PIN withheld from a page not on the host's machine: a sentence in its place, and a placeholder in the command. */
#pin.withheld { font-size: 3rem; line-height: 1.2; letter-spacing: normal; }
#cmd .pin-arg.withheld { font-style: italic; }
#players { font-size: 1.5rem; font-weight: 700; }
#waiting { font-size: 1.3rem; color: var(--muted); }
#names {
  list-style: none; display: flex; flex-wrap: wrap; justify-content: center; gap: 0.4rem 0.6rem;
  max-width: 92vw; max-height: 22vh; overflow: hidden;
}
#names li {
  background: var(--panel); border: 1px solid var(--line); border-radius: 1rem; padding: 0.15rem 0.8rem;
  font-size: 1.15rem; max-width: 20rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
}
#names li.off { opacity: 0.45; }

/* Question and reveal: the question and its ladder on the left, the leaderboard on the right. */
#stage { grid-template-columns: minmax(0, 1fr) 20rem; gap: 1rem; padding: 0.8rem 1rem; }
#main { display: flex; flex-direction: column; gap: 0.55rem; min-width: 0; min-height: 0; }
#head { display: flex; align-items: center; gap: 1.2rem; }
#qnum { font-size: 1.5rem; font-weight: 800; color: var(--accent); }
#answered { font-size: 1.25rem; color: var(--muted); }
#timer { margin-left: auto; display: flex; align-items: baseline; gap: 0.4rem; }
#seconds { font-size: 3.2rem; font-weight: 900; line-height: 1; min-width: 2ch; text-align: right; }
#timer .unit { font-size: 1.1rem; color: var(--muted); }
#timer.urgent, #timer.urgent .unit { color: var(--bad); }
#timebar { height: 0.3rem; background: var(--line); border-radius: 0.2rem; overflow: hidden; }
#timebar div { height: 100%; width: 0; background: var(--accent); transition: width 0.25s linear; }
#timebar.urgent div { background: var(--bad); }
/* Once closed, the clock goes, and the next-step line too: the room needs the room for the explanation. */
body[data-phase="reveal"] #timer, body[data-phase="reveal"] #timebar, body[data-phase="reveal"] #next { display: none; }
#next { font-size: 1.1rem; color: var(--muted); font-style: italic; }
#prompt { font-size: 1.5rem; font-weight: 700; line-height: 1.2; }

#choices { list-style: none; display: grid; grid-template-columns: 1fr 1fr; gap: 0.45rem 0.8rem; }
.choice {
  position: relative; display: flex; align-items: center; gap: 0.6rem; padding: 0.3rem 0.7rem 0.3rem 0.4rem;
  background: var(--panel); border: 2px solid var(--line); border-radius: 0.45rem; font-size: 1.3rem;
  overflow: hidden; min-width: 0;
}
.choice > * { position: relative; }
.choice .bar { position: absolute; left: 0; top: 0; bottom: 0; width: 0; background: var(--bar); }
.choice .letter {
  flex: none; width: 1.9rem; height: 1.9rem; border-radius: 50%; background: var(--line);
  display: grid; place-items: center; font-weight: 900;
}
.choice .text { flex: 1; min-width: 0; overflow-wrap: anywhere; }
.choice .mark { color: var(--good); font-size: 1.6rem; font-weight: 900; line-height: 1; }
.choice .count { font-weight: 900; font-size: 1.4rem; }
.choice.correct { border-color: var(--good); border-width: 3px; }
.choice.correct .letter { background: var(--good); color: #000; }
.choice.correct .bar { background: rgba(63, 185, 80, 0.35); }
.choice.dim { opacity: 0.5; }

#reveal-box { display: none; font-size: 1.15rem; line-height: 1.3; }
body[data-phase="reveal"] #reveal-box { display: block; }
#explain { border-left: 0.3rem solid var(--good); padding-left: 0.7rem; }
#cites { list-style: none; display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; margin-top: 0.3rem; color: var(--muted); font-size: 1rem; }
#cites li::before { content: "\\2192  "; }

#ladder-box {
  flex: 1 1 0; min-height: 2.5rem; overflow: hidden; background: #010409; border: 1px solid var(--line);
  border-radius: 0.45rem; padding: 0.4rem 0.7rem;
}
#ladder { white-space: pre; line-height: 1.2; font-size: 1rem; color: #e6edf3; }
#ladder .cell { display: inline-block; white-space: pre; overflow: visible; }

#board {
  display: flex; flex-direction: column; gap: 0.4rem; min-height: 0; overflow: hidden;
  background: var(--panel); border: 1px solid var(--line); border-radius: 0.5rem; padding: 0.7rem 0.8rem;
}
#board h2 { font-size: 1.5rem; color: var(--accent); }
.rows { list-style: none; display: flex; flex-direction: column; gap: 0.15rem; }
/* Columns in rem, not em: a header row or an emphasized row in another size still lines up with the rest. */
.row {
  display: grid; grid-template-columns: 1.7rem minmax(0, 1fr) auto 3.3rem; gap: 0.5rem; align-items: baseline;
  font-size: 1.25rem; padding: 0.18rem 0.3rem; border-radius: 0.3rem;
}
.row .place { color: var(--muted); font-weight: 700; }
.row .name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-weight: 600; }
.row .score { text-align: right; font-weight: 800; }
.row .right { text-align: right; color: var(--muted); }
.row.head { font-size: 0.85rem; color: var(--muted); padding-bottom: 0; }
.row.head span { font-weight: 400; white-space: nowrap; justify-self: end; }
.row.head span:nth-child(-n+2) { justify-self: start; }
.rows .row:nth-child(odd) { background: rgba(255, 255, 255, 0.04); }
.row.off { opacity: 0.4; }
.row.off .name { text-decoration: line-through; text-decoration-thickness: 1px; }

/* The end: the final ranking, the first three larger and in medal colours. */
#final { flex-direction: column; align-items: center; justify-content: center; gap: 1rem; padding: 1.2rem; }
#final h1 { font-size: 2.6rem; color: var(--accent); }
#final-list, #final .row.head { width: min(46rem, 92vw); }
#final .row { font-size: 1.35rem; grid-template-columns: 3rem minmax(0, 1fr) auto 4rem; }
#final .row.head { font-size: 0.95rem; }
#final-list .row.top { font-size: 2rem; padding-top: 0.3rem; padding-bottom: 0.3rem; }
#final-list .row.p1 .place, #final-list .row.p1 .name { color: #ffd33d; }
#final-list .row.p2 .place, #final-list .row.p2 .name { color: #d8dee4; }
#final-list .row.p3 .place, #final-list .row.p3 .name { color: #e3a15a; }

#probe { position: absolute; left: -9999px; top: 0; visibility: hidden; white-space: pre; font-size: 100px; }
`;
