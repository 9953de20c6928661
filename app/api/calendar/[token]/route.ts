// The calendar feed (.ics) that calendar apps subscribe to, without cookies: the secret link is
// the credential (proxy.ts lets /api/calendar/ through; the check is here).
import { buildCalendarFeed } from "@/lib/calendar/feed";
import { findFeedReader, listFeedConsultations, listFeedPlans } from "@/lib/calendar/queries";
import { appBaseUrl } from "@/lib/app-base-url";
import { cachedForRegister } from "@/lib/register-cache";

type Context = { params: Promise<{ token: string }> };

// Private data behind a secret URL: no shared cache may keep it, no search engine may list it.
const privateHeaders = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" };

export async function GET(request: Request, context: Context) {
  const reader = await findFeedReader((await context.params).token);
  // One answer for a malformed, unknown or revoked token and for a user who lost access.
  if (!reader) return new Response("Not found\n", { status: 404, headers: { ...privateHeaders, "Content-Type": "text/plain; charset=utf-8" } });
  // The same for every reader: built once per change of the register (ical-generator spends
  // ~0.2 ms per event folding lines), not once per poll.
  // Next.js drops a Content-Encoding set here and gzips the text itself on each request.
  const baseUrl = await appBaseUrl(request.headers);
  const body = await cachedForRegister(`calendar-feed ${baseUrl}`, async () => buildCalendarFeed(await listFeedPlans(), baseUrl, await listFeedConsultations()));
  return new Response(body, {
    headers: { ...privateHeaders, "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'inline; filename="planregister.ics"' },
  });
}
