// The client address for brute-force counting and the audit log, as the HTTP edge determined it
// (lib/http/client.ts). Never X-Forwarded-For itself: a client can write anything there.
import { CLIENT_ADDRESS_HEADER, CLIENT_PROTOCOL_HEADER } from "../http/client";

type HeaderReader = { get(name: string): string | null };

/** The edge's client address; "unknown" when the app runs without the edge (e.g. bare `next start`). */
export function requestClientAddress(headers: HeaderReader): string {
  return headers.get(CLIENT_ADDRESS_HEADER) || "unknown";
}

/** The protocol the client used, as the edge saw it (null without the edge). */
export function requestClientProtocol(headers: HeaderReader): "https" | "http" | null {
  const value = headers.get(CLIENT_PROTOCOL_HEADER);
  return value === "https" || value === "http" ? value : null;
}
