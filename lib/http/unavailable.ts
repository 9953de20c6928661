// The page the HTTP edge serves with 503 when a page failed because the database does not
// answer (scripts/server.ts): plain HTML, no scripts, so it needs nothing that is down.
import type { ServerResponse } from "node:http";

type Texts = { unavailableTitle: string; unavailableBody: string; retry: string };

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Ends `res` with the 503 page in `lang`, linking back to `path` to try again. */
export function sendUnavailable(res: ServerResponse, lang: string, texts: Texts, path: string, retryAfterSeconds = 10): void {
  const href = path.startsWith("/") && !path.startsWith("//") ? path : "/";
  const html = `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escape(texts.unavailableTitle)} – Planregister</title></head>
<body style="font-family:system-ui,sans-serif;color:#111;background:#fff;margin:0"><main style="max-width:40rem;margin:4rem auto;padding:0 1rem">
<h1>${escape(texts.unavailableTitle)}</h1><p>${escape(texts.unavailableBody)}</p>
<p><a href="${escape(href)}" style="color:#00347d">${escape(texts.retry)}</a></p></main></body></html>`;
  res.statusCode = 503;
  for (const name of res.getHeaderNames()) if (!/^(content-security-policy|x-|referrer-policy|strict-transport-security|permissions-policy)/.test(name)) res.removeHeader(name);
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Retry-After", String(retryAfterSeconds));
  res.end(html);
}
