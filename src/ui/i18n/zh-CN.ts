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
    help: "帮助",
    quit: "退出",
  },
  comingSoon: (feature) => `“${feature}”将在以后的版本中推出。`,

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
      return s < 60 ? `${s} 秒` : `${Math.floor(s / 60)} 分 ${s % 60} 秒`;
    },
    review: "需要复习：",
    nothingToReview: "没有需要复习的：全部答对。",
    next: (level) => `下一关：${level}`,
    retry: "重玩本关",
    levels: "返回关卡列表",
    needStar: "至少拿到一颗星才能解锁下一关。",
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
      back: "返回（在主菜单中：退出）",
      quit: "立即退出（任何界面都可以）",
    },
    hints: {
      move: "移动",
      up: "上移",
      down: "下移",
      pick: "直接选",
      choose: "选择",
      advance: "继续",
      hint: "提示",
      diagram: "状态图",
      help: "帮助",
      back: "返回",
      quit: "退出",
    },
    keyNames: { enter: "Enter", space: "空格", escape: "Esc", ctrlC: "Ctrl+C" },
  },

  settings: {
    title: "设置",
    language: (name) => `语言：${name}`,
    colour: (on) => `颜色：${on ? "开" : "关"}`,
    back: "返回",
    note: "设置在退出前有效；保存设置将在以后的版本中推出。",
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
