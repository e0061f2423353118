import type { Catalogue } from "./catalogue";

export const zhCN: Catalogue = {
  langName: "简体中文",
  title: "tcp-tutor",
  tagline: "通过预测来学习 TCP 状态机。",

  menu: {
    continue: "继续",
    continueTo: (level) => `继续：${level}`,
    resume: (level, question, total) => `接着玩：${level}（第 ${question}/${total} 题）`,
    campaign: "闯关",
    drill: "练习",
    challenge: "挑战",
    stats: "统计",
    settings: "设置",
    profile: "切换档案",
    help: "帮助",
    quit: "退出",
    playing: (name) => `档案：${name}`,
    notice: (text) => `注意：${text}`,
  },
  challenge: {
    howTo: [
      "挑战是老师给全班出的一轮题：每个人在自己的电脑上做同样的题目，顺序也相同。",
      "老师用这条命令生成挑战码：tcp-tutor challenge new",
      "你用这条命令参加：tcp-tutor challenge 挑战码 --name 你的名字",
      "做完后会生成一个结果文件，交给老师；老师用 tcp-tutor scoreboard 目录 给全班排名。",
    ],
    heading: (code, name) => `挑战 ${code} · ${name}`,
    elapsed: (clock) => `已用 ${clock}`,
    rules: "挑战：全班做同样的题。没有提示，结束前也不公布对错。答完一问就进入下一问；按 Esc 提前结束。",
    summaryTitle: "挑战：你的成绩",
    untimed: (elapsed) => `${elapsed}（不限时）`,
    result: "结果文件",
    saving: "正在写入…",
    saved: (file) => `${file}：请把这个文件交给老师`,
    notSaved: (error) => `未能写入：${error}`,
  },

  drill: {
    about:
      "自动生成的题目，永无止境。每个概念都放在 0 到 5 号盒子里：答错就回到 0 号盒，几分钟内再考；每答对一次升一盒，隔得越来越久再考（5 号盒：三周后）。",
    endless: "无尽练习：全部主题",
    byTopic: "无尽练习：选一个主题…",
    interview: (count, minutes) => `面试模拟：${minutes} 分钟内 ${count} 道题`,
    back: "返回",
    last: (puzzles, right, points) => `上一轮练习：${puzzles} 道题，答对 ${right} 道，${points} 分。`,
    problem: (message) => `无法开始这个练习：${message}`,
    topicsTitle: "按主题练习",
    heading: (topic) => `练习 › ${topic}`,
    tally: (puzzles, right, points) => `已做 ${puzzles} · 答对 ${right} · ${points} 分`,
    memory: (name, before, after) => {
      const from = before === undefined ? "新" : `${before} 号盒`;
      return `${name}（${after === undefined ? from : `${from} → ${after} 号盒`}）`;
    },
    trap: "以前掉进过的误区",
    question: (n, total) => `第 ${n}/${total} 问`,
    notSaved: (message) => `未能保存：${message}`,
  },

  interview: {
    heading: (topic) => `面试 › ${topic}`,
    puzzle: (n, total) => `第 ${n}/${total} 题`,
    left: (clock) => `剩余 ${clock}`,
    rules: "面试模拟：没有提示，结束前也不公布对错。答完一问就进入下一问；按 Esc 提前结束。",
    summaryTitle: "面试模拟：总结",
    points: (points) => `${points} 分`,
    answered: "已答",
    answeredOf: (answered, total) => `${answered}/${total} 问`,
    time: (elapsed, minutes, timeUp) => (timeUp ? `${minutes} 分钟：时间到` : `${elapsed}（共 ${minutes} 分钟）`),
    toRead: (count) => `需要阅读：${count} 个薄弱概念`,
    weak: (name, wrong, right) => `${name}：答错 ${wrong}，答对 ${right}`,
    nothingWrong: (all) => (all ? "没有需要阅读的：全部答对。" : "没有需要阅读的：答了的都对。"),
    above: (count) => `⋮ 上面还有 ${count} 个`,
    below: (count) => `⋮ 下面还有 ${count} 个`,
  },

  campaign: {
    title: "闯关",
    levels: (done, total) => `${done}/${total} 关`,
    stars: (stars, max) => `${stars}/${max} ★`,
    locked: "（未解锁）",
    lockedWhy: (previous) => `未解锁：先在“${previous}”中至少拿到一颗星。`,
    best: (score, max) => `最佳 ${score}/${max}`,
    notPlayed: "未玩过",
    empty: "本章没有能加载的关卡（请运行 tcp-tutor check）。",
  },

  intro: {
    difficulty: (n) => `难度 ${n}/5`,
    questions: (n) => `${n} 道题`,
  },

  play: {
    question: (n, total) => `第 ${n}/${total} 题`,
    score: (points) => `${points} 分`,
    next: (what) => `接下来：${what}`,
    hint: (hint) => `提示：${hint}`,
    right: "✓ 答对了",
    wrong: "✗ 答错了",
    points: (points) => `+${points} 分`,
    youChose: (choice) => `你选的是 ${choice}`,
    answer: (answer) => `正确答案：${answer}`,
    misconception: (text) => `误区：${text}`,
    cite: (sources) => `出处：${sources.join(" · ")}`,
    earlier: (lines) => `⋮ 前面还有 ${lines} 行`,
  },

  result: {
    title: (level) => `过关：${level}`,
    score: "得分",
    stars: "星级",
    starsOf: (stars) => `${stars}/3`,
    accuracy: "正确率",
    accuracyOf: (correct, total) =>
      `答对 ${correct}/${total}（${total === 0 ? 0 : Math.round((100 * correct) / total)}%）`,
    time: "用时",
    duration: (ms) => {
      const s = Math.round(ms / 1000);
      if (s < 60) return `${s} 秒`;
      if (s < 3600) return `${Math.floor(s / 60)} 分 ${s % 60} 秒`;
      return `${Math.floor(s / 3600)} 小时 ${Math.floor(s / 60) % 60} 分`;
    },
    review: "需要复习：",
    nothingToReview: "没有需要复习的：全部答对。",
    next: (level) => `下一关：${level}`,
    retry: "重玩本关",
    levels: "返回关卡列表",
    needStar: "至少拿到一颗星才能解锁下一关。",
    notSaved: (message) => `无法保存这次的成绩：${message}`,
  },

  diagram: {
    title: "TCP 连接状态（RFC 9293 图 5）",
    legend: (client, server) => `[C] 客户端：${client}    [S] 服务器：${server}`,
    tooSmall: (columns, rows) => `状态图需要至少 ${columns}×${rows} 的终端。`,
  },

  help: {
    title: "帮助",
    howTo: [
      "每一关都会一步步运行一个 TCP 场景。你来预测接下来会发生什么：某一方进入的状态、它发出的报文段、某个序号。连续答对、答得快，得分更高；看提示会让这道题的得分减半。",
      "在一关中拿到第一颗星，就会解锁本章的下一关。",
      "练习：自动生成的题目永无止境，答错的概念很快会再出现。面试模拟要计时，结束时才公布对错。",
    ],
    keys: "按键",
    commands: {
      up: "上移",
      down: "下移",
      pick: "直接选中对应的项",
      choose: "选中高亮的项",
      advance: "答题后继续",
      hint: "显示提示（这道题得分减半）",
      diagram: "显示或隐藏状态图",
      help: "本帮助",
      erase: "删除正在输入的名称的最后一个字符",
      back: "返回（在主菜单中：退出；面试中：结束本轮）",
      quit: "立即退出（任何界面都可以）",
    },
    hints: {
      move: "移动",
      scroll: "滚动",
      up: "上移",
      down: "下移",
      pick: "直接选",
      choose: "选择",
      advance: "继续",
      hint: "提示",
      diagram: "状态图",
      help: "帮助",
      erase: "删除",
      back: "返回",
      quit: "退出",
    },
    keyNames: { enter: "Enter", space: "空格", backspace: "退格", escape: "Esc", ctrlC: "Ctrl+C" },
  },

  settings: {
    title: "设置",
    language: (name) => `语言：${name}`,
    colour: (on) => `颜色：${on ? "开" : "关"}`,
    back: "返回",
    note: (profile) => `已保存在档案“${profile}”中：下次启动时沿用。`,
    notSaved: (message) => `无法保存设置：${message}`,
  },

  profiles: {
    title: "档案",
    current: (name) => `${name}（当前）`,
    create: "新建档案…",
    back: "返回",
    note: "每个档案各自保存进度和设置。",
    dropsSuspended: (level) => `切换档案会放弃未完成的“${level}”：已答的题不会保留。`,
    switchFailed: (message) => `无法切换档案：${message}`,
    listFailed: (message) => `无法读取档案列表：${message}`,
  },

  newProfile: {
    title: "新建档案",
    field: (text) => `名称：${text}`,
    rule: "1 到 32 个字符：字母（任何文字均可）、数字、_ . 或 -，以字母或数字开头。",
    empty: "请先输入名称。",
    start: "名称要以字母或数字开头。",
    char: (char) => `名称中不能有“${char}”。`,
    tooLong: (max) => `名称最多 ${max} 个字符。`,
    exists: (name) => `已有名为“${name}”的档案：请在列表中选择它。`,
  },

  stats: {
    title: "统计",
    streak: (current, best) => `连续天数：${current}（最长 ${best}）`,
    levels: (done, total) => `关卡：${done}/${total}`,
    stars: (stars, max) => `星：${stars}/${max}`,
    answers: (answered, accuracy) => `答题：${answered}，正确率 ${Math.round(100 * accuracy)}%`,
    points: (points) => `得分：${points}`,
    time: (ms) => `用时：${zhCN.result.duration(ms)}`,
    weakest: "最薄弱的概念",
    conceptAnswers: (right, total) => `答对 ${right}/${total}`,
    noAnswers: "还没有答题记录：玩过关卡后，这里会列出最需要练习的概念。",
  },

  tooSmall: (columns, rows, minColumns, minRows) =>
    `终端大小为 ${columns}×${rows}；tcp-tutor 至少需要 ${minColumns}×${minRows}。请把窗口调大，或按 Ctrl+C 退出。`,

  ladder: {
    client: "客户端",
    server: "服务器",
    lost: "✗ 丢失",
    cause: {
      retransmit: "（重传）",
      delayedAck: "（延迟 ACK）",
      keepalive: "（保活探测）",
      timeWait: "（TIME_WAIT 定时器）",
      finWait2: "（FIN_WAIT_2 定时器）",
    },
    error: (call, errno) => `${call}() → ${errno}`,
    soError: (errno) => `SO_ERROR = ${errno}`,
    read: (bytes, eof) => `read() → ${bytes > 0 ? `${bytes} 字节` : eof ? "0（EOF）" : "无数据"}`,
    oldConnection: (from, to) => `旧连接 ${from} → ${to}`,
  },
};
