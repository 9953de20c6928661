// Secret link tokens (set-password links, calendar feeds). Only the SHA-256 of a token is stored,
// so a leaked database does not hand out working links.
import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** SHA-256 hex of a token, as stored. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new token (32 random bytes, base64url: 43 characters) and its hash. */
export function newSecretToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}
