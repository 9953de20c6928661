// What the bench's URLs point at, read from the bench database: a well-filled plan, the synthetic
// strategy period, the SDG goal with most plans, how many pages the search row yields; and a
// calendar-feed link for the signed-in user, made as lib/calendar/mutations.ts makes one.
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { recordAudit } from "../../lib/audit";
import { createPrismaClient } from "../../lib/prisma-client";
import { SYNTHETIC_PERIOD_NAME } from "../../scripts/db/synthetic";
import { APP_ROLE } from "../../lib/db-role";
import { withTenant } from "../../lib/tenant-context";

/** The search row: free text, two filters, a sort and a deep page (lib/plans/list.ts's parameter names). */
export const SEARCH = { q: "tiltak", status: "vedtatt", required: "no", sort: "revisionDueOn", dir: "desc", page: "40" };
export const PAGE_SIZE = 25;

export type Fixtures = { planId: number; periodId: number; goal: number; searchPages: number; calendarToken: string };

export async function readFixtures(url: string, userEmail: string, tenant = 1): Promise<Fixtures> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // The measured municipality's rows only (several may share the database): as the app role, in its tenant.
    await client.query(`BEGIN; SET LOCAL ROLE ${APP_ROLE}; SELECT app_set_tenant(${Number(tenant)})`);
    const one = async (sql: string, params: unknown[] = []) => Object.values((await client.query(sql, params)).rows[0] ?? {})[0];
    // The plan page with the most to show: SDG targets, documents, relations and an edit in its history.
    const planId = await one(`
      SELECT p.id FROM plans p WHERE p.archived_at IS NULL AND p.status = 'vedtatt'
      ORDER BY (EXISTS (SELECT 1 FROM plan_targets t WHERE t.plan_id = p.id))::int
        + (EXISTS (SELECT 1 FROM plan_documents d WHERE d.plan_id = p.id))::int
        + (EXISTS (SELECT 1 FROM plan_relations r WHERE r.from_plan_id = p.id))::int
        + (EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_type = 'plan' AND a.entity_id = p.id::text AND a.type = 'plan.updated'))::int DESC, p.id
      LIMIT 1`);
    const periodId = await one("SELECT id FROM strategy_periods WHERE name = $1", [SYNTHETIC_PERIOD_NAME]);
    const goal = await one(`SELECT s.goal_code FROM plan_targets t JOIN sdg_targets s ON s.code = t.target_code GROUP BY 1 ORDER BY count(DISTINCT t.plan_id) DESC, 1 LIMIT 1`);
    // The same filter as planListWhere for SEARCH (active, text in title/summary/case number).
    const matches = await one(`
      SELECT count(*)::int FROM plans WHERE archived_at IS NULL
        AND (title ILIKE $1 OR summary ILIKE $1 OR case_number ILIKE $1) AND status = $2 AND legally_required = $3`,
      [`%${SEARCH.q}%`, SEARCH.status, SEARCH.required === "yes"]);
    const userId = Number(await one("SELECT id FROM users WHERE email = $1", [userEmail]));
    const missing = Object.entries({ planId, periodId, goal, userId }).filter(([, v]) => !v).map(([k]) => k);
    if (missing.length) throw new Error(`the bench database lacks the synthetic data (${missing.join(", ")})`);
    await client.query("COMMIT");
    return { planId: Number(planId), periodId: Number(periodId), goal: Number(goal), searchPages: Math.ceil(Number(matches) / PAGE_SIZE), calendarToken: await withTenant(tenant, () => calendarLink(url, userId)) };
  } finally {
    await client.end();
  }
}

// As renewCalendarLink: 32 random bytes, only the SHA-256 stored, one audit row, one transaction.
async function calendarLink(url: string, userId: number): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const hash = createHash("sha256").update(token).digest("hex");
  const db = createPrismaClient(url, { max: 1 });
  try {
    await db.$transaction(async (tx) => {
      const { count } = await tx.calendarFeed.updateMany({ where: { userId }, data: { tokenHash: hash, createdAt: new Date() } });
      if (count === 0) await tx.calendarFeed.create({ data: { userId, tokenHash: hash } });
      await recordAudit(tx, { type: "calendar.link_renewed", actorId: userId, userId });
    });
  } finally {
    await db.$disconnect();
  }
  return token;
}
