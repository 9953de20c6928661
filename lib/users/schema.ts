import { z } from "zod";
import { roles } from "../permissions";

const id = z.coerce.number().int().positive().max(2_147_483_647);
const role = z.enum(roles, { message: "validation.role" });

export const createUserSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.string().trim().toLowerCase().max(320).pipe(z.email()),
  role,
});

export const changeRoleSchema = z.object({ userId: id, role });
export const userIdSchema = z.object({ userId: id });

/** Deactivating needs a ticked confirmation (works without JavaScript, unlike a dialog). */
export const deactivateSchema = userIdSchema.extend({ confirm: z.literal("yes", { message: "validation.confirmDeactivate" }) });
export const userSearchSchema = z.object({ q: z.string().trim().max(200).regex(/^[^\u0000-\u001f\u007f]*$/).optional().default("") });
