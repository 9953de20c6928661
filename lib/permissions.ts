// The one role → permission table. The server refuses with it (lib/auth/guards.ts, lib/action.ts);
// the UI hides controls with it. Safe to import in client components.
import type { Role } from "./generated/prisma/enums";

export const roles = ["viewer", "editor", "admin"] as const satisfies readonly Role[];

export const permissions = {
  /** Read the register, the plans and the schedule. */
  "plan.read": ["viewer", "editor", "admin"],
  /** Create, edit, archive plans; record decisions and periods. */
  "plan.write": ["editor", "admin"],
  /** Own account: see it, change one's password, API tokens. */
  "account.self": ["viewer", "editor", "admin", "statsforvalter"],
  /** Users and roles. */
  "user.manage": ["admin"],
  /** The mail log and the test mail. */
  "mail.manage": ["admin"],
  /** The municipality's settings (name, innsyn, accessibility contact). */
  "settings.manage": ["admin"],
  /** The county view: public figures of the office's county's municipalities (decision 053). */
  "county.read": ["statsforvalter"],
  /** The platform's tenants, their host names and first admins (decision 055). No municipal permission above has this role. */
  "tenant.manage": ["operator"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;
export type { Role };

/** Whether `role` has `permission`. */
export const can = (role: Role, permission: Permission): boolean =>
  (permissions[permission] as readonly Role[]).includes(role);
