import { close, lostFin } from "./close";
import { lostData, reply, transfer } from "./data";
import { halfClose, orphan } from "./halfClose";
import { lostSyn, lostSynAck, open } from "./handshake";
import { abort, closedPort, orphanData, unreadClose } from "./reset";
import { simultaneousClose, simultaneousOpen } from "./simultaneous";
import type { Template } from "./template";
import { lostFinalAck, restart } from "./timeWait";
import { keepalive, synTimeout } from "./timers";

/** Every scenario template. Template ids are unique, and question ids are unique within their template. */
export const TEMPLATES: readonly Template[] = [
  open,
  lostSyn,
  lostSynAck,
  simultaneousOpen,
  transfer,
  lostData,
  reply,
  close,
  simultaneousClose,
  lostFin,
  halfClose,
  orphan,
  lostFinalAck,
  restart,
  closedPort,
  unreadClose,
  abort,
  orphanData,
  synTimeout,
  keepalive,
];
