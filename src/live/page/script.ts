/**
 * The projector page's client script: plain ES2017 that Chromium, Firefox and Safari run as is (no build step; the
 * project's TypeScript has no DOM types, so it is kept as text). It connects to `/watch`, draws each ProjectorView
 * (src/game/live/view.ts) it receives, counts the seconds down between views, and reconnects when the socket drops.
 *
 * Every text of a view reaches the DOM through textContent, never as HTML: player names and level texts are data.
 * Written with String.raw so that regular-expression escapes arrive intact; it must contain no backtick and no
 * dollar-brace, and no closing script tag.
 */
export const SCRIPT = String.raw`
(function () {
  "use strict";

  // The page's own words. The view's texts come already in view.lang; these follow it.
  var TEXT = {
    en: {
      question: function (n, total) { return "Question " + n + " / " + total; },
      answered: function (a, of) { return a + " / " + of + " answered"; },
      players: function (c, j) { return c + " connected · " + j + " joined"; },
      leaderboard: "Leaderboard",
      join: "Join with",
      pin: "PIN",
      pinElsewhere: "The PIN is on the host's screen",
      seconds: "seconds",
      final: "Final ranking",
      waiting: "Waiting for the host to start",
      lost: "Connection lost, reconnecting…",
      connecting: "Connecting…",
      score: "Score",
      correct: "Correct"
    },
    "zh-CN": {
      question: function (n, total) { return "第 " + n + " 题 / 共 " + total + " 题"; },
      answered: function (a, of) { return "已作答 " + a + " / " + of; },
      players: function (c, j) { return "已连接 " + c + " 人 · 已加入 " + j + " 人"; },
      leaderboard: "排行榜",
      join: "加入方式",
      pin: "PIN 码",
      pinElsewhere: "PIN 码在主持人的屏幕上",
      seconds: "秒",
      final: "最终排名",
      waiting: "等待主持人开始",
      lost: "连接中断，正在重连…",
      connecting: "正在连接…",
      score: "得分",
      correct: "答对"
    }
  };
  var LEADERS = 10;
  // In the command line, for a PIN withheld: as the command's own help writes it.
  var PIN_ARG = "PIN";
  var URGENT_MS = 5000;

  var view = null;
  var lang = "en";
  // When the open question closes, on this page's clock: set from msLeft when each view arrives.
  var deadline = 0;

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function text() { return TEXT[lang]; }

  function applyLabels() {
    var t = text();
    document.documentElement.lang = lang;
    var nodes = document.querySelectorAll("[data-t]");
    for (var i = 0; i < nodes.length; i++) {
      var key = nodes[i].getAttribute("data-t");
      if (typeof t[key] === "string") nodes[i].textContent = t[key];
    }
  }

  // A, B, C… for the choices; past Z (never in practice) their numbers.
  function letter(i) { return i < 26 ? String.fromCharCode(65 + i) : String(i + 1); }

  function render(v) {
    view = v;
    lang = TEXT[v.lang] ? v.lang : "en";
    applyLabels();
    document.body.setAttribute("data-phase", v.phase);
    var t = text();
    var players = v.players || { connected: 0, joined: 0 };
    var rows = Array.isArray(v.leaderboard) ? v.leaderboard : [];

    if (v.join) {
      // A PIN withheld (null: this page is not on the host's machine) is not shown: the host's screen has it.
      var pin = typeof v.join.pin === "string" ? v.join.pin : null;
      $("join-address").textContent = v.join.address;
      $("join-pin").textContent = pin === null ? PIN_ARG : pin;
      $("pin").textContent = pin === null ? t.pinElsewhere : pin;
      $("pin").classList.toggle("withheld", pin === null);
      $("join-pin").classList.toggle("withheld", pin === null);
    }
    $("players").textContent = t.players(players.connected, players.joined);
    drawNames(rows);
    drawRows($("leaders"), rows);
    drawRows($("final-list"), rows);

    var q = v.question;
    if (q) {
      $("qnum").textContent = t.question(q.number, q.total);
      $("answered").textContent = t.answered(q.answered, players.connected);
      $("next").textContent = q.next || "";
      $("next").hidden = !q.next;
      $("prompt").textContent = q.prompt;
      drawChoices(q, v.phase === "reveal" ? v.reveal : undefined);
      drawLadder(q.ladder || []);
      deadline = performance.now() + Math.max(0, Number(q.msLeft) || 0);
    }
    drawReveal(v.phase === "reveal" ? v.reveal : undefined);
    tick();
    fitLadder();
  }

  function drawNames(rows) {
    var list = $("names");
    clear(list);
    for (var i = 0; i < rows.length; i++) {
      list.appendChild(el("li", rows[i].connected ? "" : "off", rows[i].name));
    }
  }

  function drawRows(list, rows) {
    clear(list);
    for (var i = 0; i < rows.length && i < LEADERS; i++) {
      var r = rows[i];
      var li = el("li", "row" + (r.connected ? "" : " off") + (r.place <= 3 ? " top p" + r.place : ""));
      li.setAttribute("data-connected", r.connected ? "true" : "false");
      li.appendChild(el("span", "place", r.place));
      li.appendChild(el("span", "name", r.name));
      li.appendChild(el("span", "score", r.score));
      li.appendChild(el("span", "right", r.correct));
      list.appendChild(li);
    }
  }

  // The choices, rebuilt on every view: nothing of a previous reveal survives into the next question.
  function drawChoices(q, reveal) {
    var list = $("choices");
    clear(list);
    var counts = reveal && Array.isArray(reveal.distribution) ? reveal.distribution : [];
    var total = 0;
    for (var k = 0; k < counts.length; k++) total += counts[k] || 0;
    for (var i = 0; i < q.choices.length; i++) {
      var li = el("li", "choice");
      li.setAttribute("data-index", String(i));
      var bar = el("div", "bar");
      li.appendChild(bar);
      li.appendChild(el("span", "letter", letter(i)));
      li.appendChild(el("span", "text", q.choices[i]));
      if (reveal) {
        var right = i === reveal.correct;
        li.className = "choice " + (right ? "correct" : "dim");
        if (right) li.appendChild(el("span", "mark", "✓"));
        var n = counts[i] || 0;
        li.appendChild(el("span", "count", n));
        bar.style.width = (total > 0 ? (100 * n) / total : 0) + "%";
      }
      list.appendChild(li);
    }
  }

  function drawReveal(reveal) {
    $("explain").textContent = reveal ? reveal.explain : "";
    var cites = $("cites");
    clear(cites);
    var list = reveal && Array.isArray(reveal.cite) ? reveal.cite : [];
    for (var i = 0; i < list.length; i++) cites.appendChild(el("li", "", list[i]));
  }

  // The ladder's lines were laid out in terminal columns: CJK takes two, box-drawing one. Browsers' fonts do not
  // all agree, so every run of non-ASCII characters gets a box exactly as many columns (ch) wide as the terminal
  // would give it; the lines then line up whatever font draws those characters.
  var WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
  function widthOf(ch) { return ch.charCodeAt(0) < 0x7f ? 0 : WIDE.test(ch) ? 2 : 1; }

  function columns(line) {
    var n = 0;
    for (var ch of line) n += widthOf(ch) || 1;
    return n;
  }

  function drawLine(pre, line) {
    var run = "";
    var kind = 0;
    var cols = 0;
    function flush() {
      if (run === "") return;
      if (kind === 0) {
        pre.appendChild(document.createTextNode(run));
      } else {
        var span = el("span", "cell", run);
        span.style.width = cols + "ch";
        pre.appendChild(span);
      }
      run = "";
      cols = 0;
    }
    for (var ch of line) {
      var w = widthOf(ch);
      if (w !== kind) { flush(); kind = w; }
      run += ch;
      cols += w;
    }
    flush();
  }

  function drawLadder(lines) {
    var pre = $("ladder");
    clear(pre);
    for (var i = 0; i < lines.length; i++) {
      drawLine(pre, lines[i]);
      if (i < lines.length - 1) pre.appendChild(document.createTextNode("\n"));
    }
  }

  // The ladder's font is as large as fits its box (never larger than the body text): the widest line across, all
  // the lines down. If even the smallest size is too tall, the box shows the newest lines, the bottom.
  function fitLadder() {
    if (!view || !view.question) return;
    var box = $("ladder-box");
    var pre = $("ladder");
    if (box.clientWidth === 0) return;
    var style = getComputedStyle(box);
    var width = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    var height = box.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    var lines = view.question.ladder || [];
    var cols = 1;
    for (var i = 0; i < lines.length; i++) cols = Math.max(cols, columns(lines[i]));
    var rows = Math.max(1, lines.length);
    var perPx = $("probe").getBoundingClientRect().width / 1000 || 0.6;
    var rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    var px = Math.min(rem, (width - 1) / (cols * perPx), height / (rows * 1.2));
    pre.style.fontSize = Math.max(8, Math.floor(px * 10) / 10) + "px";
    box.scrollTop = box.scrollHeight;
  }

  function tick() {
    if (!view || view.phase !== "question" || !view.question) return;
    var ms = Math.max(0, deadline - performance.now());
    $("seconds").textContent = String(Math.ceil(ms / 1000));
    var urgent = ms <= URGENT_MS;
    $("timer").classList.toggle("urgent", urgent);
    $("timebar").classList.toggle("urgent", urgent);
    var whole = Math.max(1, Number(view.question.seconds) || 1) * 1000;
    $("timebar").firstElementChild.style.width = Math.min(100, (100 * ms) / whole) + "%";
  }

  // The socket: reconnect after 1 s, 2 s, 4 s, then every 5 s, until the host is back; the banner says so meanwhile.
  var attempt = 0;
  var socket = null;

  // The banner takes room from the phase below it: the ladder is fitted again.
  function setLost(lost) {
    if ($("banner").hidden === !lost) return;
    $("banner").hidden = !lost;
    fitLadder();
  }

  function connect() {
    var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/watch";
    var ws;
    try {
      ws = new WebSocket(url);
    } catch (e) {
      setLost(true);
      retry();
      return;
    }
    socket = ws;
    ws.onopen = function () {
      attempt = 0;
      setLost(false);
    };
    ws.onmessage = function (event) {
      var v;
      try { v = JSON.parse(event.data); } catch (e) { return; }
      if (!v || typeof v !== "object" || typeof v.phase !== "string") return;
      try { render(v); } catch (e) { if (window.console) console.error(e); }
    };
    // An error is always followed by a close; retrying on close alone retries once.
    ws.onclose = function () {
      if (socket !== ws) return;
      socket = null;
      setLost(true);
      retry();
    };
  }

  function retry() {
    var delay = Math.min(5000, 1000 * Math.pow(2, attempt));
    attempt++;
    setTimeout(connect, delay);
  }

  applyLabels();
  setInterval(tick, 250);
  window.addEventListener("resize", fitLadder);
  connect();
})();
`;
