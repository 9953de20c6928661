// National codes for area plans (issue 21): the SOSI mapping table, the national plan id, and the
// address templates for the archive and the map, hostile input included.
import { describe, expect, it } from "vitest";
import { planCreateSchema, planStatuses } from "../lib/plans/schema";
import { parseNationalPlanId, SOSI_PLANSTATUS_BY_STATUS, SOSI_PLANSTATUSES, SOSI_PLANTYPE_BY_TYPE, SOSI_PLANTYPES, sosiCodes } from "../lib/plans/sosi";
import { CASE_PLACEHOLDERS, caseLink, fillTemplate, MAP_PLACEHOLDERS, mapLink, parseCaseNumber, templateProblem } from "../lib/links";
import nb from "../lib/i18n/messages/nb.json" with { type: "json" };
import en from "../lib/i18n/messages/en.json" with { type: "json" };

const NOW = new Date("2026-12-04T12:00:00Z");

describe("SOSI mapping table", () => {
  it("maps our area-plan types and every status, to codes in the national lists", () => {
    expect(SOSI_PLANTYPE_BY_TYPE).toEqual({ kommuneplan_arealdel: 20, kommunedelplan: 21, reguleringsplan: null });
    expect(SOSI_PLANSTATUS_BY_STATUS).toEqual({ planlagt: null, under_utarbeidelse: 1, pa_horing: 2, vedtatt: 3, under_revisjon: 3, opphevet: 4, erstattet: 5 });
    expect(Object.keys(SOSI_PLANSTATUS_BY_STATUS).sort()).toEqual([...planStatuses].sort());
    for (const code of [...Object.values(SOSI_PLANTYPE_BY_TYPE), ...Object.values(SOSI_PLANSTATUS_BY_STATUS)]) {
      if (code !== null) expect([...SOSI_PLANTYPES, ...SOSI_PLANSTATUSES]).toContain(code);
    }
  });

  it("every code has a name in both languages", () => {
    for (const m of [nb, en]) {
      for (const c of SOSI_PLANTYPES) expect((m.enums.sosiPlantype as Record<string, string>)[c]).toBeTruthy();
      for (const c of SOSI_PLANSTATUSES) expect((m.enums.sosiPlanstatus as Record<string, string>)[c]).toBeTruthy();
    }
  });

  it("a hand choice wins; where the table has none the hand choice is all; other types carry none", () => {
    expect(sosiCodes({ type: "kommuneplan_arealdel", status: "vedtatt", sosiPlantype: null, sosiPlanstatus: null })).toEqual({ sosiPlantype: 20, sosiPlanstatus: 3 });
    expect(sosiCodes({ type: "kommuneplan_arealdel", status: "vedtatt", sosiPlantype: null, sosiPlanstatus: 6 })).toEqual({ sosiPlantype: 20, sosiPlanstatus: 6 });
    expect(sosiCodes({ type: "reguleringsplan", status: "pa_horing", sosiPlantype: 35, sosiPlanstatus: null })).toEqual({ sosiPlantype: 35, sosiPlanstatus: 2 });
    expect(sosiCodes({ type: "temaplan", status: "vedtatt", sosiPlantype: null, sosiPlanstatus: null })).toEqual({ sosiPlantype: null, sosiPlanstatus: null });
  });
});

describe("national plan id", () => {
  it("is kommunenummer + planidentifikasjon, stored with _", () => {
    expect(parseNationalPlanId("3024_201701")?.id).toBe("3024_201701");
    expect(parseNationalPlanId(" 4203-09062018-2 ")).toEqual({ kommunenummer: "4203", planid: "09062018-2", id: "4203_09062018-2" });
    expect(parseNationalPlanId("0301 2019003")?.id).toBe("0301_2019003");
  });

  it("refuses a malformed id or an impossible kommunenummer", () => {
    for (const bad of ["3024201701", "302_201701", "9924_1", "3000_1", "3024_", "3024_<script>", "3024_12345678901234567", "ab12_3"]) expect(parseNationalPlanId(bad), bad).toBeNull();
  });

  it("the form keeps it for area plans only, with a field message otherwise", () => {
    const base = { title: "Arealdelen", status: "vedtatt", adoptedOn: "01.06.2020", adoptedBy: "kommunestyret" };
    const ok = planCreateSchema.safeParse({ ...base, type: "kommuneplan_arealdel", nationalPlanId: "3024-201701", sosiPlanstatus: "3" });
    expect(ok.success && ok.data).toMatchObject({ nationalPlanId: "3024_201701", sosiPlanstatus: null }); // 3 is what the table derives
    const bad = planCreateSchema.safeParse({ ...base, type: "kommuneplan_arealdel", nationalPlanId: "201701" });
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["nationalPlanId", "validation.nationalPlanId"]]);
    const notArea = planCreateSchema.safeParse({ ...base, type: "temaplan", nationalPlanId: "3024_201701" });
    expect(notArea.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["nationalPlanId", "validation.areaPlanOnly"]]);
  });
});

