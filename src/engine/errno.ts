/** The errors the socket API reports in the scenarios the engine models (Linux names). */
export type Errno =
  | "ECONNREFUSED"
  | "ECONNRESET"
  | "ETIMEDOUT"
  | "EPIPE"
  | "ENOTCONN"
  | "EISCONN"
  | "EALREADY"
  | "EINVAL"
  | "EBADF"
  | "EADDRINUSE";

/** The socket calls a scenario can make. */
export type SocketCall = "bind" | "listen" | "connect" | "send" | "read" | "close" | "shutdown" | "abort";
