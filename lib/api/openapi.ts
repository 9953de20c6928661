// The OpenAPI 3.1 document of the read API, generated from the zod schemas the code validates
// and answers with (./routes.ts, lib/public/fields.ts): the document cannot drift from the code.
import "server-only";
import { createDocument } from "zod-openapi";
import { apiRoutes } from "./routes";
import { problemSchema, PROBLEM_TYPE } from "./problem";

const problemResponse = (description: string) => ({ description, content: { [PROBLEM_TYPE]: { schema: problemSchema } } });

/** The document served at /api/v1/openapi.json. */
export function openApiDocument(serverUrl = "/api/v1") {
  const paths = Object.fromEntries(
    Object.entries(apiRoutes).map(([name, r]) => [
      r.path,
      {
        get: {
          operationId: name,
          summary: r.summary,
          requestParams: { query: r.route.query, ...("path" in r.route ? { path: r.route.path } : {}) },
          responses: {
            "200": {
              description: "OK. Without a token the public fields only (PublicPlan); with a token all the token's owner may read (Plan).",
              headers: { ETag: { description: "Send as If-None-Match to get 304 while unchanged", schema: { type: "string" as const } } },
              content: { "application/json": { schema: r.response } },
            },
            "304": { description: "Not modified (If-None-Match matched the ETag)" },
            "400": problemResponse("A query or path parameter is unknown or malformed; invalidParams names it"),
            "401": problemResponse("Bad, revoked or expired token; or innsyn is off and no token was sent"),
            ...("path" in r.route ? { "404": problemResponse("No such id, or not one the reader may see") } : {}),
            "429": problemResponse("Over the rate limit; wait Retry-After seconds"),
          },
        },
      },
    ]),
  );
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Planregister API",
      version: "1",
      description: "Read-only access to the municipality's register of adopted plans, its revision schedule, planning strategies and SDG coverage. "
        + "Without a token: the public data shown on innsyn (when innsyn is on). With a personal API token (Authorization: Bearer prt_…, made on the account page): everything the token's owner may read. "
        + "Open data under NLOD 2.0.",
      license: { name: "NLOD 2.0", url: "https://data.norge.no/nlod/no/2.0" },
    },
    servers: [{ url: serverUrl }],
    components: { securitySchemes: { token: { type: "http", scheme: "bearer", description: "A personal API token (prt_…)" } } },
    security: [{}, { token: [] }],
    paths,
  });
}
