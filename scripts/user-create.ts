// npm run user:create -- --email X --role admin [--name "Full Name"]
// The password comes from USER_PASSWORD or a hidden prompt. Creates the first admin of a new
// installation (or any user); audited as created by no one (the command line).
import password from "@inquirer/password";
import { runCli } from "./cli";
import { openTarget, UserFacingError } from "./db/target";
import { deployMigrations } from "./db/migrations";
import { urlFromPgConfig } from "./db/connection";
import { createPrismaClient } from "../lib/prisma-client";
import { hashPassword } from "../lib/auth/password";
import { isWeakPassword, MIN_PASSWORD_LENGTH } from "../lib/auth/password-policy";
import { recordAudit } from "../lib/audit";
import { roles, type Role } from "../lib/permissions";

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

runCli(async () => {
  const email = option("email")?.trim().toLowerCase();
  const role = (option("role") ?? "viewer") as Role;
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) throw new UserFacingError("Give an e-mail address: npm run user:create -- --email name@kommune.no --role admin");
  if (!(roles as readonly Role[]).includes(role)) throw new UserFacingError(`--role must be one of ${roles.join(", ")}.`);
  const name = option("name") ?? email.split("@")[0]!;
  const secret = process.env.USER_PASSWORD ?? (await password({ message: `Password for ${email} (at least ${MIN_PASSWORD_LENGTH} characters):`, mask: "*" }));
  if (secret.length < MIN_PASSWORD_LENGTH) throw new UserFacingError(`The password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (isWeakPassword(secret, [email, name])) throw new UserFacingError("The password is too common or easy to guess; choose a longer or less common one.");

  const target = await openTarget();
  const db = createPrismaClient(urlFromPgConfig(target.config), { max: 2 });
  try {
    await deployMigrations(target.config, target.shadow);
    const passwordHash = await hashPassword(secret);
    const user = await db.$transaction(async (tx) => {
      if (await tx.user.findFirst({ where: { email } })) throw new UserFacingError(`A user with e-mail ${email} already exists.`);
      const created = await tx.user.create({ data: { email, name, role, passwordHash } });
      await recordAudit(tx, { type: "user.created", actorId: null, userId: created.id, after: { email, name, role, via: "command line" } });
      return created;
    });
    console.log(`Created ${user.role} ${user.email} (id ${user.id}).`);
  } finally {
    await db.$disconnect();
    await target.close();
  }
});
