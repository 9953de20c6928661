// Fills a prepared database (migrations + SDG data) with a synthetic register, in bulk: one
// INSERT … SELECT FROM unnest(arrays) per table and batch, so 10,000 plans take seconds.
import { tenantStatement } from "../../lib/db-role";
import pg from "pg";
import { pgConfigFromUrl } from "./connection";
import { UserFacingError } from "./target";
import { rng, syntheticPlan, syntheticUsers, type Rng, type SyntheticPlan } from "./synthetic-rows";

export const SYNTHETIC_PERIOD_NAME = "Planstrategi 2024–2027";
const OWNERS = 36;
const DECISIONS = 300;
const DAY = 86_400_000;

type Column = [name: string, pgType: string, values: unknown[]];

async function insertRows(client: pg.Client, table: string, columns: Column[], suffix = "", batch = 2000) {
  const rows: pg.QueryResultRow[] = [];
  const count = columns[0]![2].length;
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const arrays = columns.map(([, type], k) => `$${k + 1}::${type}[]`).join(", ");
  for (let i = 0; i < count; i += batch) {
    const params = columns.map(([, , values]) => values.slice(i, i + batch));
    rows.push(...(await client.query(`INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays}) ${suffix}`, params)).rows);
  }
  return rows;
}

const col = <T>(items: T[], name: string, pgType: string, get: (item: T) => unknown): Column => [name, pgType, items.map(get)];

type Lists = { targets: string[]; documents: { label: string; url: string }[]; relations: { kind: string; toPlanId: number }[] };

// The plan as lib/plans/snapshot.ts records it in audit_events.before/after.
function snapshot(p: SyntheticPlan, ownerId: number | null, lists: Lists, version: number, archived: boolean, edit: SyntheticPlan["beforeEdit"]) {
  return {
    title: p.title, type: p.type, status: p.status, adoptedOn: p.adoptedOn, adoptedBy: p.adoptedBy, caseNumber: p.caseNumber,
    decisionUrl: p.decisionUrl, revisionDueOn: edit ? edit.revisionDueOn : p.revisionDueOn, periodFromYear: p.periodFromYear,
    periodToYear: p.periodToYear, responsibleUnit: p.responsibleUnit, ownerId, summary: edit ? edit.summary : p.summary,
    legallyRequired: p.legallyRequired, targets: lists.targets, documents: lists.documents, relations: lists.relations, archived, version,
  };
}

function listsFor(r: Rng, ids: number[], i: number, targetCodes: string[]): Lists {
  const targets = new Set<string>();
  if (r.chance(1 / 3)) for (let k = r.int(1, 6); targets.size < k; ) targets.add(r.pick(targetCodes));
  const documents = r.chance(0.25)
    ? Array.from({ length: r.int(1, 3) }, (_, k) => ({ label: ["Vedtatt plan (PDF)", "Saksframlegg", "Høringsuttalelser"][k]!, url: `https://innsyn.kommune.example/dokument/${ids[i]}-${k + 1}.pdf` }))
    : [];
  const relations: Lists["relations"] = [];
  if (i > 0 && r.chance(0.3)) {
    for (let k = r.int(1, 2); k > 0; k--) {
      // "replaces" only points at an older plan, so no replaces-cycle can form.
      const kind = r.weighted([["includes", 30], ["supports", 50], ["replaces", 20]] as const);
      const toPlanId = ids[r.int(0, i - 1)]!;
      if (!relations.some((x) => x.kind === kind && x.toPlanId === toPlanId)) relations.push({ kind, toPlanId });
    }
  }
  return { targets: [...targets].sort(), documents, relations };
}

export type SyntheticReport = { plans: number; users: number; targets: number; documents: number; relations: number; decisions: number; auditEvents: number; periodId: number; ms: number };

