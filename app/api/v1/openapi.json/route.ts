// The API's OpenAPI 3.1 document, generated from its zod schemas (lib/api/openapi.ts).
import { openApiDocument } from "@/lib/api/openapi";
import { CORS_HEADERS } from "@/lib/api/handler";

export function GET() {
  return Response.json(openApiDocument(), { headers: { ...CORS_HEADERS, "Cache-Control": "public, max-age=300" } });
}
