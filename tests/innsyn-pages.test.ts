// What the innsyn pages render comes from these loaders: every plan in them carries exactly the
// allow-list's fields, and nothing private (owners, drafts, archived plans) reaches them.
import { describe, expect, it } from "vitest";
import { loadPlan, loadRegister, loadSchedule } from "../lib/public/pages";
import { listPlansPage, planListParamsSchema } from "../lib/plans/list";
import { planTableRows } from "../lib/plans/table-rows";
import { todayInOslo } from "../lib/dates";
import { scheduleParamsSchema } from "../lib/schedule/params";
import { PUBLIC_PLAN_DETAIL_FIELDS, PUBLIC_PLAN_FIELDS } from "../lib/public/fields";
import { createPlan, unique } from "./support/factories";
import { createUser } from "./support/users";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("innsyn page data", () => {
  it("the register, the schedule and a plan's page hold only allow-listed fields of public plans", async () => {
    const tag = unique("Sidedata").replace(" ", "-");
    const owner = await createUser("editor");
    const shown = await createPlan({ title: `${tag} vedtatt`, status: "vedtatt", adoptedOn: day("2019-05-01"), adoptedBy: "kommunestyret", revisionDueOn: day("2026-01-01"), ownerId: owner.id, responsibleUnit: unique("Enhet") });
    const draft = await createPlan({ title: `${tag} utkast`, status: "under_utarbeidelse", ownerId: owner.id, revisionDueOn: day("2026-02-01") });
    const archived = await createPlan({ title: `${tag} arkivert`, status: "vedtatt", adoptedOn: day("2019-05-01"), adoptedBy: "kommunestyret", archivedAt: new Date(), revisionDueOn: day("2026-03-01") });

    const register = await loadRegister(planListParamsSchema.parse({ q: tag }));
    expect(register.plans.map((p) => p.id)).toEqual([shown.id]);
    for (const plan of register.plans) expect(Object.keys(plan).sort()).toEqual([...PUBLIC_PLAN_FIELDS].sort());

    const schedule = await loadSchedule(scheduleParamsSchema.parse({ unit: shown.responsibleUnit }));
    expect(schedule.plans.map((p) => p.id)).toEqual([shown.id]);
    for (const plan of schedule.plans) expect(Object.keys(plan).sort()).toEqual([...PUBLIC_PLAN_FIELDS].sort());

    const page = await loadPlan(shown.id);
    expect(Object.keys(page!).sort()).toEqual([...PUBLIC_PLAN_DETAIL_FIELDS].sort());
    for (const text of [owner.email, owner.name]) {
      expect(JSON.stringify([register, schedule, page])).not.toContain(text);
    }
    expect(await loadPlan(draft.id)).toBeNull();
    expect(await loadPlan(archived.id)).toBeNull();
  });

  it("a draft marked public is shown; the owner filter of the register is ignored", async () => {
    const tag = unique("Offentlig-utkast").replace(" ", "-");
    const owner = await createUser("editor");
    const draft = await createPlan({ title: `${tag}`, status: "planlagt", publicDraft: true, ownerId: owner.id });
    const register = await loadRegister(planListParamsSchema.parse({ q: tag, owner: String(owner.id + 1) }));
    expect(register.plans.map((p) => p.id)).toEqual([draft.id]);
  });
});

describe("innsyn's plan list", () => {
  it("shows an open consultation and a passed deadline in words, from the public fields, as the signed-in register does", async () => {
    const tag = unique("Høringsliste").replace(" ", "-");
    const now = new Date("2026-11-26T12:00:00Z");
    const open = await createPlan({ title: `${tag} åpen`, status: "pa_horing", consultationFrom: day("2026-11-01"), consultationTo: day("2026-12-20") });
    const passed = await createPlan({ title: `${tag} utløpt`, status: "pa_horing", consultationFrom: day("2026-09-01"), consultationTo: day("2026-10-15") });
    const coming = await createPlan({ title: `${tag} kommer`, status: "pa_horing", consultationFrom: day("2027-01-05"), consultationTo: day("2027-02-20") });
    const tags = (rows: ReturnType<typeof planTableRows>) => Object.fromEntries(rows.map((r) => [r.id, r.consultation && { to: r.consultation.to, state: r.consultation.state, deadlinePassed: r.consultation.deadlinePassed }]));
    const expected = {
      [open.id]: { to: "2026-12-20", state: "open", deadlinePassed: false },
      [passed.id]: { to: "2026-10-15", state: "ended", deadlinePassed: true },
      [coming.id]: null,
    };
    const params = planListParamsSchema.parse({ q: tag });
    const today = todayInOslo(now);
    expect(tags(planTableRows({ audience: "public", plans: (await loadRegister(params, now)).plans }, today))).toEqual(expected);
    expect(tags(planTableRows({ audience: "staff", plans: (await listPlansPage(params, undefined, now)).plans }, today))).toEqual(expected);
  });
});
