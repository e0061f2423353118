import type { Lang } from "../../game";
import type { Command } from "../keys";
import type { LadderText } from "../ladder";

/**
 * Every text the game shows a player, one catalogue per language. Each catalogue is typed with this interface, so
 * a key missing from one of them does not compile. Numbers arrive as numbers; each language formats its own.
 */
export interface Catalogue {
  /** The language's own name, as the settings screen offers it. */
  readonly langName: string;
  readonly title: string;
  readonly tagline: string;

  readonly menu: {
    readonly continue: string;
    /** "Continue: The first SYN" */
    readonly continueTo: (level: string) => string;
    /** A level left in the middle: "Resume: The first SYN (question 3 of 5)" */
    readonly resume: (level: string, question: number, total: number) => string;
    readonly campaign: string;
    readonly drill: string;
    readonly challenge: string;
    readonly stats: string;
    readonly settings: string;
    /** The item that opens the profile switcher. */
    readonly profile: string;
    readonly help: string;
    readonly quit: string;
    /** The profile being played: "Profile: ana" */
    readonly playing: (name: string) => string;
    /** A notice from the program about the save (in English: it names files), with a label: "Note: …" */
    readonly notice: (text: string) => string;
  };
  /** The classroom challenge: how to play one (the menu's screen), its round's title and its summary. */
  readonly challenge: {
    /** How a challenge is played, a paragraph each (it starts from the command line, with the teacher's code). */
    readonly howTo: readonly string[];
    /** The title: "Challenge 1008-9430-02GJ · Ann". */
    readonly heading: (code: string, name: string) => string;
    /** An untimed round's clock, "2:05", as "2:05 so far". */
    readonly elapsed: (clock: string) => string;
    /** What a challenge leaves out, on each puzzle's introduction. */
    readonly rules: string;
    readonly summaryTitle: string;
    /** The summary's time in an untimed round: "3 min 12 s (untimed)". */
    readonly untimed: (elapsed: string) => string;
    readonly result: string;
    readonly saving: string;
    /** Where the result file was written (a path). */
    readonly saved: (file: string) => string;
    /** It could not be written; the reason is the program's (English). */
    readonly notSaved: (error: string) => string;
  };

  /** The drill menu, the endless drill and its status line. */
  readonly drill: {
    /** How the drill adapts, over the menu. */
    readonly about: string;
    readonly endless: string;
    readonly byTopic: string;
    readonly interview: (count: number, minutes: number) => string;
    readonly back: string;
    /** After a drill, on its menu: "Last drill: 7 puzzles, 5 right, 840 points." */
    readonly last: (puzzles: number, right: number, points: number) => string;
    /** The drill the command line asked for cannot be; the reason is the program's (English). */
    readonly problem: (message: string) => string;
    readonly topicsTitle: string;
    /** The title: "Drill › Sending data". */
    readonly heading: (topic: string) => string;
    /** The title's right part: "4 done · 3 right · 480 pts". */
    readonly tally: (puzzles: number, right: number, points: number) => string;
    /**
     * The concept spaced repetition asked about, with its box before the puzzle (undefined: never asked) and after
     * it, once answered: "cumulative ACKs (box 1 → 2)".
     */
    readonly memory: (name: string, before: number | undefined, after: number | undefined) => string;
    /** The puzzle was chosen for a misconception the player fell for before. */
    readonly trap: string;
    /** A puzzle of several questions: "question 2 of 4". */
    readonly question: (n: number, total: number) => string;
    /** The store could not save the drill: one line, the store's message (English, it names the file). */
    readonly notSaved: (message: string) => string;
  };

  /** The timed interview round and its summary. */
  readonly interview: {
    /** The title: "Interview › Resets". */
    readonly heading: (topic: string) => string;
    /** "Puzzle 3 of 10" */
    readonly puzzle: (n: number, total: number) => string;
    /** The countdown, "4:12", as "4:12 left". */
    readonly left: (clock: string) => string;
    /** What an interview round leaves out, on each puzzle's introduction. */
    readonly rules: string;
    readonly summaryTitle: string;
    readonly points: (points: number) => string;
    readonly answered: string;
    /** "12 of 15 questions" */
    readonly answeredOf: (answered: number, total: number) => string;
    /** "3 min 12 s of 5 min"; the round's time out: "5 min: time ran out". */
    readonly time: (elapsed: string, minutes: number, timeUp: boolean) => string;
    /** "To read: 2 weak concepts" */
    readonly toRead: (count: number) => string;
    /** A weak concept's answers: "seq and ack arithmetic: 2 wrong, 1 right". */
    readonly weak: (name: string, wrong: number, right: number) => string;
    /** Nothing answered wrong; `all` when every question was answered. */
    readonly nothingWrong: (all: boolean) => string;
    /** More weak concepts than the screen shows: "⋮ 2 more above", "⋮ 3 more below". */
    readonly above: (count: number) => string;
    readonly below: (count: number) => string;
  };

