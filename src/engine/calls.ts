import { assertNever } from "./assertNever";
import type { Draft } from "./draft";
import { seqAdd } from "./seq";
import { hasReceivedFin } from "./state";

/** The socket calls an application makes on its own socket (the host handles bind and closed descriptors). */
export type AppCall =
  | { readonly call: "listen" }
  | { readonly call: "connect" }
  | { readonly call: "send"; readonly bytes: number }
  | { readonly call: "read" }
  | { readonly call: "close" }
  | { readonly call: "shutdown" }
  | { readonly call: "abort" };

export function applyCall(d: Draft, c: AppCall): void {
  switch (c.call) {
    case "listen":
      return listen(d);
    case "connect":
      return connect(d);
    case "send":
      return send(d, c.bytes);
    case "read":
      return read(d);
    case "close":
      return close(d);
    case "shutdown":
      return shutdown(d);
    case "abort":
      return abort(d);
    default:
      return assertNever(c);
  }
}

/** RFC 9293 §3.10.1 passive OPEN. Linux lets listen() repeat on a listener and refuses it on a connection. */
function listen(d: Draft): void {
  switch (d.state) {
    case "CLOSED":
      if (d.tcb.wasConnected) return d.fail("listen", "EINVAL");
      d.tcb.passive = true;
      return d.setState("LISTEN");
    case "LISTEN":
      return;
    default:
      return d.fail("listen", "EINVAL");
  }
}

/** RFC 9293 §3.10.1 active OPEN: send SYN with our ISS, enter SYN_SENT. */
function connect(d: Draft): void {
  switch (d.state) {
    case "CLOSED": {
      if (d.tcb.wasConnected) return d.fail("connect", "EISCONN");
      const t = d.tcb;
      t.passive = false;
      t.sndUna = t.iss;
      t.sndNxt = seqAdd(t.iss, 1);
      t.unacked = [{ seq: t.iss, len: 0, syn: true, fin: false }];
      t.rtoMs = d.o.rtoInitialMs;
      t.retries = 0;
      d.emit({ syn: true }, t.iss);
      d.armRetransmit();
      return d.setState("SYN_SENT");
    }
    case "SYN_SENT":
    case "SYN_RECEIVED":
      return d.fail("connect", "EALREADY");
    // Linux: connect() on a listening or connected socket fails with EISCONN. The RFC's LISTEN → SYN_SENT
    // (a SEND naming a remote socket, §3.10.2) has no socket-API call that reaches it.
    default:
      return d.fail("connect", "EISCONN");
  }
}

/** RFC 9293 §3.10.2 SEND. Linux reports EPIPE for a socket that cannot send (and sends SIGPIPE). */
function send(d: Draft, bytes: number): void {
  switch (d.state) {
    case "ESTABLISHED":
    case "CLOSE_WAIT":
      if (d.tcb.shutWr) return d.fail("send", "EPIPE");
      return d.sendData(bytes);
    case "SYN_SENT":
    case "SYN_RECEIVED":
      // §3.10.2: data sent before the handshake completes is queued and goes out once ESTABLISHED.
      d.tcb.pendingSend += bytes;
      return;
    case "CLOSED":
      if (!reportError(d, "send")) d.fail("send", "EPIPE");
      return;
    case "LISTEN":
    case "FIN_WAIT_1":
    case "FIN_WAIT_2":
    case "CLOSING":
    case "LAST_ACK":
    case "TIME_WAIT":
      return d.fail("send", "EPIPE");
  }
}

/** Reports and clears a pending socket error (Linux sock_error); false when there is none. */
function reportError(d: Draft, call: "send" | "read"): boolean {
  const err = d.tcb.soError;
  if (err === null) return false;
  d.tcb.soError = null;
  d.fail(call, err);
  return true;
}

/**
 * The application reads everything received since its last read; at the peer's FIN with nothing left, read
 * returns 0 (EOF). With autoRead the bytes were consumed as they arrived; read still reports how many.
 */
