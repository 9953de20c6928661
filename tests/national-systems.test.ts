// Issue 21 against PostgreSQL: the API's consultation and national fields as the OpenAPI document
// describes them, innsyn's "På høring nå", the unique national plan id, the import round trip of
// the new columns, and the settings' link templates.
import * as XLSX from "xlsx";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { openApiDocument } from "../lib/api/openapi";
import { applyImport } from "../lib/import/apply";
import { createPlan as createPlanMutation, updatePlan } from "../lib/plans/mutations";
import { NO_STAGES, planCreateSchema } from "../lib/plans/schema";
import { planListOrder, planListParamsSchema, planListWhere } from "../lib/plans/list";
import { plansDownload } from "../lib/spreadsheet/export";
import { COLUMN_KEYS } from "../lib/spreadsheet/columns";
import { closingConsultations } from "../lib/public/consultations";
import { listPlans } from "../lib/public/plans";
import { PUBLIC } from "../lib/public/visibility";
import { settingsSchema } from "../lib/settings-schema";
import { createPlan, unique } from "./support/factories";
import { createUser } from "./support/users";
import { callApi } from "./support/api";
import { responseChecker } from "./support/openapi";
import { bodyOf, preview } from "./support/import";
import { parseFeed } from "./support/ical";
import { buildCalendarFeed, consultationEventUid } from "../lib/calendar/feed";
import { listFeedConsultations } from "../lib/calendar/queries";

const DAY = 86_400_000;
const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
const day = (offset: number) => new Date(today.getTime() + offset * DAY);
let check: ReturnType<typeof responseChecker>;
beforeAll(() => {
  check = responseChecker(openApiDocument());
});

describe("the API and the OpenAPI document", () => {
  it("document status (with pa_horing), consultation, nationalPlanId, sosiPlantype and sosiPlanstatus", () => {
    const schemas = (openApiDocument() as unknown as { components: { schemas: Record<string, { properties?: Record<string, unknown>; enum?: string[] }> } }).components.schemas;
    expect(schemas.PlanStatus!.enum).toContain("pa_horing");
    expect(Object.keys(schemas.PublicPlan!.properties!)).toEqual(expect.arrayContaining(["status", "consultation", "startNoticeOn", "nationalPlanId", "sosiPlantype", "sosiPlanstatus"]));
    expect(Object.keys(schemas.Consultation!.properties!).sort()).toEqual(["deadlinePassed", "from", "round", "state", "to", "url"]);
  });

  it("a plan on consultation is public, and its answer matches the document", async () => {
    const tag = unique("Høring").replace(" ", "-");
    const plan = await createPlan({
      title: `${tag} arealdel`, type: "kommuneplan_arealdel", status: "pa_horing", consultationFrom: day(-3), consultationTo: day(40),
      consultationUrl: "https://kommune.example/horing", nationalPlanId: `3024_${tag.slice(-8)}`,
    });
    const { response, template } = await callApi(`/plans/${plan.id}`);
    expect(response.status).toBe(200);
    const body = (await check(template, response)) as Record<string, unknown>;
    expect(body).toMatchObject({
      status: "pa_horing", nationalPlanId: `3024_${tag.slice(-8)}`, sosiPlantype: 20, sosiPlanstatus: 2,
      consultation: { round: 1, from: day(-3).toISOString().slice(0, 10), to: day(40).toISOString().slice(0, 10), state: "open", deadlinePassed: false },
      consultations: [expect.objectContaining({ round: 1 })],
    });
    const list = await callApi(`/plans?q=${encodeURIComponent(tag)}`);
    await check(list.template, list.response);
  });
});

