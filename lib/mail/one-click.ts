// RFC 8058 one-click unsubscribe: the mail client POSTs "List-Unsubscribe=One-Click" to the
// List-Unsubscribe address, without cookies. The signed token in the path is the credential.
import "server-only";
import { db } from "../db";
import { unsubscribe } from "./preferences";
import { readUnsubscribeToken } from "./unsubscribe-token";

/** The HTTP status for a one-click POST with this token. */
export async function oneClickUnsubscribe(token: string): Promise<200 | 404> {
  const target = readUnsubscribeToken(token);
  if (!target) return 404;
  return (await unsubscribe(db, target.userId, target.kind)) ? 200 : 404;
}
