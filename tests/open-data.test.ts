// The open-data files (NLOD) against PostgreSQL: plans.csv and plans.json carry a plan's stages
// and national codes in the allow-list's fields, read back with csv-parse and JSON.parse.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { openDataCsv, openDataJson } from "../lib/public/open-data";
import { createPlan, unique } from "./support/factories";

const DAY = 86_400_000;
const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
const day = (offset: number) => new Date(today.getTime() + offset * DAY);
const iso = (d: Date) => d.toISOString().slice(0, 10);

describe("open data", () => {
  it("plans.csv and plans.json carry the consultation, the notice of start, the national plan id and the SOSI codes", async () => {
    const tag = unique("Åpne data");
    const nationalPlanId = `5025_${Date.now().toString().slice(-9)}`;
    // SOSI planstatus 6 (vedtatt med utsatt rettsvirkning) chosen by hand; the plantype derived (20).
    const plan = await createPlan({
      title: `${tag} arealdel`, type: "kommuneplan_arealdel", status: "pa_horing", startNoticeOn: day(-200), consultationFrom: day(-3), consultationTo: day(40),
      consultationUrl: "https://kommune.example/horing", nationalPlanId, sosiPlanstatus: 6,
    });

    const text = (await (await openDataCsv()).text()).replace(/^\uFEFF/, "");
    const records = parse(text, { delimiter: ";", record_delimiter: "\r\n", columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)).toEqual(expect.arrayContaining(["status", "startNoticeOn", "consultation", "nationalPlanId", "sosiPlantype", "sosiPlanstatus"]));
    expect(records.find((r) => r.id === String(plan.id))).toMatchObject({
      status: "pa_horing", startNoticeOn: iso(day(-200)), consultation: `${iso(day(-3))}/${iso(day(40))}`, nationalPlanId, sosiPlantype: "20", sosiPlanstatus: "6",
    });

    const json = (await (await openDataJson()).json()) as { plans: Record<string, unknown>[] };
    expect(json.plans.find((p) => p.id === plan.id)).toMatchObject({
      status: "pa_horing", startNoticeOn: iso(day(-200)), nationalPlanId, sosiPlantype: 20, sosiPlanstatus: 6,
      consultation: { round: 1, from: iso(day(-3)), to: iso(day(40)), url: "https://kommune.example/horing", state: "open", deadlinePassed: false },
    });
  });
});
