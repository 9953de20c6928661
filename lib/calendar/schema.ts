import { z } from "zod";

/** The token in a feed link: 32 random bytes, base64url (lib/auth/secret-token.ts). */
export const feedTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** The path of a feed link; calendar apps need it absolute (see calendarFeedUrl). */
export const calendarFeedPath = (token: string) => `/api/calendar/${token}`;