describe("case numbers and archive links", () => {
  const template = "https://innsyn.kommune.no/journal?saksaar={saksaar}&sekvensnr={sekvensnr}";

  it("splits a case number into a four-digit year and a sequence number", () => {
    expect(parseCaseNumber("20/1234", NOW)).toEqual({ saksnummer: "20/1234", saksaar: "2020", sekvensnr: "1234" });
    expect(parseCaseNumber("2019/00077-3", NOW)).toEqual({ saksnummer: "2019/00077-3", saksaar: "2019", sekvensnr: "77" });
    expect(parseCaseNumber("98/12", NOW)?.saksaar).toBe("1998");
    expect(parseCaseNumber("26/5", NOW)?.saksaar).toBe("2026");
    expect(parseCaseNumber("27/5", NOW)?.saksaar).toBe("1927");
  });

  it("20/1234 becomes …?saksaar=2020&sekvensnr=1234, and the whole number is encoded", () => {
    expect(caseLink(template, "20/1234", NOW)).toBe("https://innsyn.kommune.no/journal?saksaar=2020&sekvensnr=1234");
    expect(caseLink("https://arkiv.kommune.no/sak/{saksnummer}", "20/1234", NOW)).toBe("https://arkiv.kommune.no/sak/20%2F1234");
  });

  it("a number that does not fit the pattern, or no template, gives no link (plain text)", () => {
    for (const n of ["PS 12/20", "20/", "2020-1234", "\"><script>", "20/1234\r\nSet-Cookie: x", ""]) expect(caseLink(template, n, NOW), n).toBeNull();
    expect(caseLink(null, "20/1234", NOW)).toBeNull();
    expect(caseLink("", "20/1234", NOW)).toBeNull();
  });

  it("hostile templates are refused when saved and give no link if stored anyway", () => {
    const hostile: [string, string][] = [
      ["javascript:alert(document.cookie)//{saksnummer}", "templateScheme"],
      ["JAVASCRIPT:alert(1)", "templateScheme"],
      ["data:text/html,{saksnummer}", "templateScheme"],
      ["https://a.no/?q={saksnummer}\" onmouseover=\"alert(1)", "templateChars"],
      ["https://a.no/?q='{saksnummer}'", "templateChars"],
      ["https://a.no/?q={saksnummer}\r\nLocation: https://evil.example", "controlCharacters"],
      ["https://a.no/journal", "templateNoPlaceholder"],
      ["https://a.no/?q={saksnummer}&p={password}", "templateUnknown"],
      ["https://a.no/?q={saksnummer", "templateUnknown"],
      [`https://a.no/${"x".repeat(500)}{saksnummer}`, "templateTooLong"],
    ];
    for (const [t, problem] of hostile) {
      expect(templateProblem(t, CASE_PLACEHOLDERS), t).toBe(problem);
      expect(caseLink(t, "20/1234", NOW), t).toBeNull();
    }
    expect(templateProblem(template, CASE_PLACEHOLDERS)).toBeNull();
  });

  it("a value can never break out of its place in the address", () => {
    const url = fillTemplate("https://a.no/sak/{saksnummer}?x=1", CASE_PLACEHOLDERS, { saksnummer: "../../x?y=\"<z>#" })!;
    expect(url).toBe("https://a.no/sak/..%2F..%2Fx%3Fy%3D%22%3Cz%3E%23?x=1");
    expect(new URL(url).host).toBe("a.no");
  });
});

describe("map link", () => {
  it("fills {kommunenummer} and {planid} from the national plan id", () => {
    const t = "https://www.arealplaner.no/{kommunenummer}/arealplaner/search?planidentifikasjon={planid}";
    expect(templateProblem(t, MAP_PLACEHOLDERS)).toBeNull();
    expect(mapLink(t, "3024_2017-01")).toBe("https://www.arealplaner.no/3024/arealplaner/search?planidentifikasjon=2017-01");
    expect(mapLink(t, null)).toBeNull();
    expect(templateProblem("https://a.no/{saksnummer}", MAP_PLACEHOLDERS)).toBe("templateUnknown");
  });
});