describe("consultations closing and on innsyn", () => {
  it("lists open consultations by the open round's deadline; ended and upcoming ones are left out", async () => {
    const tag = unique("Frist");
    const second = await createPlan({ title: `${tag} andre runde`, status: "pa_horing", consultationFrom: day(-60), consultationTo: day(-30), consultation2From: day(-2), consultation2To: day(5) });
    const first = await createPlan({ title: `${tag} første`, status: "pa_horing", consultationFrom: day(-2), consultationTo: day(12) });
    await createPlan({ title: `${tag} ferdig`, status: "pa_horing", consultationFrom: day(-20), consultationTo: day(-1) });
    await createPlan({ title: `${tag} kommer`, status: "pa_horing", consultationFrom: day(2), consultationTo: day(20) });
    await createPlan({ title: `${tag} lang`, status: "pa_horing", consultationFrom: day(-2), consultationTo: day(31) });
    const closing = (await closingConsultations()).filter((p) => p.title.startsWith(tag));
    expect(closing.map((p) => p.id)).toEqual([second.id, first.id]);
    expect(closing[0]!.consultation).toMatchObject({ round: 2, state: "open" });
    const page = await listPlans(PUBLIC, { q: tag }, db);
    const ended = page.items.find((p) => p.title === `${tag} ferdig`)!;
    expect(ended.consultation).toMatchObject({ state: "ended", deadlinePassed: true });
  });

  it("closing consultations are of active plans only: not repealed, replaced or archived ones", async () => {
    const tag = unique("Aktiv frist");
    const open = { consultationFrom: day(-2), consultationTo: day(10) };
    const active = await createPlan({ title: `${tag} aktiv`, status: "pa_horing", ...open });
    await createPlan({ title: `${tag} opphevet`, status: "opphevet", ...open });
    await createPlan({ title: `${tag} erstattet`, status: "erstattet", ...open });
    await createPlan({ title: `${tag} arkivert`, status: "pa_horing", archivedAt: new Date(), ...open });
    expect((await closingConsultations()).filter((p) => p.title.startsWith(tag)).map((p) => p.id)).toEqual([active.id]);
  });
});

describe("the national plan id", () => {
  it("is unique: a second plan with the same id gets a field message naming the holder", async () => {
    const editor = await createUser("editor");
    const id = `3024_${Date.now().toString().slice(-9)}`;
    const input = (title: string) => planCreateSchema.parse({ title, type: "kommunedelplan", status: "under_utarbeidelse", nationalPlanId: id.replace("_", "-") });
    const { id: first } = await createPlanMutation(editor.id, input(unique("Kommunedelplan A")));
    await expect(createPlanMutation(editor.id, input(unique("Kommunedelplan B")))).rejects.toMatchObject({ messageKey: "nationalPlanIdTaken", field: "nationalPlanId", link: { href: `/plans/${first}` } });
    // The plan itself may keep it; the audit row records it.
    const plan = await db.plan.findUniqueOrThrow({ where: { id: first } });
    await updatePlan(editor.id, { ...input(plan.title), id: first, version: plan.version });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: String(first), type: "plan.created" } });
    expect(audit.after).toMatchObject({ nationalPlanId: id, sosiPlantype: null, sosiPlanstatus: null });
  });

  it("the database refuses a malformed id or a consultation ending before it starts, whatever the path", async () => {
    await expect(createPlan({ title: unique("Ugyldig"), nationalPlanId: "3024-1" })).rejects.toThrow();
    await expect(createPlan({ title: unique("Baklengs"), consultationFrom: day(5), consultationTo: day(1) })).rejects.toThrow();
  });
});

