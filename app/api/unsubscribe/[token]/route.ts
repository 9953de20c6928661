// One-click unsubscribe (RFC 8058), the address in the List-Unsubscribe header. POST only: a GET
// (a link checker, a preview) must not unsubscribe anyone; the page /unsubscribe/<token> asks first.
import { oneClickUnsubscribe } from "@/lib/mail/one-click";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { appBaseUrl } from "@/lib/app-base-url";

type Context = { params: Promise<{ token: string }> };

/**
 * A client that opens the header's address instead of posting gets the page that asks first, at
 * the public address (request.url is the server's own, http(s)://localhost:<port> behind a proxy).
 */
export async function GET(request: Request, { params }: Context) {
  const { token } = await params;
  return Response.redirect(`${await appBaseUrl(request.headers)}/unsubscribe/${encodeURIComponent(token)}`, 303);
}

export async function POST(_request: Request, { params }: Context) {
  const { token } = await params;
  try {
    const status = await oneClickUnsubscribe(token);
    return new Response(status === 200 ? "Unsubscribed.\n" : "Unknown link.\n", { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  } catch (error) {
    if (isDatabaseUnavailable(error)) return new Response("Try again later.\n", { status: 503, headers: { "Retry-After": "30", "Content-Type": "text/plain; charset=utf-8" } });
    throw error;
  }
}
