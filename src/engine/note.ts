import type { Errno, SocketCall } from "./errno";
import type { TcpState } from "./state";

/** What a step tells the world beyond the segments it sends. */
export type Note =
  | { readonly kind: "state"; readonly from: TcpState; readonly to: TcpState }
  /** A socket call failed with this error. */
  | { readonly kind: "error"; readonly call: SocketCall; readonly errno: Errno }
  /** The kernel recorded an error on the socket (SO_ERROR); the application's next send or read reports it. */
  | { readonly kind: "so_error"; readonly errno: Errno }
  /** The application read this many bytes; eof when the peer's FIN was reached. */
  | { readonly kind: "read"; readonly bytes: number; readonly eof: boolean };
