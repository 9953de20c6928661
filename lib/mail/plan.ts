// The daily scan: which mails are due today, each recorded once. One transaction inserts the
// deliveries (their unique dedupe key makes a rerun, or a second instance scanning at the same
// moment, insert nothing) and the pg-boss jobs that send them, so a crash leaves both or neither.
import { tenantStatement } from "../db-role";
import { withPoolClient } from "../tenant-sql";
import { currentTenantId } from "../tenant-context";
import { randomUUID } from "node:crypto";
import type pg from "pg";
import type PgBoss from "pg-boss";
import { addMonths, isoDate, todayInOslo } from "../dates";
import { endedStatuses } from "../plans/active";
import { dedupeKey, isoWeek, maxLead, quarter, reminderStep } from "./schedule";

export const SEND_QUEUE = "mail-send";

/** A send job: the delivery and its tenant (null: planned before tenancy, the only tenant's). */
export type SendJob = { deliveryId: string; tenantId?: number | null };

type Candidate = { key: string; kind: string; step: string; recipientId: number; to: string; planId: number | null; dueOn: string | null };

async function candidates(client: pg.PoolClient, today: Date, leadMonths: readonly number[]): Promise<Candidate[]> {
  const out: Candidate[] = [];
  const owners = await client.query<{ plan_id: number; due_on: string; user_id: number; email: string }>(
    `SELECT p.id AS plan_id, to_char(p.revision_due_on, 'YYYY-MM-DD') AS due_on, u.id AS user_id, u.email
       FROM plans p JOIN users u ON u.id = p.owner_id
      WHERE p.archived_at IS NULL AND p.status::text <> ALL($1::text[]) AND p.revision_due_on <= $2::date
        AND u.active AND u.mail_owner_reminders`,
    [endedStatuses, isoDate(addMonths(today, maxLead(leadMonths)))],
  );
  for (const r of owners.rows) {
    const dueOn = new Date(`${r.due_on}T00:00:00Z`);
    const step = reminderStep(today, dueOn, leadMonths);
    if (!step) continue;
    const key = dedupeKey({ kind: "owner_reminder", recipientId: r.user_id, step, planId: r.plan_id, dueOn });
    out.push({ key, kind: "owner_reminder", step, recipientId: r.user_id, to: r.email, planId: r.plan_id, dueOn: r.due_on });
  }
  const digests = await client.query<{ id: number; email: string; weekly: boolean; quarterly: boolean }>(
    `SELECT id, email, mail_weekly_digest AND role <> 'viewer' AS weekly, mail_quarterly_summary AS quarterly
       FROM users WHERE active AND ((mail_weekly_digest AND role <> 'viewer') OR mail_quarterly_summary)`,
  );
  const week = isoWeek(today).label;
  const q = quarter(today).label;
  for (const u of digests.rows) {
    if (u.weekly) out.push({ key: dedupeKey({ kind: "weekly_digest", recipientId: u.id, step: week }), kind: "weekly_digest", step: week, recipientId: u.id, to: u.email, planId: null, dueOn: null });
    if (u.quarterly) out.push({ key: dedupeKey({ kind: "quarterly_summary", recipientId: u.id, step: q }), kind: "quarterly_summary", step: q, recipientId: u.id, to: u.email, planId: null, dueOn: null });
  }
  return out;
}

/**
 * Plans the current tenant's (withTenant's) mails due on the Oslo calendar day of `now` and queues one send job for each newly
 * planned one. A mail cancelled earlier (the plan was archived, reminders were off) is planned
 * again when it applies again. Returns the ids planned. `pool` connects as the app role
 * (lib/db-role.ts), never as the owner.
 */
export async function planMail(pool: pg.Pool, boss: PgBoss, now: Date, leadMonths: readonly number[]): Promise<bigint[]> {
  const today = todayInOslo(now);
  return withPoolClient(pool, async (client, lost) => {
    try {
      await client.query("BEGIN");
      // The app role's connection with the job's tenant, so row-level security holds for every
      // statement of the scan; pg-boss's job table is in this transaction too (the worker grants the
      // role INSERT on it), decision 057.
      await client.query(tenantStatement(currentTenantId()));
      const all = await candidates(client, today, leadMonths);
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO mail_deliveries (dedupe_key, kind, step, recipient_id, to_address, plan_id, due_on, as_of)
         SELECT k, kind::"MailKind", step, r, t, p, d::date, $8::date
           FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::int[], $7::text[]) AS c(k, kind, step, r, t, p, d)
         ORDER BY k
         ON CONFLICT (dedupe_key) DO UPDATE
            SET status = 'planned', as_of = EXCLUDED.as_of, to_address = EXCLUDED.to_address, attempts = 0,
                last_error = NULL, planned_at = now(), attempted_at = NULL, finished_at = NULL
          WHERE mail_deliveries.status = 'cancelled'
         RETURNING id`,
        [all.map((c) => c.key), all.map((c) => c.kind), all.map((c) => c.step), all.map((c) => c.recipientId), all.map((c) => c.to), all.map((c) => c.planId), all.map((c) => c.dueOn), isoDate(today)],
      );
      if (rows.length) {
        const tenantId = currentTenantId();
        const jobs = rows.map((r) => ({ id: randomUUID(), name: SEND_QUEUE, data: { deliveryId: r.id, tenantId } satisfies SendJob }));
        // The jobs go in with the deliveries, on this transaction's connection.
        await boss.insert(jobs, { db: { executeSql: (text, values) => client.query(text, values) } });
        await client.query(`UPDATE mail_deliveries m SET job_id = j.job FROM unnest($1::bigint[], $2::text[]) AS j(id, job) WHERE m.id = j.id`, [jobs.map((j) => j.data.deliveryId), jobs.map((j) => j.id)]);
      }
      await client.query("COMMIT");
      return rows.map((r) => BigInt(r.id));
    } catch (error) {
      // A lost connection has no transaction left to roll back (withPoolClient discards it).
      if (!lost()) await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  });
}
