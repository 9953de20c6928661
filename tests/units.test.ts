import { describe, expect, it } from "vitest";
import { parseId } from "../lib/ids";
import { groupByGoal, targetText } from "../lib/sdg";
import { isoDate } from "../lib/dates";
import { describeConnectionError, pgConfigFromUrl, urlFromPgConfig } from "../scripts/db/connection";

describe("parseId", () => {
  it.each([["1", 1], ["42", 42], ["2147483647", 2147483647]])("accepts %s", (raw, id) => expect(parseId(raw)).toBe(id));
  it.each(["0", "-1", "1.5", "abc", "01", "2147483648", "99999999999", ""])("refuses %j", (raw) => expect(parseId(raw)).toBeNull());
});

describe("SDG texts", () => {
  it("uses bokmål where it exists and marks the English fallback", () => {
    expect(targetText({ textNb: "Innen 2030", textEn: "By 2030" }, "nb")).toEqual({ text: "Innen 2030", lang: "nb", fallback: false });
    expect(targetText({ textNb: null, textEn: "By 2030" }, "nb")).toEqual({ text: "By 2030", lang: "en", fallback: true });
    expect(targetText({ textNb: "Innen 2030", textEn: "By 2030" }, "en")).toEqual({ text: "By 2030", lang: "en", fallback: false });
  });

  it("groups targets under their goals in order", () => {
    const link = (code: string, goalCode: number) => ({ target: { code, goalCode, goal: { code: goalCode } } });
    const groups = groupByGoal([link("3.4", 3), link("3.6", 3), link("11.2", 11)]);
    expect(groups.map((g) => [g.goal.code, g.links.map((l) => l.target.code)])).toEqual([[3, ["3.4", "3.6"]], [11, ["11.2"]]]);
  });
});

describe("dates", () => {
  it("a date-only value keeps its calendar day", () => {
    expect(isoDate(new Date("2020-12-10T00:00:00Z"))).toBe("2020-12-10");
  });
});

describe("connection settings", () => {
  it("parses a URL into discrete fields and back", () => {
    const config = pgConfigFromUrl("postgresql://app:s%40cret@db.example:6543/planer");
    expect(config).toMatchObject({ host: "db.example", port: 6543, user: "app", password: "s@cret", database: "planer" });
    expect(urlFromPgConfig(config)).toBe("postgresql://app:s%40cret@db.example:6543/planer");
  });

  it("explains a refused connection in one sentence", () => {
    const message = describeConnectionError({ code: "ECONNREFUSED" }, pgConfigFromUrl("postgresql://u@h:1/d"));
    expect(message).toMatch(/^Cannot reach PostgreSQL at h:1 \(ECONNREFUSED\)/);
  });
});