describe("export and import of the new columns", () => {
  it("export, edit the consultation deadline and the plan id, import: exactly those changes appear", async () => {
    const editor = await createUser("editor");
    const unit = unique("Nasjonalenhet");
    const plan = await createPlan({
      title: `Arealdel ${unit}`, type: "kommuneplan_arealdel", status: "pa_horing", responsibleUnit: unit, startNoticeOn: day(-100),
      consultationFrom: day(-3), consultationTo: day(40), consultationUrl: "https://kommune.example/h", nationalPlanId: `3024_${Date.now().toString().slice(-8)}`,
    });
    const params = planListParamsSchema.parse({ unit });
    const file = await bodyOf(plansDownload("xlsx", "planregister", planListWhere(params), planListOrder(params), "nb", today));
    const workbook = XLSX.read(file, { type: "buffer" });
    const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true });
    const r = rows.findIndex((row) => row[0] === plan.id);
    const col = (k: (typeof COLUMN_KEYS)[number]) => COLUMN_KEYS.indexOf(k);
    expect(rows[r]![col("sosiPlantype")]).toBe(20);
    expect(rows[r]![col("sosiPlanstatus")]).toBe(2);
    XLSX.utils.sheet_add_aoa(sheet, [[new Date(day(50)).toISOString().slice(0, 10)]], { origin: { r, c: col("consultationTo") } });
    XLSX.utils.sheet_add_aoa(sheet, [["3024_NY-1"]], { origin: { r, c: col("nationalPlanId") } });
    const edited = XLSX.write(workbook, { type: "buffer", bookType: "xlsx" }) as Buffer;

    // Unchanged file: nothing to do (derived SOSI codes read back as derived).
    const same = await preview(editor.id, "planer.xlsx", file);
    expect(same.rows.map((x) => [x.kind, x.errors])).toEqual([["unchanged", []]]);
    const { rows: previewed, upload } = await preview(editor.id, "planer.xlsx", edited);
    expect(previewed.map((x) => [x.kind, x.changes.map((c) => [c.field, c.from, c.to])])).toEqual([
      ["changed", [["consultationTo", day(40).toISOString().slice(0, 10), day(50).toISOString().slice(0, 10)], ["nationalPlanId", plan.nationalPlanId, "3024_NY-1"]]],
    ]);
    await applyImport(upload, editor.id);
    expect(await db.plan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({
      consultationTo: day(50), nationalPlanId: "3024_NY-1", sosiPlantype: null, sosiPlanstatus: null, startNoticeOn: day(-100), consultationUrl: "https://kommune.example/h",
    });
  });

  it("a plan id another plan holds is an error at its column", async () => {
    const editor = await createUser("editor");
    const unit = unique("Dobbel");
    const holder = await createPlan({ title: `Holder ${unit}`, type: "kommunedelplan", nationalPlanId: `3024_D${Date.now().toString().slice(-8)}` });
    const header = ["Tittel", "Type", "Status", "Ansvarlig enhet", "Nasjonal planID"];
    const sheet = XLSX.utils.aoa_to_sheet([header, [`A ${unit}`, "kommunedelplan", "planlagt", unit, holder.nationalPlanId]]);
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, sheet, "Planer");
    const { rows } = await preview(editor.id, "ny.xlsx", XLSX.write(workbook, { type: "buffer", bookType: "xlsx" }) as Buffer);
    expect(rows[0]!.errors).toEqual([{ field: "nationalPlanId", message: "En annen plan har allerede denne nasjonale planID-en." }]);
  });
});

describe("settings: link templates", () => {
  const parse = (caseLinkTemplate: string) => settingsSchema.safeParse({ municipalityName: "X", loadedAt: "1", caseLinkTemplate });
  it("keeps a good template, clears a blank one, refuses hostile ones with a message", () => {
    expect(parse("https://a.no/j?saksaar={saksaar}&sekvensnr={sekvensnr}").data?.caseLinkTemplate).toBe("https://a.no/j?saksaar={saksaar}&sekvensnr={sekvensnr}");
    expect(parse("  ").data?.caseLinkTemplate).toBeNull();
    const message = (t: string) => parse(t).error?.issues[0]?.message;
    expect(message("javascript:alert(1)//{saksnummer}")).toBe("validation.templateScheme");
    expect(message("https://a.no/{saksnummer}\"><script>")).toBe("validation.templateChars");
    expect(message("https://a.no/?a={saksnummer}\r\nX: y")).toBe("validation.controlCharacters");
    expect(message("https://a.no/journal")).toBe("validation.templateNoPlaceholder");
    expect(message("https://a.no/{planid}")).toBe("validation.templateUnknownCase");
  });
});

// Kept for callers that build inputs in code (tests, scripts): every stage field is there, empty.
it("NO_STAGES names every stage and national field of the plan input", () => {
  const parsed = planCreateSchema.parse({ title: "x", type: "temaplan", status: "planlagt" });
  for (const k of Object.keys(NO_STAGES)) expect(parsed).toHaveProperty(k, null);
});

describe("calendar feed: consultation deadlines", () => {
  it("has one all-day event per round's deadline of an active plan, none for a repealed one", async () => {
    const tag = unique("Kalender");
    const plan = await createPlan({ title: `${tag} aktiv`, status: "pa_horing", consultationFrom: day(-60), consultationTo: day(-30), consultation2From: day(-2), consultation2To: day(9), consultation2Url: "https://kommune.example/2" });
    await createPlan({ title: `${tag} opphevet`, status: "opphevet", consultationFrom: day(-2), consultationTo: day(9) });
    const events = parseFeed(buildCalendarFeed([], "https://planregister.example", await listFeedConsultations())).events.filter((e) => e.summary.includes(tag));
    expect(events.map((e) => [e.uid, e.summary, e.start, e.allDay])).toEqual([
      [consultationEventUid(plan.id, 1), `Høringsfrist: ${tag} aktiv`, day(-30).toISOString().slice(0, 10), true],
      [consultationEventUid(plan.id, 2), `Høringsfrist: ${tag} aktiv`, day(9).toISOString().slice(0, 10), true],
    ]);
    expect(events[1]!.description).toContain("https://kommune.example/2");
  });
});
