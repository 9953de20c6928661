// The mail worker: pg-boss keeps its jobs in PostgreSQL (schema pgboss), so any number of
// workers share them and a restart loses nothing. A daily cron job (06:00 Europe/Oslo, and once
// at start) scans; each planned mail is a send job, retried with doubling back-off.
// One worker serves every municipality (decision 057): the scan plans each municipality's mail in
// a transaction of its own, as the app role with that tenant set, and each send job carries its
// tenant, so every query of it runs under row-level security in its municipality.
import pg from "pg";
import PgBoss from "pg-boss";
import { APP_ROLE, appConnection } from "../db-role";
import type { PrismaClient } from "../generated/prisma/client";
import { withTenant } from "../tenant-context";
import { mailConfig, type MailConfig } from "./config";
import { deliver, RetryableMailError } from "./deliver";
import { planMail, SEND_QUEUE, type SendJob } from "./plan";
import { mailSettings } from "./settings";
import { guardJobSettlement } from "./pg-boss-guard";

export const SCAN_QUEUE = "mail-scan";
export const SCAN_CRON = "0 6 * * *";

export type MailWorker = { boss: PgBoss; pool: pg.Pool; config: MailConfig; scan: (now?: Date) => Promise<bigint[]>; stop: () => Promise<void> };

type Log = (line: string) => void;

// Idle connections are closed before a typical idle_session_timeout would end them under us.
const IDLE_MS = 5000;

/** Starts pg-boss and its queues; with `work`, also the scan and send workers. */
export async function startMailWorker(options: { url: string; db: PrismaClient; work?: boolean; log?: Log; pollingSeconds?: number }): Promise<MailWorker> {
  const config = mailConfig();
  const log = options.log ?? ((line) => console.log(line));
  // pg-boss hands its options to pg.Pool, whose idle timeout its types do not list.
  const poolOptions = { idleTimeoutMillis: IDLE_MS };
  const boss = new PgBoss({ connectionString: options.url, max: 3, application_name: "planregister-mail", ...poolOptions });
  boss.on("error", (error: Error) => log(`mail worker: ${error.message}`));
  guardJobSettlement(log);
  // The scan's pool is the app role's (the owner would bypass row-level security).
  const pool = new pg.Pool({ connectionString: appConnection(options.url).url, max: 2, application_name: "planregister-mail-scan", idleTimeoutMillis: IDLE_MS });
  // An idle connection the server ends (restart, failover, pg_terminate_backend,
  // idle_session_timeout) is an 'error' on the pool: without a listener it ends the process.
  pool.on("error", (error: Error) => log(`mail worker: idle connection lost: ${error.message}`));
  await boss.start();
  const sendQueue = { name: SEND_QUEUE, retryLimit: config.retryLimit, retryDelay: config.retryDelaySeconds, retryBackoff: true, expireInSeconds: config.leaseSeconds };
  const scanQueue = { name: SCAN_QUEUE, retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 900 };
  for (const q of [sendQueue, scanQueue]) {
    if (await boss.getQueue(q.name)) await boss.updateQueue(q.name, q);
    else await boss.createQueue(q.name, q);
  }
  await grantJobInsert(options.url);
  // Every municipality in turn; one that fails does not stop the others, and the job is retried
  // (the scan is idempotent) with the first failure as its reason.
  const scan = async (now = new Date()) => {
    const planned: bigint[] = [];
    const failures: unknown[] = [];
    for (const tenantId of await municipalities(pool)) {
      try {
        planned.push(...(await withTenant(tenantId, async () => planMail(pool, boss, now, (await mailSettings(options.db)).leadMonths))));
      } catch (error) {
        log(`mail worker: scan of tenant ${tenantId}: ${(error as Error).message}`);
        failures.push(error);
      }
    }
    if (failures.length) throw failures[0];
    return planned;
  };

  if (options.work !== false) {
    const polling = { pollingIntervalSeconds: options.pollingSeconds ?? 2 };
    await boss.work(SCAN_QUEUE, polling, async () => {
      const planned = await scan();
      if (planned.length) log(`mail worker: planned ${planned.length} mail(s)`);
    });
    await boss.work<SendJob>(SEND_QUEUE, { ...polling, batchSize: 1, includeMetadata: true }, async ([job]) => {
      if (!job) return;
      const attempt = { retryCount: job.retryCount, retryLimit: job.retryLimit };
      const send = () => deliver(options.db, config, BigInt(job.data.deliveryId), attempt);
      try {
        // A job planned before tenancy names no tenant: the database's only one.
        await (job.data.tenantId ? withTenant(job.data.tenantId, send) : send());
      } catch (error) {
        if (!(error instanceof RetryableMailError)) log(`mail worker: delivery ${job.data.deliveryId}: ${(error as Error).message}`);
        throw error;
      }
    });
    await boss.schedule(SCAN_QUEUE, SCAN_CRON, {}, { tz: "Europe/Oslo" });
    // A scan at start too: a worker that was down at 06:00 catches up (the scan is idempotent,
    // so instances starting together cost a few scans, never a second mail).
    await boss.send(SCAN_QUEUE, {});
  }

  return {
    boss,
    pool,
    config,
    scan,
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await pool.end();
    },
  };
}

/** The municipalities' tenant ids (the county office and the platform get no register mail). */
async function municipalities(pool: pg.Pool): Promise<number[]> {
  const { rows } = await pool.query<{ id: number }>(`SELECT id FROM tenants WHERE kind = 'municipality' ORDER BY id`);
  return rows.map((r) => r.id);
}

/**
 * The scan inserts its send jobs as the app role, in its own transaction: pg-boss's schema is
 * made by pg-boss at start (as the owner), so its grants are given here, not in a migration.
 */
async function grantJobInsert(ownerUrl: string): Promise<void> {
  const owner = new pg.Client({ connectionString: ownerUrl, application_name: "planregister-mail-grant" });
  // A connection ended meanwhile fails the query below; unheard, it would end the process.
  owner.on("error", () => {});
  await owner.connect();
  try {
    await owner.query(`GRANT USAGE ON SCHEMA pgboss TO ${APP_ROLE}; GRANT SELECT ON pgboss.queue TO ${APP_ROLE}; GRANT INSERT ON pgboss.job TO ${APP_ROLE}`);
  } finally {
    await owner.end();
  }
}
