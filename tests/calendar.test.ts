import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { isoDate } from "../lib/dates";
import { hashToken } from "../lib/auth/secret-token";
import { buildCalendarFeed, planEventUid } from "../lib/calendar/feed";
import { findFeedReader, listFeedPlans } from "../lib/calendar/queries";
import { renewCalendarLink, revokeCalendarLink } from "../lib/calendar/mutations";
import { createPlan } from "./support/factories";
import { createUser } from "./support/users";
import { parseFeed } from "./support/ical";

const BASE = "https://planer.kommune.example";
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

// Other test files add plans at the same time: count and list in one snapshot.
async function feedAndCount() {
  return db.$transaction(
    async (tx) => {
      const [{ count }] = await tx.$queryRaw<[{ count: number }]>`
        SELECT count(*)::int AS count FROM plans
        WHERE archived_at IS NULL AND status NOT IN ('opphevet', 'erstattet') AND revision_due_on IS NOT NULL`;
      return { count, text: buildCalendarFeed(await listFeedPlans(tx), BASE) };
    },
    { isolationLevel: "RepeatableRead" },
  );
}

describe("calendar feed", () => {
  it("holds one all-day event per dated active plan, on exactly the stored date", async () => {
    const tag = randomUUID().slice(0, 8);
    const leap = await createPlan({ title: `Leap ${tag}`, revisionDueOn: day("2028-02-29") });
    const newYearsEve = await createPlan({ title: `Nyttårsaften ${tag}`, type: "strategi", revisionDueOn: day("2027-12-31"), responsibleUnit: "Plan og miljø" });
    const tricky = await createPlan({ title: `Kommunedelplan, vei; «Røros» –\nÆØÅ æøå ${tag}`, revisionDueOn: day("2030-01-01") });
    const absent = await Promise.all([
      createPlan({ title: `Arkivert ${tag}`, revisionDueOn: day("2029-05-01"), archivedAt: new Date() }),
      createPlan({ title: `Opphevet ${tag}`, status: "opphevet", revisionDueOn: day("2029-05-02") }),
      createPlan({ title: `Erstattet ${tag}`, status: "erstattet", revisionDueOn: day("2029-05-03") }),
      createPlan({ title: `Uten frist ${tag}` }),
    ]);

    const { count, text } = await feedAndCount();
    const feed = parseFeed(text);
    expect(feed.name).toBe("Planregister – revisjonsfrister");
    expect(feed.events).toHaveLength(count);
    expect(count).toBeGreaterThanOrEqual(3);
    expect(new Set(feed.events.map((e) => e.uid)).size).toBe(count);
    expect(feed.events.every((e) => e.allDay)).toBe(true);

    const byUid = new Map(feed.events.map((e) => [e.uid, e]));
    for (const plan of [leap, newYearsEve, tricky]) {
      const stored = await db.plan.findUniqueOrThrow({ where: { id: plan.id } });
      const event = byUid.get(planEventUid(plan.id));
      expect(event?.start).toBe(isoDate(stored.revisionDueOn!));
      expect(event?.summary).toBe(`Revisjon: ${plan.title}`);
      expect(event?.url).toBe(`${BASE}/plans/${plan.id}`);
      expect(event?.description).toContain(`${BASE}/plans/${plan.id}`);
    }
    expect(byUid.get(planEventUid(leap.id))).toMatchObject({ start: "2028-02-29", end: "2028-03-01" });
    expect(byUid.get(planEventUid(newYearsEve.id))).toMatchObject({ start: "2027-12-31", end: "2028-01-01" });
    expect(byUid.get(planEventUid(newYearsEve.id))?.description).toBe(
      `Type: Strategi\nAnsvarlig enhet: Plan og miljø\nStatus: Planlagt\n\n${BASE}/plans/${newYearsEve.id}`,
    );
    for (const plan of absent) expect(byUid.has(planEventUid(plan.id))).toBe(false);
  });

  it("keeps each date on its day whatever the server's time zone", () => {
    const plans = ["2028-02-29", "2027-12-31", "2026-03-29", "2026-10-25"].map((iso, i) => ({
      id: 900_000 + i, title: iso, type: "temaplan" as const, status: "planlagt" as const, responsibleUnit: null, revisionDueOn: day(iso), updatedAt: new Date(),
    }));
    const original = process.env.TZ;
    for (const zone of ["Pacific/Kiritimati", "America/Los_Angeles", "Europe/Oslo"]) {
      process.env.TZ = zone;
      try {
        expect(parseFeed(buildCalendarFeed(plans, BASE)).events.map((e) => e.start), zone).toEqual(plans.map((p) => p.title));
      } finally {
        if (original === undefined) delete process.env.TZ;
        else process.env.TZ = original;
      }
    }
  });
});

describe("calendar links", () => {
  it("renewing replaces the stored hash: the old link stops working, the new one works, both audited", async () => {
    const user = await createUser("viewer");
    const first = await renewCalendarLink(user.id);
    expect(first.replaced).toBe(false);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await findFeedReader(first.token)).toEqual({ id: user.id });
    // Only the hash is kept.
    expect(await db.calendarFeed.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ tokenHash: hashToken(first.token) });

    const second = await renewCalendarLink(user.id);
    expect(second.replaced).toBe(true);
    expect(second.token).not.toBe(first.token);
    expect(await findFeedReader(first.token)).toBeNull();
    expect(await findFeedReader(second.token)).toEqual({ id: user.id });
    expect(await db.calendarFeed.count({ where: { userId: user.id } })).toBe(1);

    const audit = await db.auditEvent.findMany({ where: { entityType: "user", entityId: String(user.id) }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.type, a.actorId])).toEqual([["calendar.link_renewed", user.id], ["calendar.link_renewed", user.id]]);
    const logged = JSON.stringify(audit, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    for (const secret of [first.token, second.token, hashToken(first.token), hashToken(second.token)]) expect(logged).not.toContain(secret);
  });

  it("turning the link off removes it; turning off nothing changes nothing", async () => {
    const user = await createUser("editor");
    const { token } = await renewCalendarLink(user.id);
    expect(await revokeCalendarLink(user.id)).toBe(true);
    expect(await findFeedReader(token)).toBeNull();
    expect(await db.calendarFeed.count({ where: { userId: user.id } })).toBe(0);
    expect(await revokeCalendarLink(user.id)).toBe(false);
    const types = await db.auditEvent.findMany({ where: { entityType: "user", entityId: String(user.id) }, orderBy: { id: "asc" }, select: { type: true } });
    expect(types.map((t) => t.type)).toEqual(["calendar.link_renewed", "calendar.link_revoked"]);
  });

  it("a deactivated user's link, a malformed token and an unknown token all find no one", async () => {
    const user = await createUser("viewer");
    const { token } = await renewCalendarLink(user.id);
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await findFeedReader(token)).toBeNull();
    for (const bad of ["", "short", `${token}x`, "../../etc/passwd", "A".repeat(43)]) expect(await findFeedReader(bad)).toBeNull();
  });
});
