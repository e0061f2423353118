import { networkInterfaces } from "node:os";

/**
 * Addresses of a live round: what the host shows students ("192.168.1.20:8123") and what `tcp-tutor join` turns it
 * into ("ws://192.168.1.20:8123/play").
 */

/** "host:port", with brackets around an IPv6 host. */
export function hostPort(host: string, port: number): string {
  return `${host.includes(":") ? `[${host}]` : host}:${port}`;
}

/** Binding every interface: the address students type is the machine's, not 0.0.0.0. */
const ANY = new Set(["0.0.0.0", "::", ""]);

/**
 * The address to show students for a server bound to `bind`: the bind address itself, or when bound to every
 * interface, this machine's first external IPv4 address (the classroom's LAN), else loopback.
 */
export function joinHost(bind: string): string {
  if (!ANY.has(bind)) return bind;
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === "IPv4" && !a.internal) return a.address;
  }
  return "127.0.0.1";
}

/** `tcp-tutor host`'s port unless told otherwise: what `tcp-tutor join ADDR` without a port connects to. */
export const DEFAULT_LIVE_PORT = 8123;

/**
 * The WebSocket URL for an address as a student types it: "192.168.1.20:8123", "192.168.1.20" (the host's default
 * port), "host.local:8123", "http://…" (the projector's address, copied), or a ws:// or wss:// URL; the path becomes
 * `path`. Undefined when it is none of these.
 */
export function liveUrl(address: string, path: string): string | undefined {
  const text = address.trim();
  const schemed = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  const withScheme = schemed ? text : `ws://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return undefined;
  }
  if (url.protocol === "http:") url.protocol = "ws:";
  else if (url.protocol === "https:") url.protocol = "wss:";
  if ((url.protocol !== "ws:" && url.protocol !== "wss:") || url.hostname === "") return undefined;
  // A bare address means the host's default port, not the scheme's 80.
  if (!schemed && url.port === "") url.port = String(DEFAULT_LIVE_PORT);
  url.pathname = path;
  url.search = "";
  url.hash = "";
  return url.toString();
}
