import type { Errno, SocketCall } from "./errno";
import type { Side } from "./segment";
import type { TcpState } from "./state";
import type { TimerKind } from "./tcb";

/**
 * The trace `tcp-tutor trace --json` prints (the contract): segments in the order they were sent, events in the
 * order they happened, and each side's final state. Fields beyond the contract's are extensions: `t` and `step`
 * on segments, `step` on events, `order` on both, `cause` when a timer sent the segment.
 */
export interface TraceSegment {
  readonly from: Side;
  readonly flags: string;
  readonly seq: number;
  readonly ack: number;
  readonly len: number;
  readonly lost: boolean;
  /** Virtual seconds when it was sent. */
  readonly t: number;
  /** Index of the scenario step during which it was sent. */
  readonly step: number;
  /** Position among all segments and events of the trace: merging the two arrays by it gives what happened when. */
  readonly order: number;
  /** Position (in the same numbering as `order`) at which it arrived; absent for a lost segment. */
  readonly arrival?: number;
  /** The timer that sent it (a retransmission, a delayed ACK, a keepalive probe). */
  readonly cause?: TimerKind;
}

interface EventBase {
  readonly t: number;
  readonly side: Side;
  readonly step: number;
  /** Position among all segments and events of the trace (see TraceSegment.order). */
  readonly order: number;
}

export type TraceEvent =
  | (EventBase & {
      readonly type: "state";
      readonly from: TcpState;
      readonly to: TcpState;
      /** A connection the application has moved on from (kept by the kernel, such as an old TIME_WAIT). */
      readonly background?: true;
    })
  | (EventBase & { readonly type: "error"; readonly call: SocketCall; readonly errno: Errno })
  | (EventBase & { readonly type: "so_error"; readonly errno: Errno })
  | (EventBase & { readonly type: "read"; readonly bytes: number; readonly eof: boolean });

export interface Trace {
  readonly segments: readonly TraceSegment[];
  readonly events: readonly TraceEvent[];
  readonly final: { readonly client: TcpState; readonly server: TcpState };
}