  readonly campaign: {
    readonly title: string;
    /** "2/5 levels" */
    readonly levels: (done: number, total: number) => string;
    /** "6/15 ★" */
    readonly stars: (stars: number, max: number) => string;
    readonly locked: string;
    /** Why a level cannot be opened yet. */
    readonly lockedWhy: (previous: string) => string;
    readonly best: (score: number, max: number) => string;
    readonly notPlayed: string;
    /** A chapter whose levels all failed to load. */
    readonly empty: string;
  };

  readonly intro: {
    /** "Difficulty 2 of 5" */
    readonly difficulty: (n: number) => string;
    readonly questions: (n: number) => string;
  };

  readonly play: {
    /** "Question 2 of 5" */
    readonly question: (n: number, total: number) => string;
    readonly score: (points: number) => string;
    /** "Next: The client calls connect()." */
    readonly next: (what: string) => string;
    readonly hint: (hint: string) => string;
    /** The verdict, in words and a symbol: never in colour alone. */
    readonly right: string;
    readonly wrong: string;
    /** "+144 points" */
    readonly points: (points: number) => string;
    readonly youChose: (choice: string) => string;
    readonly answer: (answer: string) => string;
    /** The misconception behind a wrong choice. */
    readonly misconception: (text: string) => string;
    readonly cite: (sources: readonly string[]) => string;
    /** The ladder is taller than the screen: its first lines are left out. */
    readonly earlier: (lines: number) => string;
  };

  readonly result: {
    readonly title: (level: string) => string;
    readonly score: string;
    readonly stars: string;
    /** "2 of 3" beside the drawn stars. */
    readonly starsOf: (stars: number) => string;
    readonly accuracy: string;
    /** "4 of 5 right (80%)" */
    readonly accuracyOf: (correct: number, total: number) => string;
    readonly time: string;
    /** Milliseconds as players read them: "1 min 23 s". */
    readonly duration: (ms: number) => string;
    readonly review: string;
    readonly nothingToReview: string;
    readonly next: (level: string) => string;
    readonly retry: string;
    readonly levels: string;
    /** A result with no star: the next level stays locked. */
    readonly needStar: string;
    /** The store could not save the result; the message is the store's own (English, it names the file). */
    readonly notSaved: (message: string) => string;
  };

  readonly diagram: {
    readonly title: string;
    /** "[C] client: SYN_SENT   [S] server: LISTEN" */
    readonly legend: (client: string, server: string) => string;
    readonly tooSmall: (columns: number, rows: number) => string;
  };

  readonly help: {
    readonly title: string;
    /** Paragraphs, wrapped to the screen. */
    readonly howTo: readonly string[];
    readonly keys: string;
    /** What each command does, for the help screen. */
    readonly commands: Readonly<Record<Command, string>>;
    /**
     * The same in a word or two, for the key hints under each screen; `move` is up and down together, `scroll` the
     * same on a screen that scrolls.
     */
    readonly hints: Readonly<Record<Command | "move" | "scroll", string>>;
    readonly keyNames: {
      readonly enter: string;
      readonly space: string;
      readonly backspace: string;
      readonly escape: string;
      readonly ctrlC: string;
    };
  };

  readonly settings: {
    readonly title: string;
    readonly language: (name: string) => string;
    readonly colour: (on: boolean) => string;
    readonly back: string;
    /** Where the choices are kept: "Saved in the profile “ana”: …" */
    readonly note: (profile: string) => string;
    readonly notSaved: (message: string) => string;
  };

  readonly profiles: {
    readonly title: string;
    /** The profile being played, in the list: "ana (playing)" */
    readonly current: (name: string) => string;
    readonly create: string;
    readonly back: string;
    readonly note: string;
    /** Switching drops the level left in the middle. */
    readonly dropsSuspended: (level: string) => string;
    readonly switchFailed: (message: string) => string;
    readonly listFailed: (message: string) => string;
  };

