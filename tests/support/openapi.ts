// Checks real API responses against the OpenAPI document the app serves: the status must be one
// the operation documents, the content type the documented one, the body valid against its
// schema (ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses). Code and document cannot drift apart.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect } from "vitest";

type Doc = { paths: Record<string, { get: { responses: Record<string, { content?: Record<string, { schema: unknown }> }> } }> };
const escape = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

export function responseChecker(doc: unknown) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addSchema(doc as object, "openapi");
  const paths = (doc as Doc).paths;
  const validators = new Map<string, ReturnType<Ajv2020["compile"]>>();
  /** Asserts that `response` (of GET `template`, e.g. "/plans/{id}") is as the document says; returns the body. */
  return async function check(template: string, response: Response): Promise<unknown> {
    const operation = paths[template]?.get;
    expect(operation, `no GET ${template} in the document`).toBeDefined();
    const documented = operation!.responses[String(response.status)];
    expect(documented, `GET ${template} answered ${response.status}, which the document does not list`).toBeDefined();
    const text = await response.text();
    if (!documented!.content) {
      expect(text).toBe("");
      return null;
    }
    const type = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
    expect(Object.keys(documented!.content), `content type of ${response.status}`).toContain(type);
    const body: unknown = JSON.parse(text);
    const ref = `openapi#/paths/${escape(template)}/get/responses/${response.status}/content/${escape(type)}/schema`;
    const validate = validators.get(ref) ?? ajv.compile({ $ref: ref });
    validators.set(ref, validate);
    const valid = validate(body);
    expect(valid, `GET ${template} ${response.status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    return body;
  };
}
