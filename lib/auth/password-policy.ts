// Password rules: at least 12 characters, and not a common or easily guessed password
// (zxcvbn with its common-password dictionary; score 3 of 4 or better).
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

export const MIN_PASSWORD_LENGTH = 12;

/** True when zxcvbn finds the password too guessable. */
export function isWeakPassword(password: string, userInputs: string[] = []): boolean {
  return zxcvbn.check(password, userInputs).score < 3;
}

/** A new password as users type it. */
export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { message: "validation.passwordTooShort" })
  .max(200)
  .refine((p) => !isWeakPassword(p), { message: "validation.passwordWeak" });
