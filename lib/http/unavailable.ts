// The page the HTTP edge serves with 503 when a page failed because the database does not
// answer (scripts/server.ts): plain HTML, no scripts, so it needs nothing that is down.
import type { ServerResponse } from "node:http";

type Texts = { unavailableTitle: string; unavailableBody: string; retry: string };

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Ends `res` with a plain page: `status`, a heading, a paragraph and optionally a link. */
export function sendPlainPage(res: ServerResponse, status: number, lang: string, page: { title: string; body: string; link?: { href: string; text: string } }, headers: Record<string, string> = {}): void {
  const link = page.link ? `\n<p><a href="${escape(page.link.href)}" style="color:#00347d">${escape(page.link.text)}</a></p>` : "";
  const html = `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escape(page.title)} – Planregister</title></head>
<body style="font-family:system-ui,sans-serif;color:#111;background:#fff;margin:0"><main style="max-width:40rem;margin:4rem auto;padding:0 1rem">
<h1>${escape(page.title)}</h1><p>${escape(page.body)}</p>${link}</main></body></html>`;
  res.statusCode = status;
  for (const name of res.getHeaderNames()) if (!/^(content-security-policy|x-|referrer-policy|strict-transport-security|permissions-policy)/.test(name)) res.removeHeader(name);
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(html);
}

/** Ends `res` with the 503 page in `lang`, linking back to `path` to try again. */
export function sendUnavailable(res: ServerResponse, lang: string, texts: Texts, path: string, retryAfterSeconds = 10): void {
  const href = path.startsWith("/") && !path.startsWith("//") ? path : "/";
  sendPlainPage(res, 503, lang, { title: texts.unavailableTitle, body: texts.unavailableBody, link: { href, text: texts.retry } }, { "Retry-After": String(retryAfterSeconds) });
}
