import { describe, expect, it } from "vitest";
import { tryItRedirect, tryOperations } from "../lib/api/try-it";
import { problemSchema } from "../lib/api/problem";

const redirect = (query: string) => tryItRedirect(new URLSearchParams(query));

describe("the API reference's forms", () => {
  it("have an input for every parameter of every endpoint, path parameters first, enums as choices", () => {
    const ops = tryOperations();
    expect(ops.map((o) => o.path)).toEqual(["/plans", "/plans/{id}", "/schedule", "/periods", "/periods/{id}", "/sdg/goals"]);
    const plans = ops.find((o) => o.operation === "plans")!;
    expect(plans.fields.find((f) => f.name === "status")).toMatchObject({ kind: "checks", options: expect.arrayContaining(["vedtatt"]) });
    expect(plans.fields.find((f) => f.name === "sort")).toMatchObject({ kind: "select", options: expect.arrayContaining(["revisionDueOn"]) });
    expect(plans.fields.find((f) => f.name === "limit")).toMatchObject({ kind: "text", numeric: true, hint: "Items per page, 1–200 (default 50)" });
    const period = ops.find((o) => o.operation === "period")!;
    expect(period.fields.map((f) => `${f.in}:${f.name}`)).toEqual(["path:id", "query:limit", "query:cursor"]);
    expect(period.fields[0]).toMatchObject({ required: true, hint: "Required. Numeric id" });
  });
});

describe("a sent form", () => {
  it("goes on to the API's URL without its empty fields, repeated values kept, the query as sent", () => {
    const r = redirect("operation=plans&q=&type=temaplan&type=strategi&status=&limit=500&cursor=");
    expect(r.status).toBe(303);
    expect(r.headers.get("location")).toBe("/api/v1/plans?type=temaplan&type=strategi&limit=500");
    expect(redirect("operation=sdgGoals").headers.get("location")).toBe("/api/v1/sdg/goals");
  });

  it("puts a checked path parameter into the path", () => {
    expect(redirect("operation=period&id=%2012&limit=2").headers.get("location")).toBe("/api/v1/periods/12?limit=2");
  });

  it("answers a bad path parameter or operation with a 400 problem naming it, never a 500", async () => {
    for (const [query, name] of [["operation=plan&id=abc", "id"], ["operation=plan", "id"], ["operation=plan&id=1%2F..%2Fx", "id"], ["operation=plan&id=99999999999", "id"], ["operation=nope", "operation"], ["operation=%00", "operation"]] as const) {
      const r = redirect(query);
      expect(r.status, query).toBe(400);
      expect(r.headers.get("content-type")).toBe("application/problem+json");
      const body = problemSchema.parse(await r.json());
      expect(body.invalidParams?.map((p) => p.name)).toEqual([name]);
    }
  });

  it("without an operation goes back to the reference", () => {
    const r = redirect("");
    expect([r.status, r.headers.get("location")]).toEqual([303, "/api/docs"]);
  });
});
