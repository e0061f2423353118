import { describe, expect, it } from "vitest";
import { DEFAULT_LIVE_PORT, liveUrl } from "../../src/live/address";

describe("the address a student types after tcp-tutor join", () => {
  it("without a port: the host's default port, not the WebSocket scheme's 80", () => {
    expect(liveUrl("192.168.1.20", "/play")).toBe(`ws://192.168.1.20:${DEFAULT_LIVE_PORT}/play`);
    expect(liveUrl("[::1]", "/play")).toBe(`ws://[::1]:${DEFAULT_LIVE_PORT}/play`);
  });

  it("a URL keeps its own port, or its scheme's", () => {
    expect(liveUrl("http://host.local/", "/play")).toBe("ws://host.local/play");
    expect(liveUrl("ws://10.0.0.5:9000", "/play")).toBe("ws://10.0.0.5:9000/play");
  });
});
