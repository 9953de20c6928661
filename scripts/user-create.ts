// npm run user:create -- --email X --role admin [--name "Full Name"] [--tenant <kommunenummer or host>]
// The password comes from USER_PASSWORD or a hidden prompt. Creates the first admin of a new
// installation (or any user) in one tenant: --tenant names it, needed when the database has
// several (the example data does). Audited as created by no one (the command line).
import { parseArgs } from "node:util";
import password from "@inquirer/password";
import { runCli } from "./cli";
import { openTarget, UserFacingError } from "./db/target";
import { deployMigrations } from "./db/migrations";
import { urlFromPgConfig, withClient } from "./db/connection";
import { tenantForCommand } from "./tenants/resolve";
import { createPrismaClient } from "../lib/prisma-client";
import { hashPassword } from "../lib/auth/password";
import { isWeakPassword, MIN_PASSWORD_LENGTH } from "../lib/auth/password-policy";
import { recordAudit } from "../lib/audit";
import { roles, type Role } from "../lib/permissions";

const USAGE = 'npm run user:create -- --email name@kommune.no --role admin [--name "Full Name"] [--tenant <kommunenummer or host name>]';

function options(args: string[]) {
  try {
    return parseArgs({ args, strict: true, options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, tenant: { type: "string" } } }).values;
  } catch (error) {
    throw new UserFacingError(`${(error as Error).message.split("\n")[0]} Usage: ${USAGE}`);
  }
}

runCli(async () => {
  const values = options(process.argv.slice(2));
  const email = values.email?.trim().toLowerCase();
  const role = (values.role ?? "viewer") as Role;
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) throw new UserFacingError(`Give an e-mail address: ${USAGE}`);
  if (!(roles as readonly Role[]).includes(role)) throw new UserFacingError(`--role must be one of ${roles.join(", ")}.`);
  const name = values.name ?? email.split("@")[0]!;

  const target = await openTarget();
  try {
    await deployMigrations(target.config, target.shadow);
    // The tenant before the password: a missing --tenant is said before anyone types one.
    const tenant = await withClient(target.config, (client) => tenantForCommand(client, values.tenant));
    const secret = process.env.USER_PASSWORD ?? (await password({ message: `Password for ${email} in ${tenant.name} (at least ${MIN_PASSWORD_LENGTH} characters):`, mask: "*" }));
    if (secret.length < MIN_PASSWORD_LENGTH) throw new UserFacingError(`The password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
    if (isWeakPassword(secret, [email, name])) throw new UserFacingError("The password is too common or easy to guess; choose a longer or less common one.");
    const passwordHash = await hashPassword(secret);
    const db = createPrismaClient(urlFromPgConfig(target.config), { max: 2, tenant: tenant.id });
    try {
      const user = await db.$transaction(async (tx) => {
        if (await tx.user.findFirst({ where: { email } })) throw new UserFacingError(`A user with e-mail ${email} already exists in ${tenant.name}.`);
        const created = await tx.user.create({ data: { email, name, role, passwordHash } });
        await recordAudit(tx, { type: "user.created", actorId: null, userId: created.id, after: { email, name, role, via: "command line" } });
        return created;
      });
      console.log(`Created ${user.role} ${user.email} (id ${user.id}) in ${tenant.name}.`);
    } finally {
      await db.$disconnect();
    }
  } finally {
    await target.close();
  }
});
