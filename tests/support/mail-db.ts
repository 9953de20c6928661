// A database of its own for the mail tests: the scan reads every plan and user, and the send queue
// is shared by all workers on a database, so tests of other files must not see these (nor these
// theirs).
import { createFreshDatabase } from "../../scripts/db/fresh";
import { deployMigrations } from "../../scripts/db/migrations";
import { urlFromPgConfig } from "../../scripts/db/connection";
import { createPrismaClient, type PrismaClient } from "../../lib/prisma-client";

export async function mailDatabase(): Promise<{ url: string; db: PrismaClient; close: () => Promise<void> }> {
  const target = await createFreshDatabase("planregister_mail");
  await deployMigrations(target.config, target.shadow);
  const url = urlFromPgConfig(target.config);
  const db = createPrismaClient(url, { max: 4 });
  return {
    url,
    db,
    close: async () => {
      await db.$disconnect();
      await target.close();
    },
  };
}
