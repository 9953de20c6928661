// The delivery statuses, in the order the mail log offers them as a filter. Safe in client code.
import type { MailStatus } from "../generated/prisma/enums";

export const mailStatuses = ["planned", "sending", "retrying", "sent", "not_sent", "failed", "cancelled"] as const satisfies readonly MailStatus[];
