// Forms and URL parameters of the mail features.
import { z } from "zod";
import { mailStatuses } from "./statuses";

const checkbox = z.preprocess((v) => v === "on" || v === "true", z.boolean());

export const mailPreferencesSchema = z.object({
  mailOwnerReminders: checkbox,
  mailWeeklyDigest: checkbox,
  mailQuarterlySummary: checkbox,
  mailLocale: z.enum(["nb", "en"], { message: "validation.choose" }),
});

export const testMailSchema = z.object({
  to: z.string().trim().max(320).pipe(z.email({ message: "validation.email" })),
});

export const unsubscribeSchema = z.object({ token: z.string().min(1).max(200) });

export const mailLogParamsSchema = z.object({
  status: z.enum(mailStatuses).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type MailLogParams = z.output<typeof mailLogParamsSchema>;
