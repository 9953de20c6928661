// Domain errors: failures a user can act on. lib/action-core.ts turns them into form messages.
import type { ActionCode } from "./action-core";

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
  | "locked"
  | "titleTaken"
  | "nationalPlanIdTaken"
  | "planConflict"
  | "relationSelf"
  | "relationCycle"
  | "relationUnknown"
  | "ownerUnknown"
  | "periodUnknown"
  | "periodNameTaken"
  | "periodConflict"
  | "importConflict"
  | "importApplied"
  | "importHasErrors"
  | "importMapping"
  | "periodAdoptedDelete"
  | "periodDeleteReason"
  | "draftAdopted"
  | "adoptViaDraft"
  | "draftConflict"
  | "draftAbsorberUnknown"
  | "draftTooManyNew"
  | "draftUndecided"
  | "draftTitleTaken"
  | "adoptedBeforeConstituted"
  | "settingsConflict"
  | "tokenExpiryPast"
  | "tokenLimit"
  | "tenantValueTaken"
  | "countyOfficeExists"
  | "platformExists"
  | "hostLast"
  | "hostTooMany"
  | "invalidInput";

export class DomainError extends Error {
  constructor(
    readonly code: ActionCode,
    readonly messageKey: ErrorKey,
    readonly field?: string,
    readonly values?: Record<string, string | number>,
    /** Lines shown under the message (e.g. what another user changed). */
    readonly details?: string[],
    /** A page that helps (e.g. the existing plan whose title is taken). */
    readonly link?: { href: string; labelKey: string; values?: Record<string, string | number> },
  ) {
    super(messageKey);
  }
}
