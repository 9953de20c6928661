// GET /api/docs/try: a form of the API reference, sent on to the API's own URL (lib/api/try-it.ts).
// No session or role is checked here: it only redirects, and the API checks the token itself.
import { tryItRedirect } from "@/lib/api/try-it";

export function GET(request: Request) {
  return tryItRedirect(new URL(request.url).searchParams);
}