/** Adds `plans` synthetic plans (with owners, SDG targets, relations, documents, a strategy period, history). */
/** `tenant`: the tenant to add them to (default: the first municipality, the example data's Røros); `analyze: false` leaves ANALYZE to the caller (several tenants in a row). */
export async function seedSynthetic(url: string, options: { plans: number; seed?: number; tenant?: number; analyze?: boolean }): Promise<SyntheticReport> {
  const started = Date.now();
  const r = rng(options.seed ?? 20_261_126);
  const client = new pg.Client(pgConfigFromUrl(url));
  await client.connect();
  try {
    const targetCodes = (await client.query<{ code: string }>("SELECT code FROM sdg_targets ORDER BY goal_code, sort_order")).rows.map((t) => t.code);
    if (targetCodes.length === 0) throw new UserFacingError("The database has no SDG reference data: run npm run db:seed first.");
    await client.query("BEGIN");
    // The given or the first municipality's (decision 045): its rows' tenant_id defaults to it.
    const tenant = options.tenant ?? Number((await client.query<{ id: number }>("SELECT min(id) AS id FROM tenants WHERE kind = 'municipality'")).rows[0]?.id);
    await client.query(tenantStatement(Number.isInteger(tenant) ? tenant : null, false));
    const users = syntheticUsers(OWNERS);
    const userRows = await insertRows(client, "users", [col(users, "email", "text", (u) => u.email), col(users, "name", "text", (u) => u.name), col(users, "role", '"Role"', (u) => u.role), col(users, "updated_at", "timestamptz", () => new Date())],
      "ON CONFLICT (tenant_id, email) DO UPDATE SET name = EXCLUDED.name RETURNING id, role");
    const userIds = userRows.map((u) => u.id as number);
    const editors = userRows.filter((u) => u.role === "editor").map((u) => u.id as number);

    // Serials continue after existing plans, so a second run adds plans instead of clashing titles.
    const offset = Number((await client.query("SELECT count(*) AS n FROM plans")).rows[0].n);
    const plans = Array.from({ length: options.plans }, (_, i) => syntheticPlan(r, offset + i, OWNERS));
    const ids = (await client.query("SELECT nextval(pg_get_serial_sequence('plans', 'id'))::int AS id FROM generate_series(1, $1)", [plans.length])).rows.map((x) => x.id as number);
    const lists = plans.map((_, i) => listsFor(r, ids, i, targetCodes));

    const events: { at: Date; actor: number; type: string; planId: number; before: string | null; after: string }[] = [];
    const finals = plans.map((p, i) => {
      const ownerId = p.ownerIndex === null ? null : userIds[p.ownerIndex]!;
      const actor = r.pick(editors);
      let at = p.createdAt;
      let version = 1;
      let last = snapshot(p, ownerId, lists[i]!, version, false, p.beforeEdit);
      events.push({ at, actor, type: "plan.created", planId: ids[i]!, before: null, after: JSON.stringify(last) });
      for (const [type, archived] of [["plan.updated", false], ["plan.archived", true]] as const) {
        if (type === "plan.updated" ? !p.beforeEdit : !p.archived) continue;
        at = new Date(at.getTime() + r.int(1, 400) * DAY);
        const next = snapshot(p, ownerId, lists[i]!, ++version, archived, null);
        events.push({ at, actor: r.pick(editors), type, planId: ids[i]!, before: JSON.stringify(last), after: JSON.stringify(next) });
        last = next;
      }
      return { ownerId, version, updatedAt: at, archivedAt: p.archived ? at : null };
    });

    const rows = plans.map((p, i) => ({ ...p, ...finals[i]!, id: ids[i]! }));
    await insertRows(client, "plans", [
      col(rows, "id", "int", (p) => p.id), col(rows, "title", "text", (p) => p.title), col(rows, "type", '"PlanType"', (p) => p.type),
      col(rows, "status", '"PlanStatus"', (p) => p.status), col(rows, "adopted_on", "date", (p) => p.adoptedOn), col(rows, "adopted_by", '"DecisionBody"', (p) => p.adoptedBy),
      col(rows, "case_number", "text", (p) => p.caseNumber), col(rows, "decision_url", "text", (p) => p.decisionUrl), col(rows, "revision_due_on", "date", (p) => p.revisionDueOn),
      col(rows, "period_from_year", "int", (p) => p.periodFromYear), col(rows, "period_to_year", "int", (p) => p.periodToYear), col(rows, "responsible_unit", "text", (p) => p.responsibleUnit),
      col(rows, "owner_id", "int", (p) => p.ownerId), col(rows, "summary", "text", (p) => p.summary), col(rows, "legally_required", "boolean", (p) => p.legallyRequired),
      col(rows, "version", "int", (p) => p.version), col(rows, "archived_at", "timestamptz", (p) => p.archivedAt), col(rows, "created_at", "timestamptz", (p) => p.createdAt),
      col(rows, "updated_at", "timestamptz", (p) => p.updatedAt),
    ]);

    const targets = lists.flatMap((l, i) => l.targets.map((code) => ({ planId: ids[i]!, code })));
    await insertRows(client, "plan_targets", [col(targets, "plan_id", "int", (t) => t.planId), col(targets, "target_code", "text", (t) => t.code)]);
    const documents = lists.flatMap((l, i) => l.documents.map((d, k) => ({ ...d, planId: ids[i]!, k })));
    await insertRows(client, "plan_documents", [col(documents, "plan_id", "int", (d) => d.planId), col(documents, "label", "text", (d) => d.label), col(documents, "url", "text", (d) => d.url), col(documents, "sort_order", "int", (d) => d.k)]);
    const relations = lists.flatMap((l, i) => l.relations.map((x) => ({ ...x, fromPlanId: ids[i]! })));
    await insertRows(client, "plan_relations", [col(relations, "from_plan_id", "int", (x) => x.fromPlanId), col(relations, "to_plan_id", "int", (x) => x.toPlanId), col(relations, "kind", '"RelationKind"', (x) => x.kind)]);

    const period = await client.query(
      `INSERT INTO strategy_periods (name, start_year, end_year, council_constituted_on, draft_published_on, adopted_on, adopted_by, case_number, note, updated_at)
       VALUES ($1, 2024, 2027, '2023-10-19', '2024-05-02', '2024-06-20', 'kommunestyret', '24/00612', 'Syntetiske data for ytelsestest.', now())
       ON CONFLICT (tenant_id, name) DO UPDATE SET updated_at = now() RETURNING id`, [SYNTHETIC_PERIOD_NAME]);
    const periodId = period.rows[0].id as number;
    const active = rows.filter((p) => !p.archived && p.status !== "opphevet" && p.status !== "erstattet");
    const chosen = new Map<number, (typeof active)[number]>();
    while (chosen.size < Math.min(DECISIONS, active.length)) { const p = r.pick(active); chosen.set(p.id, p); }
    const decisions = [...chosen.values()].map((p) => ({ planId: p.id, kind: r.weighted([["revise", 40], ["continue", 30], ["new", 20], ["repeal", 10]] as const), year: r.chance(0.8) ? r.int(2024, 2027) : null }));
    await insertRows(client, "strategy_decisions", [col(decisions, "period_id", "int", () => periodId), col(decisions, "plan_id", "int", (d) => d.planId), col(decisions, "decision", '"StrategyDecisionKind"', (d) => d.kind), col(decisions, "target_year", "int", (d) => d.year), col(decisions, "updated_at", "timestamptz", () => new Date())], "ON CONFLICT DO NOTHING");

    await insertRows(client, "audit_events", [
      col(events, "at", "timestamptz", (e) => e.at), col(events, "actor_id", "int", (e) => e.actor), col(events, "type", "text", (e) => e.type), col(events, "entity_type", "text", () => "plan"),
      col(events, "entity_id", "text", (e) => String(e.planId)), col(events, "before", "jsonb", (e) => e.before), col(events, "after", "jsonb", (e) => e.after),
    ]);
    await client.query("COMMIT");
    // Planner statistics, as autovacuum would gather them shortly after a bulk load.
    if (options.analyze !== false) await client.query("ANALYZE");
    return { plans: plans.length, users: users.length, targets: targets.length, documents: documents.length, relations: relations.length, decisions: decisions.length, auditEvents: events.length, periodId, ms: Date.now() - started };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
