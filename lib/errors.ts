// Domain errors: failures a user can act on. lib/action.ts turns them into form messages.
import type { ActionCode } from "./action";

export type ErrorKey =
  | "unexpected"
  | "unauthorized"
  | "forbidden"
  | "notFound"
  | "emailTaken"
  | "lastAdmin"
  | "selfChange"
  | "tokenInvalid"
  | "currentPasswordWrong"
  | "invalidCredentials"
  | "locked";

export class DomainError extends Error {
  constructor(
    readonly code: ActionCode,
    readonly messageKey: ErrorKey,
    readonly field?: string,
  ) {
    super(messageKey);
  }
}