function read(d: Draft): void {
  const t = d.tcb;
  if (t.unread > 0) {
    const bytes = t.unread;
    t.unread = 0;
    return d.note({ kind: "read", bytes, eof: false });
  }
  if (reportError(d, "read")) return;
  if (d.state === "CLOSED" || d.state === "LISTEN") {
    // Linux tcp_recvmsg: a socket that never connected reads ENOTCONN; one whose connection ended reads EOF.
    if (!t.wasConnected) return d.fail("read", "ENOTCONN");
    return d.note({ kind: "read", bytes: 0, eof: true });
  }
  return d.note({ kind: "read", bytes: 0, eof: hasReceivedFin(d.state) });
}

/**
 * RFC 9293 §3.10.4 CLOSE, as Linux tcp_close does it: unread received data makes close() reset the connection
 * instead of sending FIN (RFC 2525 §2.17).
 */
function close(d: Draft): void {
  const unread = d.tcb.unread > 0 && !d.o.autoRead;
  d.tcb.orphan = true;
  switch (d.state) {
    case "CLOSED":
      return;
    case "LISTEN":
    case "SYN_SENT":
      // Nothing was synchronized, so there is nobody to tell (§3.10.4): the TCB is simply deleted.
      return d.setState("CLOSED");
    case "SYN_RECEIVED":
    case "ESTABLISHED":
      if (unread) return resetAndClose(d);
      d.sendFin();
      return d.setState("FIN_WAIT_1");
    case "CLOSE_WAIT":
      if (unread) return resetAndClose(d);
      d.sendFin();
      return d.setState("LAST_ACK");
    case "FIN_WAIT_1":
      if (unread) return resetAndClose(d);
      return;
    case "FIN_WAIT_2":
      if (unread) return resetAndClose(d);
      // An orphaned FIN_WAIT_2 lives tcp_fin_timeout, not forever (Linux tcp_close).
      d.timers.finWait2 = d.now + d.o.finTimeoutMs;
      return;
    case "CLOSING":
    case "LAST_ACK":
      // Linux checks for unread data before anything else (tcp_close), whatever the state.
      if (unread) return resetAndClose(d);
      return;
    case "TIME_WAIT":
      return;
  }
}

function resetAndClose(d: Draft): void {
  d.tcb.unread = 0;
  d.sendActiveReset();
  d.setState("CLOSED");
}

/** shutdown(SHUT_WR): send FIN, keep receiving (half-close). Linux inet_shutdown / tcp_shutdown. */
function shutdown(d: Draft): void {
  switch (d.state) {
    case "CLOSED":
      return d.fail("shutdown", "ENOTCONN");
    case "LISTEN":
      return;
    case "SYN_SENT":
      // Linux disconnects a socket still connecting: nothing was synchronized, nothing is sent.
      return d.setState("CLOSED");
    case "SYN_RECEIVED":
    case "ESTABLISHED":
      if (d.tcb.shutWr) return;
      d.sendFin();
      return d.setState("FIN_WAIT_1");
    case "CLOSE_WAIT":
      d.sendFin();
      return d.setState("LAST_ACK");
    case "FIN_WAIT_1":
    case "FIN_WAIT_2":
    case "CLOSING":
    case "LAST_ACK":
    case "TIME_WAIT":
      return;
  }
}

/**
 * SO_LINGER {on, 0} then close(): Linux tcp_disconnect resets a connection that has a peer to tell
 * (tcp_need_reset: ESTABLISHED, CLOSE_WAIT, FIN_WAIT_1, FIN_WAIT_2, SYN_RECEIVED) and goes straight to CLOSED,
 * skipping TIME_WAIT.
 */
function abort(d: Draft): void {
  d.tcb.orphan = true;
  if (d.tcb.unread > 0 && !d.o.autoRead && d.state !== "TIME_WAIT") return resetAndClose(d);
  switch (d.state) {
    case "CLOSED":
      return;
    case "ESTABLISHED":
    case "CLOSE_WAIT":
    case "FIN_WAIT_1":
    case "FIN_WAIT_2":
    case "SYN_RECEIVED":
      return resetAndClose(d);
    case "LISTEN":
    case "SYN_SENT":
    case "CLOSING":
    case "LAST_ACK":
      return d.setState("CLOSED");
    case "TIME_WAIT":
      // The connection already belongs to the kernel; TIME_WAIT runs its course.
      return;
  }
}
