import type { Trace, TraceEvent, TraceSegment } from "../engine";

/** One thing that happened: a segment put on the wire, or an event at one side. */
export type TimelineItem =
  | { readonly kind: "segment"; readonly segment: TraceSegment }
  | { readonly kind: "event"; readonly event: TraceEvent };

function orderOf(x: TimelineItem): number {
  return x.kind === "segment" ? x.segment.order : x.event.order;
}

/** A trace's segments and events merged into the order they happened (the engine numbers them all). */
export function timeline(trace: Trace): TimelineItem[] {
  const items: TimelineItem[] = [
    ...trace.segments.map((segment) => ({ kind: "segment" as const, segment })),
    ...trace.events.map((event) => ({ kind: "event" as const, event })),
  ];
  return items.sort((a, b) => orderOf(a) - orderOf(b));
}
