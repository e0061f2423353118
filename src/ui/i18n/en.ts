import type { Catalogue } from "./catalogue";

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export const en: Catalogue = {
  langName: "English",
  title: "tcp-tutor",
  tagline: "Learn the TCP state machine by predicting it.",

  menu: {
    continue: "Continue",
    continueTo: (level) => `Continue: ${level}`,
    resume: (level, question, total) => `Resume: ${level} (question ${question} of ${total})`,
    campaign: "Campaign",
    drill: "Drill",
    challenge: "Challenge",
    stats: "Stats",
    settings: "Settings",
    profile: "Profile",
    help: "Help",
    quit: "Quit",
    playing: (name) => `Profile: ${name}`,
    notice: (text) => `Note: ${text}`,
  },
  challenge: {
    howTo: [
      "A challenge is a round your teacher sets for the whole class: everyone gets the same puzzles, in the same order, on their own machine.",
      "Your teacher makes a code with: tcp-tutor challenge new",
      "You play it with: tcp-tutor challenge CODE --name YOUR-NAME",
      "At the end a result file is written for you to hand in; the teacher ranks the class with: tcp-tutor scoreboard DIR",
    ],
    heading: (code, name) => `Challenge ${code} · ${name}`,
    elapsed: (clock) => `${clock} so far`,
    rules: "A challenge: the same puzzles for the whole class. No hints, and no feedback until the end. Each answer opens the next question; Esc ends the round early.",
    summaryTitle: "Challenge: your result",
    untimed: (elapsed) => `${elapsed} (untimed)`,
    result: "Result file",
    saving: "writing…",
    saved: (file) => `${file}: hand this file in`,
    notSaved: (error) => `not written: ${error}`,
  },

  drill: {
    about:
      "Generated puzzles, without end. Each concept sits in a box from 0 to 5: a miss puts it in box 0, back within minutes; each right answer moves it up a box, and it comes back later and later (box 5: in three weeks).",
    endless: "Endless drill: every topic",
    byTopic: "Endless drill: one topic…",
    interview: (count, minutes) => `Interview round: ${plural(count, "puzzle", "puzzles")} in ${minutes} min`,
    back: "Back",
    last: (puzzles, right, points) =>
      `Last drill: ${plural(puzzles, "puzzle", "puzzles")}, ${right} right, ${plural(points, "point", "points")}.`,
    problem: (message) => `Cannot start that drill: ${message}`,
    topicsTitle: "Drill one topic",
    heading: (topic) => `Drill › ${topic}`,
    tally: (puzzles, right, points) => `${puzzles} done · ${right} right · ${points} pts`,
    memory: (name, before, after) => {
      const from = before === undefined ? "new" : `box ${before}`;
      const to = after === undefined ? "" : ` → ${before === undefined ? "box " : ""}${after}`;
      return `${name} (${from}${to})`;
    },
    trap: "a trap you fell for before",
    question: (n, total) => `question ${n} of ${total}`,
    notSaved: (message) => `Not saved: ${message}`,
  },

  interview: {
    heading: (topic) => `Interview › ${topic}`,
    puzzle: (n, total) => `Puzzle ${n} of ${total}`,
    left: (clock) => `${clock} left`,
    rules: "An interview round: no hints, and no feedback until the end. Each answer opens the next question; Esc ends the round early.",
    summaryTitle: "Interview round: summary",
    points: (points) => plural(points, "point", "points"),
    answered: "Answered",
    answeredOf: (answered, total) => `${answered} of ${plural(total, "question", "questions")}`,
    time: (elapsed, minutes, timeUp) => (timeUp ? `${minutes} min: time ran out` : `${elapsed} of ${minutes} min`),
    toRead: (count) => `To read: ${plural(count, "weak concept", "weak concepts")}`,
    weak: (name, wrong, right) => `${name}: ${wrong} wrong, ${right} right`,
    nothingWrong: (all) =>
      all ? "Nothing to read: every answer was right." : "Nothing to read: every answer given was right.",
    above: (count) => `⋮ ${count} more above`,
    below: (count) => `⋮ ${count} more below`,
  },

  campaign: {
    title: "Campaign",
    levels: (done, total) => `${done}/${total} levels`,
    stars: (stars, max) => `${stars}/${max} ★`,
    locked: "(locked)",
    lockedWhy: (previous) => `Locked: earn at least one star in “${previous}” to open this level.`,
    best: (score, max) => `best ${score}/${max}`,
    notPlayed: "not played",
    empty: "No level of this chapter could be loaded (see tcp-tutor check).",
  },

  intro: {
    difficulty: (n) => `Difficulty ${n} of 5`,
    questions: (n) => plural(n, "question", "questions"),
  },

  play: {
    question: (n, total) => `Question ${n} of ${total}`,
    score: (points) => `${points} pts`,
    next: (what) => `Next: ${what}`,
    hint: (hint) => `Hint: ${hint}`,
    right: "✓ Right",
    wrong: "✗ Wrong",
    points: (points) => `+${points} ${points === 1 ? "point" : "points"}`,
    youChose: (choice) => `you chose ${choice}`,
    answer: (answer) => `Answer: ${answer}`,
    misconception: (text) => `Misconception: ${text}`,
    cite: (sources) => `Source: ${sources.join(" · ")}`,
    earlier: (lines) => `⋮ ${plural(lines, "earlier line", "earlier lines")}`,
  },

  result: {
    title: (level) => `Level complete: ${level}`,
    score: "Score",
    stars: "Stars",
    starsOf: (stars) => `${stars} of 3`,
    accuracy: "Accuracy",
    accuracyOf: (correct, total) =>
      `${correct} of ${total} right (${total === 0 ? 0 : Math.round((100 * correct) / total)}%)`,
    time: "Time",
    duration: (ms) => {
      const s = Math.round(ms / 1000);
      if (s < 60) return `${s} s`;
      if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
      return `${Math.floor(s / 3600)} h ${Math.floor(s / 60) % 60} min`;
    },
    review: "To review:",
    nothingToReview: "Nothing to review: every answer was right.",
    next: (level) => `Next level: ${level}`,
    retry: "Retry this level",
    levels: "Back to the levels",
    needStar: "Earn at least one star to open the next level.",
    notSaved: (message) => `Could not save this result: ${message}`,
  },

  diagram: {
    title: "TCP connection states (RFC 9293, figure 5)",
    legend: (client, server) => `[C] client: ${client}    [S] server: ${server}`,
    tooSmall: (columns, rows) => `The state diagram needs a terminal of at least ${columns}×${rows}.`,
  },

  help: {
    title: "Help",
    howTo: [
      "Each level runs a TCP scenario step by step. Predict what happens next: the state a side enters, the segment it sends, a sequence number. Quick right answers in a row score more; a hint halves the points.",
      "A level's first star opens the next level of its chapter.",
      "Drill: generated puzzles without end; what you miss comes back soon. An interview round runs against the clock and says what was right only at the end.",
    ],
    keys: "Keys",
    commands: {
      up: "move up",
      down: "move down",
      pick: "choose that item at once",
      choose: "choose the highlighted item",
      advance: "continue after an answer",
      hint: "show the hint (halves the points of this answer)",
      diagram: "show or hide the state diagram",
      help: "this help",
      erase: "erase the last character of a name being typed",
      back: "go back (on the main menu: quit; in an interview: end the round)",
      quit: "quit at once, from anywhere",
    },
    hints: {
      move: "move",
      scroll: "scroll",
      up: "up",
      down: "down",
      pick: "pick",
      choose: "choose",
      advance: "continue",
      hint: "hint",
      diagram: "state diagram",
      help: "help",
      erase: "erase",
      back: "back",
      quit: "quit",
    },
    keyNames: { enter: "Enter", space: "Space", backspace: "Backspace", escape: "Esc", ctrlC: "Ctrl+C" },
  },

  settings: {
    title: "Settings",
    language: (name) => `Language: ${name}`,
    colour: (on) => `Colour: ${on ? "on" : "off"}`,
    back: "Back",
    note: (profile) => `Saved in the profile “${profile}”: the game starts this way next time.`,
    notSaved: (message) => `Could not save the settings: ${message}`,
  },

  profiles: {
    title: "Profiles",
    current: (name) => `${name} (playing)`,
    create: "New profile…",
    back: "Back",
    note: "Each profile keeps its own progress and settings.",
    dropsSuspended: (level) => `Switching leaves “${level}” unfinished: its answers so far are not kept.`,
    switchFailed: (message) => `Could not switch profiles: ${message}`,
    listFailed: (message) => `Could not read the profiles: ${message}`,
  },

  newProfile: {
    title: "New profile",
    field: (text) => `Name: ${text}`,
    rule: "1 to 32 letters (of any script), digits, _ . or -, starting with a letter or a digit.",
    empty: "Type a name first.",
    start: "A name starts with a letter or a digit.",
    char: (char) => `“${char}” cannot be in a name.`,
    tooLong: (max) => `A name has at most ${max} characters.`,
    exists: (name) => `There is a profile named “${name}” already: choose it in the list.`,
  },

  stats: {
    title: "Stats",
    streak: (current, best) => `Day streak: ${current} (best ${best})`,
    levels: (done, total) => `Levels: ${done}/${total}`,
    stars: (stars, max) => `Stars: ${stars}/${max}`,
    answers: (answered, accuracy) => `Answers: ${answered}, ${Math.round(100 * accuracy)}% right`,
    points: (points) => `Points: ${points}`,
    time: (ms) => `Time: ${en.result.duration(ms)}`,
    weakest: "Weakest concepts",
    conceptAnswers: (right, total) => `${right}/${total} right`,
    noAnswers: "No answers yet: once you play, the concepts to practise most are listed here.",
  },

  tooSmall: (columns, rows, minColumns, minRows) =>
    `The terminal is ${columns}×${rows}; tcp-tutor needs at least ${minColumns}×${minRows}. Enlarge the window, or press Ctrl+C to quit.`,

  ladder: {
    client: "client",
    server: "server",
    lost: "✗ lost",
    cause: {
      retransmit: "(retransmit)",
      delayedAck: "(delayed ACK)",
      keepalive: "(keepalive probe)",
      timeWait: "(TIME_WAIT timer)",
      finWait2: "(FIN_WAIT_2 timer)",
    },
    error: (call, errno) => `${call}() → ${errno}`,
    soError: (errno) => `SO_ERROR = ${errno}`,
    read: (bytes, eof) => `read() → ${bytes > 0 ? `${bytes} bytes` : eof ? "0 (EOF)" : "no data"}`,
    oldConnection: (from, to) => `old ${from} → ${to}`,
  },
  live: {
    hostTitle: "Live round",
    joinWith: (address, pin) => `Join with: tcp-tutor join ${address} --pin ${pin}`,
    projector: (url) => `Projector: ${url}`,
    players: (connected, joined) => `${connected} connected · ${joined} joined`,
    noPlayers: "Waiting for students to join…",
    question: (n, total) => `Question ${n} of ${total}`,
    secondsLeft: (seconds) => `${seconds} s left`,
    closed: "closed",
    answered: (answered, connected) => `${answered} of ${connected} answered`,
    leaderboard: "Leaderboard",
    finalRanking: "Final ranking",
    points: (points) => `${points} pts`,
    away: "(away)",
    enterStarts: "Enter starts the round",
    enterCloses: "Enter closes the question now",
    enterNext: "Enter: next question",
    enterFinishes: "Enter: final ranking",
    autoNext: (seconds) => `next in ${seconds} s`,
    autoFinal: (seconds) => `final ranking in ${seconds} s`,
    resultsWritten: (count, dir) => `${plural(count, "result file", "result files")} written to ${dir} (tcp-tutor scoreboard ${dir})`,
    resultsNotWritten: (error) => `Results not written: ${error}`,
    joinTitle: (name) => `Live round · ${name}`,
    connecting: (address) => `Joining ${address}…`,
    reconnecting: "Connection lost: rejoining…",
    refused: (reason) => `The host refused: ${reason}`,
    ended: (reason) => `The round is over: ${reason}`,
    waitStart: "Waiting for the host to start…",
    yourAnswer: (choice) => `Your answer: ${choice}. Waiting for the others…`,
    answerRefused: (reason) => `Answer not counted: ${reason}`,
    right: (points) => `✓ Right: +${points} points`,
    wrong: "✗ Wrong",
    noAnswer: "✗ No answer in time",
    rightAnswer: (choice) => `Right answer: ${choice}`,
    standing: (place, players, score, correct) => `You: #${place} of ${players}, ${plural(score, "point", "points")}, ${correct} right`,
    waitNext: "Waiting for the next question…",
  },
};