  readonly newProfile: {
    readonly title: string;
    /** The name field: "Name: ana" (the cursor is drawn after it). */
    readonly field: (text: string) => string;
    /** What a name can be. */
    readonly rule: string;
    readonly empty: string;
    readonly start: string;
    /** "“ ” cannot be in a name." */
    readonly char: (char: string) => string;
    readonly tooLong: (max: number) => string;
    readonly exists: (name: string) => string;
  };

  readonly stats: {
    readonly title: string;
    /** Consecutive days with an answer: "Day streak: 2 (best 5)" */
    readonly streak: (current: number, best: number) => string;
    /** Levels with a star, of all levels. */
    readonly levels: (done: number, total: number) => string;
    readonly stars: (stars: number, max: number) => string;
    /** "Answers: 40, 75% right"; accuracy from 0 to 1. */
    readonly answers: (answered: number, accuracy: number) => string;
    readonly points: (points: number) => string;
    readonly time: (ms: number) => string;
    readonly weakest: string;
    /** A concept's answers: "3/4 right" */
    readonly conceptAnswers: (right: number, total: number) => string;
    readonly noAnswers: string;
  };

  /** The terminal is smaller than the game can draw in. */
  readonly tooSmall: (columns: number, rows: number, minColumns: number, minRows: number) => string;

  readonly ladder: LadderText;

  /** A live round (issue 8): the host's screen (`tcp-tutor host`) and a student's (`tcp-tutor join`). */
  readonly live: {
    readonly hostTitle: string;
    /** "Join with: tcp-tutor join 192.168.1.20:8123 --pin 482913" */
    readonly joinWith: (address: string, pin: string) => string;
    /** "Projector: http://192.168.1.20:8123/" */
    readonly projector: (url: string) => string;
    /** "12 connected · 13 joined" */
    readonly players: (connected: number, joined: number) => string;
    readonly noPlayers: string;
    /** "Question 3 of 10" */
    readonly question: (n: number, total: number) => string;
    /** "12 s left"; once the question has closed: "closed". */
    readonly secondsLeft: (seconds: number) => string;
    readonly closed: string;
    /** "8 of 12 answered" */
    readonly answered: (answered: number, connected: number) => string;
    readonly leaderboard: string;
    readonly finalRanking: string;
    /** A leaderboard row's points: "1200 pts". */
    readonly points: (points: number) => string;
    /** A player whose connection dropped, after their name. */
    readonly away: string;
    /** What the host's Enter does now. */
    readonly enterStarts: string;
    readonly enterCloses: string;
    readonly enterNext: string;
    readonly enterFinishes: string;
    /** Auto-advance is on: "next question in 4 s". */
    readonly autoNext: (seconds: number) => string;
    /** The same after the last question: "final ranking in 4 s". */
    readonly autoFinal: (seconds: number) => string;
    /** Where the results were written, or why not. */
    readonly resultsWritten: (count: number, dir: string) => string;
    readonly resultsNotWritten: (error: string) => string;
    /** A student's screen. */
    readonly joinTitle: (name: string) => string;
    readonly connecting: (address: string) => string;
    readonly reconnecting: string;
    /** Never joined, and the host does not answer: trying again. */
    readonly unreachable: (address: string) => string;
    /** The host refused the join (the reason is the host's, in English). */
    readonly refused: (reason: string) => string;
    /** The host ended the round or went away. */
    readonly ended: (reason: string) => string;
    readonly waitStart: string;
    /** The answer sent: "Your answer: B. Waiting for the others…" */
    readonly yourAnswer: (choice: string) => string;
    /** The server did not take the answer ("late", "twice"…): the program's reason, in English. */
    readonly answerRefused: (reason: string) => string;
    readonly right: (points: number) => string;
    readonly wrong: string;
    readonly noAnswer: string;
    /** The right answer after a question closed: "Right answer: B. ESTABLISHED". */
    readonly rightAnswer: (choice: string) => string;
    /** "You: #3 of 12, 2400 points, 4 right" */
    readonly standing: (place: number, players: number, score: number, correct: number) => string;
    readonly waitNext: string;
  };
}

export type { Lang };
