// npm run worker: the mail worker alone, for deployments that run web and worker apart. npm start
// runs this same file beside the web server. Needs DATABASE_URL: the embedded database lives
// inside npm start, which starts its own worker. Run with --conditions=react-server, as the
// shared lib/ modules are marked server-only.
import { runCli } from "./cli";
import { UserFacingError } from "./db/target";
import { createPrismaClient } from "../lib/prisma-client";
import { startMailWorker } from "../lib/mail/worker";

runCli(async () => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new UserFacingError("DATABASE_URL is not set: the worker needs the app's PostgreSQL database (with the embedded database, npm start runs the worker itself).");
  if (!process.env.NEXTAUTH_SECRET) throw new UserFacingError("NEXTAUTH_SECRET is not set: the worker signs the unsubscribe links with it (the same value as the web app's).");
  const db = createPrismaClient(url, { max: 3 });
  const worker = await startMailWorker({ url, db });
  console.log(worker.config.smtpUrl ? "Mail worker running." : "Mail worker running without SMTP_URL: mails are stored in the mail log, not sent.");
  await new Promise<void>((resolve) => {
    process.once("SIGTERM", resolve);
    process.once("SIGINT", resolve);
  });
  await worker.stop();
  await db.$disconnect();
});
