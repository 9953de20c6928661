// Users for tests, created directly (unique e-mails), and sessions started the way the app does.
import { db } from "../../lib/db";
import { hashPassword } from "../../lib/auth/password";
import { issueSession } from "../../lib/auth/session";
import type { Role } from "../../lib/permissions";
import { unique } from "./factories";

export const TEST_PASSWORD = "Korrekt-Hest-Batteri-Stift-42";
let hashed: Promise<string> | undefined;

export async function createUser(role: Role = "viewer", data: { active?: boolean; withPassword?: boolean } = {}) {
  const email = `${unique(role).replace(" ", "-")}@test.planregister.no`.toLowerCase();
  const passwordHash = data.withPassword === false ? null : await (hashed ??= hashPassword(TEST_PASSWORD));
  return db.user.create({ data: { email, name: `Test ${role}`, role, active: data.active ?? true, passwordHash } });
}

export async function signedIn(role: Role = "viewer") {
  const user = await createUser(role);
  const session = await issueSession(user, "password");
  return { user, ...session };
}
