// Personal API tokens: the form's schema and the token's shape.
import { z } from "zod";
import { dateField } from "../plans/schema";

/** "prt_" and 32 random bytes, base64url: recognisable in logs and secret scanners. */
export const API_TOKEN_PREFIX = "prt_";
export const apiTokenSchema = z.string().regex(/^prt_[A-Za-z0-9_-]{43}$/);
/** At most this many live tokens per user: the account page lists them all. */
export const MAX_TOKENS_PER_USER = 20;

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1).max(100).regex(/^[^\u0000-\u001f\u007f]*$/, { message: "validation.invalid" }),
  expiresOn: dateField,
});

export const revokeApiTokenSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
