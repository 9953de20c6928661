import { z } from "zod";
import { newPasswordSchema } from "./password-policy";

export const signInSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(200),
  next: z.string().max(500).optional(),
});

export const setPasswordSchema = z
  .object({ token: z.string().min(20).max(100), password: newPasswordSchema, confirm: z.string().max(200) })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "validation.passwordMismatch" });

export const changePasswordSchema = z
  .object({ current: z.string().min(1).max(200), password: newPasswordSchema, confirm: z.string().max(200) })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "validation.passwordMismatch" });

export const emptySchema = z.object({});
